package dev.cfsign.edge;

import dev.cfsign.CredentialSource;
import dev.cfsign.DenialReason;
import dev.cfsign.VerifiedRequest;
import java.util.Locale;
import org.eclipse.jetty.server.Request;

/**
 * The edge's decision on one request, kept as a request attribute for the access log.
 *
 * @param outcome what was decided
 * @param reason the {@link DenialReason} of a denial or the rule of a refusal ({@link RequestPath.Refused#rule}), else
 *     null
 * @param keyPairId the key pair ID that verified, or the one a denied request claimed (log-safe), else null
 * @param source {@code url} or {@code cookies} when credentials were read, else null
 */
record AccessDecision(Outcome outcome, String reason, String keyPairId, String source) {
    static final String ATTRIBUTE = AccessDecision.class.getName();
    static final AccessDecision PUBLIC = new AccessDecision(Outcome.PUBLIC, null, null, null);

    enum Outcome {
        /** No behavior on the path requires a signature. */
        PUBLIC,
        /** Every protected path was verified. */
        ALLOW,
        /** A signature check failed: 403. */
        DENY,
        /** The path is ambiguous: 400 before any behavior or signature was looked at. */
        REFUSED
    }

    static AccessDecision allow(VerifiedRequest verified) {
        return new AccessDecision(Outcome.ALLOW, null, verified.keyPairId(), name(verified.source()));
    }

    static AccessDecision deny(DenialReason reason, String keyPairId, CredentialSource source) {
        return new AccessDecision(Outcome.DENY, reason.name(), keyPairId, source == null ? null : name(source));
    }

    static AccessDecision refused(String rule) {
        return new AccessDecision(Outcome.REFUSED, rule, null, null);
    }

    void attach(Request request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    private static String name(CredentialSource e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
