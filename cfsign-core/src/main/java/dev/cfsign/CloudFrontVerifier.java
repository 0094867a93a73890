package dev.cfsign;

import dev.cfsign.internal.CloudFrontBase64;
import dev.cfsign.internal.KeyVerifier;
import dev.cfsign.internal.PolicyJson;
import dev.cfsign.internal.PolicyReader;
import dev.cfsign.internal.ResourceMatcher;
import dev.cfsign.internal.SigningParameters;
import dev.cfsign.keys.VerificationKey;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies CloudFront signed URLs and signed cookies the way the CloudFront edge does.
 *
 * <pre>{@code
 * CloudFrontVerifier verifier = CloudFrontVerifier.builder()
 *     .trust("K2JCJMDEHXQW5F", VerificationKey.fromPem(publicPem))
 *     .clockSkew(Duration.ofSeconds(30))
 *     .build();
 * VerificationResult r = verifier.check(ViewerRequest.fromUrl(url, viewerIp));
 * }</pre>
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>Signed-URL parameters take precedence; {@code CloudFront-*} cookies are read only when the URL carries none
 *       of {@code Expires}, {@code Policy}, {@code Signature}, {@code Key-Pair-Id}, {@code Hash-Algorithm}.</li>
 *   <li>Parse: key pair ID present ({@code MissingKey}), not both {@code Expires} and {@code Policy}, a signature,
 *       a known and accepted {@code Hash-Algorithm} (SHA-1 when absent).</li>
 *   <li>Find the key ({@code InvalidKey}), decode the signature ({@code MalformedSignature}).</li>
 *   <li>Verify the signature over the exact bytes: for a canned policy the JSON rebuilt from scheme, host, raw path
 *       and the request's own query minus the signing parameters (order and encoding preserved); for a custom
 *       policy the decoded {@code Policy} bytes.</li>
 *   <li>Only then evaluate the policy: strict parse ({@code MalformedPolicy}), {@code Resource} (wildcards per URL
 *       section), {@code DateLessThan} (denied when now ≥ expiry + skew), {@code DateGreaterThan} (denied when
 *       now ≤ start − skew), {@code IpAddress}.</li>
 * </ol>
 *
 * <p>Instances are immutable and thread-safe; the {@link Builder} is not thread-safe. Denial messages never contain
 * the signature or the signed URL.
 *
 * @since 0.1
 */
public final class CloudFrontVerifier {
    /** The largest clock-skew allowance the builder accepts. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    private final TrustedKeys trustedKeys;
    private final Map<String, KeyVerifier> verifiers;
    private final Clock clock;
    private final Duration clockSkew;
    private final Set<HashAlgorithm> acceptedHashAlgorithms;
    private final String providerName;

    private CloudFrontVerifier(Builder b) {
        this.trustedKeys = b.keys.build();
        Map<String, KeyVerifier> m = new HashMap<>();
        Provider provider = b.provider != null ? b.provider : CryptoProviders.preferred().orElse(null);
        trustedKeys.asMap().forEach((id, key) -> m.put(id, new KeyVerifier(key.jcaPublicKey(), provider)));
        this.providerName = provider != null ? provider.getName() : "JDK";
        this.verifiers = Collections.unmodifiableMap(m);
        this.clock = b.clock;
        this.clockSkew = b.clockSkew;
        this.acceptedHashAlgorithms = Collections.unmodifiableSet(EnumSet.copyOf(b.hashAlgorithms));
    }

    public static Builder builder() {
        return new Builder();
    }

    public TrustedKeys trustedKeys() {
        return trustedKeys;
    }

    public Clock clock() {
        return clock;
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    public Set<HashAlgorithm> acceptedHashAlgorithms() {
        return acceptedHashAlgorithms;
    }

    /**
     * Verifies the request and returns the verified request.
     *
     * @throws VerificationException when CloudFront would deny the request; {@link VerificationException#reason()}
     *     says why
     */
    public VerifiedRequest verify(ViewerRequest request) {
        return check(request).orElseThrow();
    }

    /** Verifies the request; never throws for a denied request. */
    public VerificationResult check(ViewerRequest request) {
        Objects.requireNonNull(request, "request");
        SigningParameters query = SigningParameters.fromQuery(request.rawQueryOrNull());
        SigningParameters p = query;
        CredentialSource source = CredentialSource.URL;
        if (!query.any()) {
            p = SigningParameters.fromCookies(request.cookieHeaders());
            source = CredentialSource.COOKIES;
            if (!p.any()) {
                return deny(DenialReason.NO_CREDENTIALS, "The request carries no signed-URL parameters and no"
                        + " CloudFront-* cookies.");
            }
        }
        String where = source == CredentialSource.URL ? "The URL carries" : "The cookies carry";
        String prefix = source == CredentialSource.URL ? "" : SigningParameters.COOKIE_PREFIX;
        if (p.duplicate != null) {
            return deny(DenialReason.DUPLICATE_PARAMETER, where + " the parameter " + p.duplicate + " twice.");
        }
        if (p.keyPairId == null || p.keyPairId.isEmpty()) {
            return deny(DenialReason.MISSING_KEY_PAIR_ID, where + " no " + prefix + "Key-Pair-Id (or an empty one).");
        }
        if (p.expires != null && p.policy != null) {
            return deny(DenialReason.BOTH_EXPIRES_AND_POLICY, where + " both " + prefix + "Expires and " + prefix
                    + "Policy; CloudFront takes exactly one of them.");
        }
        if (p.expires == null && p.policy == null) {
            return deny(DenialReason.MISSING_EXPIRES_OR_POLICY, where + " neither " + prefix + "Expires (canned"
                    + " policy) nor " + prefix + "Policy (custom policy).");
        }
        if (p.signature == null || p.signature.isEmpty()) {
            return deny(DenialReason.MISSING_SIGNATURE, where + " no " + prefix + "Signature (or an empty one).");
        }
        HashAlgorithm hash = HashAlgorithm.SHA1;
        if (p.hashAlgorithm != null) {
            hash = HashAlgorithm.fromParameterValue(p.hashAlgorithm).orElse(null);
            if (hash == null) {
                return deny(DenialReason.UNSUPPORTED_HASH_ALGORITHM, where + " an unknown " + prefix
                        + "Hash-Algorithm; CloudFront knows SHA1 and SHA256.");
            }
        }
        if (!acceptedHashAlgorithms.contains(hash)) {
            return deny(DenialReason.UNSUPPORTED_HASH_ALGORITHM, "This verifier does not accept " + hash
                    + " signatures (accepted: " + acceptedHashAlgorithms + ").");
        }
        KeyVerifier key = verifiers.get(p.keyPairId);
        if (key == null) {
            return deny(DenialReason.UNKNOWN_KEY_PAIR_ID, "The key pair ID " + safeId(p.keyPairId)
                    + " is not trusted (trusted: " + trustedKeys.keyPairIds() + ").");
        }
        byte[] signature;
        try {
            signature = CloudFrontBase64.decode(p.signature);
        } catch (IllegalArgumentException e) {
            return deny(DenialReason.MALFORMED_SIGNATURE, "The " + prefix + "Signature is not CloudFront base64 ("
                    + e.getMessage() + "; the alphabet is A-Z a-z 0-9 - _ ~).");
        }
        boolean canned = p.expires != null;
        byte[] message;
        String policyJson;
        String resource = null;
        long expires = 0;
        if (canned) {
            expires = SigningParameters.parseEpoch(p.expires);
            if (expires < 0) {
                return deny(DenialReason.MALFORMED_EXPIRES, "The " + prefix + "Expires value is not a whole number of"
                        + " seconds between 0 and 2147483647.");
            }
            String q = query.remainingQuery;
            resource = request.scheme() + "://" + request.authority() + request.rawPath() + (q == null ? "" : "?" + q);
            policyJson = PolicyJson.canned(resource, expires);
            message = policyJson.getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                message = CloudFrontBase64.decode(p.policy);
            } catch (IllegalArgumentException e) {
                return deny(DenialReason.MALFORMED_POLICY, "The " + prefix + "Policy is not CloudFront base64 ("
                        + e.getMessage() + ").");
            }
            policyJson = null;
        }
        if (!key.verify(hash, message, signature)) {
            return deny(DenialReason.BAD_SIGNATURE, "The signature does not verify with key " + safeId(p.keyPairId)
                    + " and " + hash + (canned ? " over the canned policy rebuilt from this URL." : " over the policy."));
        }
        // Authenticated from here on.
        Instant now = clock.instant();
        if (canned) {
            Instant exp = Instant.ofEpochSecond(expires);
            if (!now.isBefore(exp.plus(clockSkew))) {
                return deny(DenialReason.EXPIRED, "Expired at " + exp + " (now " + now + ").");
            }
            return VerificationResult.allowed(new VerifiedRequest(p.keyPairId, source, hash, true, policyJson,
                    resource, exp, null, null));
        }
        PolicyReader.Parsed policy;
        try {
            policyJson = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(message)).toString();
            policy = PolicyReader.parse(policyJson);
        } catch (CharacterCodingException e) {
            return deny(DenialReason.MALFORMED_POLICY, "The policy is not UTF-8 text.");
        } catch (PolicyReader.MalformedPolicy e) {
            return deny(DenialReason.MALFORMED_POLICY, "The policy is malformed: " + e.getMessage() + ".");
        }
        if (policy.resource() != null && !ResourceMatcher.matches(policy.resource(), request.scheme(),
                request.authority(), request.rawPath(), query.remainingQuery)) {
            return deny(DenialReason.RESOURCE_MISMATCH, "The request " + request.urlWithoutQuery()
                    + " does not match the policy resource.");
        }
        Instant exp = Instant.ofEpochSecond(policy.dateLessThan());
        if (!now.isBefore(exp.plus(clockSkew))) {
            return deny(DenialReason.EXPIRED, "Expired at " + exp + " (now " + now + ").");
        }
        Instant start = policy.dateGreaterThan() == null ? null : Instant.ofEpochSecond(policy.dateGreaterThan());
        if (start != null && !now.isAfter(start.minus(clockSkew))) {
            return deny(DenialReason.NOT_YET_VALID, "Not valid until after " + start + " (now " + now + ").");
        }
        if (policy.sourceIp() != null) {
            InetAddress ip = request.viewerIpOrNull();
            if (ip == null || !policy.sourceIp().contains(ip)) {
                return deny(DenialReason.IP_NOT_ALLOWED, "The viewer IP " + (ip == null ? "(unknown)" : ip.getHostAddress())
                        + " is outside the policy's IpAddress " + policy.sourceIpText() + ".");
            }
        }
        return VerificationResult.allowed(new VerifiedRequest(p.keyPairId, source, hash, false, policyJson,
                policy.resource(), exp, start, policy.sourceIpText()));
    }

    private static VerificationResult deny(DenialReason reason, String message) {
        return VerificationResult.denied(reason, message);
    }

    /** A key pair ID for messages: shown when it looks like one, otherwise described (it may be a pasted PEM). */
    static String safeId(String id) {
        if (id.length() > 64) {
            return "(a " + id.length() + "-character value)";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return "(a " + id.length() + "-character value with unexpected characters)";
            }
        }
        return id;
    }

    /** The configuration: key pair IDs and key types, hash algorithms, clock skew, clock. No key material. */
    @Override
    public String toString() {
        return "CloudFrontVerifier[keys=" + trustedKeys + ", hashAlgorithms=" + acceptedHashAlgorithms
                + ", clockSkew=" + clockSkew + ", clock=" + clock + ", provider=" + providerName + "]";
    }

    /** Builds a {@link CloudFrontVerifier}. Not thread-safe. */
    public static final class Builder {
        private final TrustedKeys.Builder keys = TrustedKeys.builder();
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = Duration.ZERO;
        private Set<HashAlgorithm> hashAlgorithms = EnumSet.allOf(HashAlgorithm.class);
        private Provider provider;

        private Builder() {}

        /**
         * The JCA provider to verify with. Default: the Amazon Corretto Crypto Provider when it is on the class path
         * and healthy, else the JDK's (see {@link CryptoProviders}).
         */
        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        /** Trusts a public key under its CloudFront key pair ID (public key ID of a key group). Repeatable. */
        public Builder trust(String keyPairId, VerificationKey key) {
            keys.add(keyPairId, key);
            return this;
        }

        /** Trusts every key of a key group. */
        public Builder trust(TrustedKeys trustedKeys) {
            keys.addAll(Objects.requireNonNull(trustedKeys, "trustedKeys"));
            return this;
        }

        /** The clock that decides "now"; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Tolerance for clock differences, applied to {@code DateLessThan}/{@code Expires} and {@code DateGreaterThan}.
         * Default zero (as CloudFront); at most {@link #MAX_CLOCK_SKEW}.
         */
        public Builder clockSkew(Duration clockSkew) {
            Objects.requireNonNull(clockSkew, "clockSkew");
            if (clockSkew.isNegative()) {
                throw new IllegalArgumentException("The clock skew cannot be negative");
            }
            if (clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("Clock skew too large: at most " + MAX_CLOCK_SKEW.toMinutes()
                        + " minutes; fix the clocks (NTP) rather than widening the window");
            }
            this.clockSkew = clockSkew;
            return this;
        }

        /** The hash algorithms accepted; default both SHA1 and SHA256. */
        public Builder acceptedHashAlgorithms(HashAlgorithm first, HashAlgorithm... more) {
            EnumSet<HashAlgorithm> s = EnumSet.of(Objects.requireNonNull(first, "first"), more);
            this.hashAlgorithms = s;
            return this;
        }

        /** @throws IllegalStateException when no key is trusted */
        public CloudFrontVerifier build() {
            if (keys.build().size() == 0) {
                throw new IncompleteSetupException("A verifier needs a trusted key.", Remedy.TRUST_A_KEY);
            }
            return new CloudFrontVerifier(this);
        }
    }
}
