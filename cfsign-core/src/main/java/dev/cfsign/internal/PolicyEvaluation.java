package dev.cfsign.internal;

import dev.cfsign.DenialReason;
import dev.cfsign.ViewerRequest;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

/**
 * The one evaluation of an authenticated policy against a request: strict parse, {@code Resource}, dates with the
 * clock skew, {@code IpAddress}. Used by the verifier; the diagnosis reads its outcome to explain it.
 *
 * @param denial     why the policy refuses the request, or null when it allows it
 * @param message    a sentence on the denial (never the signature), or null
 * @param policyJson the policy text (canned: rebuilt; custom: decoded), null when it is not UTF-8
 * @param custom     the parsed custom policy; null for canned policies and unparseable ones
 * @param expiresAt  the expiry, null when the policy does not parse
 * @param activeFrom {@code DateGreaterThan}, or null
 * @param malformed  what made the policy malformed, or null
 */
public record PolicyEvaluation(DenialReason denial, String message, String policyJson, PolicyReader.Parsed custom,
                               Instant expiresAt, Instant activeFrom, PolicyReader.MalformedPolicy malformed) {

    /** The resource the policy grants: the canned URL, or the custom {@code Resource} (may be null). */
    public String resource(RequestReading.Readable r) {
        return r.canned() ? r.cannedResource() : custom == null ? null : custom.resource();
    }

    public static PolicyEvaluation evaluate(RequestReading.Readable r, ViewerRequest request, Instant now,
                                            Duration skew) {
        if (r.canned()) {
            Instant exp = Instant.ofEpochSecond(r.expires());
            return new PolicyEvaluation(expired(exp, now, skew), expiredMessage(exp, now, skew), r.policyJson(), null,
                    exp, null, null);
        }
        String json = RequestReading.utf8OrNull(r.signedBytes());
        if (json == null) {
            return new PolicyEvaluation(DenialReason.MALFORMED_POLICY, "The policy is not UTF-8 text.", null, null,
                    null, null, null);
        }
        PolicyReader.Parsed policy;
        try {
            policy = PolicyReader.parse(json);
        } catch (PolicyReader.MalformedPolicy e) {
            return new PolicyEvaluation(DenialReason.MALFORMED_POLICY, "The policy is malformed: " + e.getMessage()
                    + ".", json, null, null, null, e);
        }
        Instant exp = Instant.ofEpochSecond(policy.dateLessThan());
        Instant start = policy.dateGreaterThan() == null ? null : Instant.ofEpochSecond(policy.dateGreaterThan());
        if (policy.resource() != null && !ResourceMatcher.matches(policy.resource(), request.scheme(),
                request.authority(), request.rawPath(), r.remainingQuery())) {
            return new PolicyEvaluation(DenialReason.RESOURCE_MISMATCH, "The request " + request.urlWithoutQuery()
                    + " does not match the policy resource.", json, policy, exp, start, null);
        }
        if (expired(exp, now, skew) != null) {
            return new PolicyEvaluation(DenialReason.EXPIRED, expiredMessage(exp, now, skew), json, policy, exp, start, null);
        }
        if (start != null && !now.isAfter(start.minus(skew))) {
            return new PolicyEvaluation(DenialReason.NOT_YET_VALID, "Not valid until after " + start + " (now " + now
                    + ").", json, policy, exp, start, null);
        }
        if (policy.sourceIp() != null) {
            InetAddress ip = request.viewerIp().orElse(null);
            if (ip == null || !policy.sourceIp().contains(ip)) {
                return new PolicyEvaluation(DenialReason.IP_NOT_ALLOWED, "The viewer IP "
                        + (ip == null ? "(unknown)" : ip.getHostAddress()) + " is outside the policy's IpAddress "
                        + policy.sourceIpText() + ".", json, policy, exp, start, null);
            }
        }
        return new PolicyEvaluation(null, null, json, policy, exp, start, null);
    }

    private static DenialReason expired(Instant exp, Instant now, Duration skew) {
        return now.isBefore(exp.plus(skew)) ? null : DenialReason.EXPIRED;
    }

    private static String expiredMessage(Instant exp, Instant now, Duration skew) {
        return expired(exp, now, skew) == null ? null : "Expired at " + exp + " (now " + now + ").";
    }
}
