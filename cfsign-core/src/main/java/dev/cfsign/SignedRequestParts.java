package dev.cfsign;

import dev.cfsign.internal.PolicyReader;
import dev.cfsign.internal.RequestReading;
import dev.cfsign.internal.SigningParameters;
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

    private SignedRequestParts(CredentialSource source, SigningParameters p, String policyJson, boolean canned,
                               String policyProblem, String cannedResource, PolicyReader.Parsed customPolicy) {
        this.source = source;
        this.keyPairId = p.get(SigningParameter.KEY_PAIR_ID);
        this.expiresParameter = p.get(SigningParameter.EXPIRES);
        this.policyJson = policyJson;
        this.canned = canned;
        this.hashAlgorithmParameter = p.get(SigningParameter.HASH_ALGORITHM);
        String signature = p.get(SigningParameter.SIGNATURE);
        this.signaturePresent = signature != null && !signature.isEmpty();
        this.policyProblem = policyProblem;
        this.cannedResource = cannedResource;
        this.customPolicy = customPolicy;
    }

    /** Reads a signed URL without verifying it. */
    public static SignedRequestParts parseUnverified(String url) {
        return parseUnverified(ViewerRequest.of(url));
    }

    /** Reads signed cookies ({@code Cookie} header value) for the given URL, without verifying them. */
    public static SignedRequestParts parseUnverifiedCookies(String url, String cookieHeader) {
        return parseUnverified(ViewerRequest.builder().url(url).cookieHeader(cookieHeader).build());
    }

    /**
     * Reads the credentials of a request (URL first, then cookies), without verifying them: a view of the same
     * reading {@link CloudFrontVerifier} starts from.
     */
    public static SignedRequestParts parseUnverified(ViewerRequest request) {
        RequestReading.Reading reading = RequestReading.read(request);
        SigningParameters p = reading.params();
        CredentialSource source = reading.source() != null ? reading.source() : CredentialSource.COOKIES;
        String expires = p.get(SigningParameter.EXPIRES);
        boolean canned = expires != null && p.get(SigningParameter.POLICY) == null;
        if (!canned && p.get(SigningParameter.POLICY) == null) {
            return new SignedRequestParts(source, p, null, false, null, null, null);
        }
        String rest = reading instanceof RequestReading.Readable r ? r.remainingQuery()
                : SigningParameters.fromQuery(request.rawQuery().orElse(null)).remainingQuery();
        RequestReading.PolicyText text = RequestReading.policyText(request, p, rest);
        if (text.problem() != null) {
            return new SignedRequestParts(source, p, null, canned, (canned ? "Expires " : "Policy ")
                    + text.problemMessage(), null, null);
        }
        if (canned) {
            return new SignedRequestParts(source, p, text.cannedJson(), true, null, text.cannedResource(), null);
        }
        String json = RequestReading.utf8OrNull(text.bytes());
        if (json == null) {
            return new SignedRequestParts(source, p, null, false, "the policy is not UTF-8 text", null, null);
        }
        try {
            return new SignedRequestParts(source, p, json, false, null, null, PolicyReader.parse(json));
        } catch (PolicyReader.MalformedPolicy e) {
            return new SignedRequestParts(source, p, json, false, "the policy is malformed: " + e.getMessage(), null, null);
        }
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
