package dev.cfsign.internal;

import dev.cfsign.CredentialSource;
import dev.cfsign.DenialReason;
import dev.cfsign.HashAlgorithm;
import dev.cfsign.PathSegments;
import dev.cfsign.SigningParameter;
import dev.cfsign.ViewerRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one reading of a viewer request's credentials: URL parameters, else {@code CloudFront-*} cookies. The verifier,
 * the diagnosis, {@code SignedRequestParts} and the edge's log all start from it, so they cannot disagree on what a
 * request says. Nothing here is authenticated; the order of the checks is CloudFront's (docs/cloudfront-rules.md
 * §2).
 */
public final class RequestReading {
    private RequestReading() {}

    /** What a request carries: nothing, something CloudFront rejects before any key is used, or a readable set. */
    public sealed interface Reading permits None, Rejected, Readable {
        /** Where the credentials were read from; null when there are none. */
        CredentialSource source();

        /** The signing parameters as read (empty when none). */
        SigningParameters params();

        /** The key pair ID the request claims, or null. */
        default String claimedKeyPairId() {
            String id = params().get(SigningParameter.KEY_PAIR_ID);
            return id == null || id.isEmpty() ? null : id;
        }
    }

    /** No credentials at all. */
    public record None(SigningParameters params) implements Reading {
        @Override
        public CredentialSource source() {
            return null;
        }
    }

    /**
     * Refused. When {@code afterKeyLookup}, CloudFront looks the key up first (an unknown key wins over this reason);
     * {@code hash} is then known.
     */
    public record Rejected(CredentialSource source, SigningParameters params, DenialReason reason, String message,
                           boolean afterKeyLookup, HashAlgorithm hash) implements Reading {}

    /**
     * Readable: the signature bytes and the exact bytes they must sign. For a canned policy {@code policyJson} is the
     * JSON rebuilt from the request and {@code cannedResource} its resource; for a custom one both are null and
     * {@code signedBytes} is the decoded {@code Policy}.
     */
    public record Readable(CredentialSource source, SigningParameters params, HashAlgorithm hash, byte[] signature,
                           byte[] signedBytes, boolean canned, long expires, String cannedResource,
                           String policyJson, String remainingQuery) implements Reading {
        @Override
        public String claimedKeyPairId() {
            return params.get(SigningParameter.KEY_PAIR_ID);
        }
    }

    public static Reading read(ViewerRequest request) {
        SigningParameters query = SigningParameters.fromQuery(request.rawQuery().orElse(null));
        SigningParameters p = query.any() ? query : SigningParameters.fromCookies(request.cookieHeaders());
        CredentialSource source = !p.any() ? null : p == query ? CredentialSource.URL : CredentialSource.COOKIES;
        if (PathSegments.hasDotSegment(request.rawPath())) {
            return new Rejected(source, p, DenialReason.DOT_SEGMENT, "The path has a '.' or '..' segment; browsers"
                    + " resolve them before sending, and CloudFront answers 400 Bad Request.", false, null);
        }
        return source == null ? new None(p) : read(request, source, p, query.remainingQuery());
    }

    private static Reading read(ViewerRequest request, CredentialSource source, SigningParameters p, String rest) {
        Names n = new Names(source);
        String expires = p.get(SigningParameter.EXPIRES);
        String policy = p.get(SigningParameter.POLICY);
        String signature = p.get(SigningParameter.SIGNATURE);
        String keyPairId = p.get(SigningParameter.KEY_PAIR_ID);
        String hashText = p.get(SigningParameter.HASH_ALGORITHM);
        if (p.duplicate() != null) {
            return reject(source, p, DenialReason.DUPLICATE_PARAMETER, n.carry + " the parameter "
                    + n.of(p.duplicate()) + " twice.");
        }
        if (keyPairId == null || keyPairId.isEmpty()) {
            return reject(source, p, DenialReason.MISSING_KEY_PAIR_ID, n.carry + " no "
                    + n.of(SigningParameter.KEY_PAIR_ID) + " (or an empty one).");
        }
        if (expires != null && policy != null) {
            return reject(source, p, DenialReason.BOTH_EXPIRES_AND_POLICY, n.carry + " both "
                    + n.of(SigningParameter.EXPIRES) + " and " + n.of(SigningParameter.POLICY)
                    + "; CloudFront takes exactly one of them.");
        }
        if (expires == null && policy == null) {
            return reject(source, p, DenialReason.MISSING_EXPIRES_OR_POLICY, n.carry + " neither "
                    + n.of(SigningParameter.EXPIRES) + " (canned policy) nor " + n.of(SigningParameter.POLICY)
                    + " (custom policy).");
        }
        if (signature == null || signature.isEmpty()) {
            return reject(source, p, DenialReason.MISSING_SIGNATURE, n.carry + " no "
                    + n.of(SigningParameter.SIGNATURE) + " (or an empty one).");
        }
        HashAlgorithm hash = hashText == null ? HashAlgorithm.SHA1 : HashAlgorithm.fromParameterValue(hashText).orElse(null);
        if (hash == null) {
            return reject(source, p, DenialReason.UNSUPPORTED_HASH_ALGORITHM, n.carry + " an unknown "
                    + n.of(SigningParameter.HASH_ALGORITHM) + "; CloudFront knows SHA1 and SHA256.");
        }
        return decode(request, source, p, hash, rest, n);
    }

    /** The checks CloudFront makes once it has found the key. */
    private static Reading decode(ViewerRequest request, CredentialSource source, SigningParameters p,
                                  HashAlgorithm hash, String rest, Names n) {
        PolicyText policy = policyText(request, p, rest);
        byte[] signature;
        try {
            signature = CloudFrontBase64.decode(p.get(SigningParameter.SIGNATURE));
        } catch (IllegalArgumentException e) {
            return new Rejected(source, p, DenialReason.MALFORMED_SIGNATURE, "The " + n.of(SigningParameter.SIGNATURE)
                    + " is not CloudFront base64 (" + e.getMessage() + "; the alphabet is A-Z a-z 0-9 - _ ~).", true, hash);
        }
        if (policy.problem() != null) {
            return new Rejected(source, p, policy.problem(), "The " + n.of(policy.canned() ? SigningParameter.EXPIRES
                    : SigningParameter.POLICY) + " " + policy.problemMessage() + ".", true, hash);
        }
        return new Readable(source, p, hash, signature, policy.bytes(), policy.canned(), policy.expires(),
                policy.cannedResource(), policy.cannedJson(), rest);
    }

    /**
     * The policy a request carries, unverified: for {@code Expires} the canned JSON rebuilt from the request, for
     * {@code Policy} its decoded bytes; or why it cannot be had ({@code problem}, null when fine).
     */
    public record PolicyText(boolean canned, byte[] bytes, long expires, String cannedResource, String cannedJson,
                             DenialReason problem, String problemMessage) {}

    /** The policy of parameters that carry {@code Expires} or {@code Policy}; the one place that decodes it. */
    public static PolicyText policyText(ViewerRequest request, SigningParameters p, String remainingQuery) {
        String expires = p.get(SigningParameter.EXPIRES);
        if (expires != null) {
            long e = SigningParameters.parseEpoch(expires);
            if (e < 0) {
                return new PolicyText(true, null, -1, null, null, DenialReason.MALFORMED_EXPIRES,
                        "value is not a whole number of seconds between 0 and 2147483647");
            }
            String resource = cannedResource(request, remainingQuery);
            String json = PolicyJson.canned(resource, e);
            return new PolicyText(true, json.getBytes(StandardCharsets.UTF_8), e, resource, json, null, null);
        }
        try {
            byte[] policy = CloudFrontBase64.decode(p.get(SigningParameter.POLICY));
            return new PolicyText(false, policy, -1, null, null, null, null);
        } catch (IllegalArgumentException e) {
            return new PolicyText(false, null, -1, null, null, DenialReason.MALFORMED_POLICY,
                    "is not CloudFront base64 (" + e.getMessage() + ")");
        }
    }

    /** The resource CloudFront rebuilds for a canned policy: scheme, host, raw path, remaining query. */
    public static String cannedResource(ViewerRequest request, String remainingQuery) {
        return request.urlWithoutQuery() + (remainingQuery == null ? "" : "?" + remainingQuery);
    }

    /** Strict UTF-8: a policy that is not UTF-8 text is malformed everywhere. Null when it is not. */
    public static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Rejected reject(CredentialSource source, SigningParameters p, DenialReason reason, String message) {
        return new Rejected(source, p, reason, message, false, null);
    }

    /** How the parameters are named where they were found. */
    private record Names(String carry, boolean cookies) {
        Names(CredentialSource source) {
            this(source == CredentialSource.URL ? "The URL carries" : "The cookies carry",
                    source == CredentialSource.COOKIES);
        }

        String of(SigningParameter p) {
            return cookies ? p.cookieName() : p.queryName();
        }
    }
}
