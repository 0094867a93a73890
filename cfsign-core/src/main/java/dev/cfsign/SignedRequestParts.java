package dev.cfsign;

import dev.cfsign.internal.CloudFrontBase64;
import dev.cfsign.internal.PolicyJson;
import dev.cfsign.internal.PolicyReader;
import dev.cfsign.internal.SigningParameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The signing parameters of a URL or cookie set, read <b>without verifying anything</b>: for display (the CLI's
 * {@code inspect}) and diagnosis only. Nothing here is authenticated; never grant access based on it — use
 * {@link CloudFrontVerifier}.
 *
 * <p>{@link #toString()} shows no signature.
 *
 * @since 0.1
 */
public final class SignedRequestParts {
    private final CredentialSource source;
    private final String keyPairId;
    private final String expiresParameter;
    private final String policyJson;
    private final boolean canned;
    private final String hashAlgorithmParameter;
    private final boolean signaturePresent;
    private final String policyProblem;
    private final PolicyReader.Parsed customPolicy; // null for canned policies and unreadable ones
    private final String cannedResource;

    private SignedRequestParts(CredentialSource source, String keyPairId, String expiresParameter, String policyJson,
                               boolean canned, String hashAlgorithmParameter, boolean signaturePresent,
                               String policyProblem, String cannedResource) {
        this.cannedResource = cannedResource;
        PolicyReader.Parsed parsed = null;
        if (!canned && policyJson != null) {
            try {
                parsed = PolicyReader.parse(policyJson);
            } catch (PolicyReader.MalformedPolicy e) {
                policyProblem = policyProblem != null ? policyProblem : "the policy is malformed: " + e.getMessage();
            }
        }
        this.customPolicy = parsed;
        this.source = source;
        this.keyPairId = keyPairId;
        this.expiresParameter = expiresParameter;
        this.policyJson = policyJson;
        this.canned = canned;
        this.hashAlgorithmParameter = hashAlgorithmParameter;
        this.signaturePresent = signaturePresent;
        this.policyProblem = policyProblem;
    }

    /** Reads a signed URL without verifying it. */
    public static SignedRequestParts parseUnverified(String url) {
        return parseUnverified(ViewerRequest.of(url));
    }

    /** Reads signed cookies ({@code Cookie} header value) for the given URL, without verifying them. */
    public static SignedRequestParts parseUnverifiedCookies(String url, String cookieHeader) {
        return parseUnverified(ViewerRequest.builder().url(url).cookieHeader(cookieHeader).build());
    }

    /** Reads the credentials of a request (URL first, then cookies), without verifying them. */
    public static SignedRequestParts parseUnverified(ViewerRequest request) {
        SigningParameters query = SigningParameters.fromQuery(request.rawQuery().orElse(null));
        SigningParameters p = query;
        CredentialSource source = CredentialSource.URL;
        if (!query.any()) {
            p = SigningParameters.fromCookies(request.cookieHeaders());
            source = CredentialSource.COOKIES;
        }
        String json = null;
        String problem = null;
        String cannedResource = null;
        boolean canned = p.expires != null && p.policy == null;
        if (canned) {
            long e = SigningParameters.parseEpoch(p.expires);
            if (e >= 0) {
                String q = query.remainingQuery;
                cannedResource = request.scheme() + "://" + request.authority() + request.rawPath() + (q == null ? "" : "?" + q);
                json = PolicyJson.canned(cannedResource, e);
            } else {
                problem = "Expires is not a whole number of seconds in 0..2147483647";
            }
        } else if (p.policy != null) {
            try {
                json = new String(CloudFrontBase64.decode(p.policy), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                problem = "Policy is not CloudFront base64: " + e.getMessage();
            }
        }
        return new SignedRequestParts(source, p.keyPairId, p.expires, json, canned, p.hashAlgorithm,
                p.signature != null && !p.signature.isEmpty(), problem, cannedResource);
    }

    /** Where the parameters were found (URL parameters take precedence over cookies). */
    public CredentialSource source() {
        return source;
    }

    /** True when any signing parameter was found. */
    public boolean hasCredentials() {
        return keyPairId != null || expiresParameter != null || policyJson != null || signaturePresent
                || hashAlgorithmParameter != null;
    }

    public Optional<String> keyPairId() {
        return Optional.ofNullable(keyPairId);
    }

    /** True for a canned policy ({@code Expires}). */
    public boolean isCannedPolicy() {
        return canned;
    }

    /**
     * The policy JSON: the decoded {@code Policy}, or for a canned policy the JSON CloudFront rebuilds from this URL.
     */
    public Optional<String> policyJson() {
        return Optional.ofNullable(policyJson);
    }

    /** The expiry: {@code Expires}, or the custom policy's {@code DateLessThan} when the policy parses. */
    public Optional<Instant> expiresAt() {
        if (canned) {
            long e = SigningParameters.parseEpoch(expiresParameter);
            return e < 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(e));
        }
        return customPolicy == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(customPolicy.dateLessThan()));
    }

    /** The resource: the canned URL rebuilt from the request, or the custom policy's {@code Resource} (may be absent). */
    public Optional<String> resource() {
        if (canned) {
            return Optional.ofNullable(cannedResource);
        }
        return customPolicy == null ? Optional.empty() : Optional.ofNullable(customPolicy.resource());
    }

    /** The custom policy's {@code DateGreaterThan}, if any. */
    public Optional<Instant> activeFrom() {
        return customPolicy == null || customPolicy.dateGreaterThan() == null ? Optional.empty()
                : Optional.of(Instant.ofEpochSecond(customPolicy.dateGreaterThan()));
    }

    /** The custom policy's {@code IpAddress}, if any, as written. */
    public Optional<String> ipRange() {
        return customPolicy == null ? Optional.empty() : Optional.ofNullable(customPolicy.sourceIpText());
    }

    /** The hash algorithm named by the parameter, SHA1 when absent; empty when the value is unknown. */
    public Optional<HashAlgorithm> hashAlgorithm() {
        return hashAlgorithmParameter == null ? Optional.of(HashAlgorithm.SHA1)
                : HashAlgorithm.fromParameterValue(hashAlgorithmParameter);
    }

    /** The raw {@code Hash-Algorithm} value, if any. */
    public Optional<String> hashAlgorithmParameter() {
        return Optional.ofNullable(hashAlgorithmParameter);
    }

    public boolean signaturePresent() {
        return signaturePresent;
    }

    /** Why the policy could not be read, if it could not. */
    public Optional<String> policyProblem() {
        return Optional.ofNullable(policyProblem);
    }

    @Override
    public String toString() {
        return "SignedRequestParts[UNVERIFIED, source=" + source + ", keyPairId=" + keyPairId + ", policy="
                + (canned ? "canned" : policyJson == null ? "none" : "custom") + ", expiresAt="
                + expiresAt().map(Instant::toString).orElse("?") + ", hash=" + hashAlgorithm().map(Enum::name).orElse("unknown")
                + ", signature=" + (signaturePresent ? "present" : "absent") + "]";
    }
}
