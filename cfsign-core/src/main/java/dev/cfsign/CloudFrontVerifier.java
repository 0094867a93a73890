package dev.cfsign;

import dev.cfsign.internal.KeyPairIds;
import dev.cfsign.internal.KeyVerifier;
import dev.cfsign.internal.PolicyEvaluation;
import dev.cfsign.internal.RequestReading;
import dev.cfsign.keys.VerificationKey;
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
 * <p>Rules, in order ({@link #check} is four named steps over one reading of the request):
 * <ol>
 *   <li>A raw path with a dot segment is refused ({@link DenialReason#DOT_SEGMENT}, 400).</li>
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
    /** False only for {@link #readingOnly}: steps 2 and 3 (key, signature) are skipped. */
    private final boolean checksSignatures;

    private CloudFrontVerifier(Builder b, boolean checksSignatures) {
        this.checksSignatures = checksSignatures;
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

    /**
     * For the keyless diagnosis only: reads the request and evaluates its unauthenticated policy, never looking at a
     * key or the signature. Its {@link #trace} can say "allowed" for a forged request, so it never checks or verifies.
     */
    static CloudFrontVerifier readingOnly(Clock clock) {
        return new CloudFrontVerifier(new Builder().clock(clock), false);
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
        if (!checksSignatures) {
            throw new IllegalStateException("A reading-only verifier checks no signature");
        }
        return trace(request).result();
    }

    /**
     * A check with what it read and evaluated, for the diagnosis, which explains the verdict and never reaches its own.
     *
     * @param evaluation the policy evaluation, or null when the check stopped before it
     */
    record Trace(RequestReading.Reading reading, PolicyEvaluation evaluation, VerificationResult result, Instant now) {}

    /** Read, find the key, verify the signature, evaluate the policy: the verifier's four steps. */
    Trace trace(ViewerRequest request) {
        Objects.requireNonNull(request, "request");
        RequestReading.Reading reading = RequestReading.read(request);
        Instant now = clock.instant();
        VerificationResult denied = readable(reading);
        if (denied == null && checksSignatures) {
            denied = findKey(reading);
        }
        if (denied == null && reading instanceof RequestReading.Rejected r) {
            denied = deny(reading, r.reason(), r.message());
        }
        if (denied != null) {
            return new Trace(reading, null, denied, now);
        }
        RequestReading.Readable r = (RequestReading.Readable) reading;
        denied = checksSignatures ? verifySignature(r) : null;
        if (denied != null) {
            return new Trace(reading, null, denied, now);
        }
        PolicyEvaluation policy = PolicyEvaluation.evaluate(r, request, now, clockSkew);
        if (policy.denial() != null) {
            return new Trace(reading, policy, deny(reading, policy.denial(), policy.message()), now);
        }
        return new Trace(reading, policy, VerificationResult.allowed(new VerifiedRequest(r.claimedKeyPairId(),
                r.source(), r.hash(), r.canned(), policy.policyJson(), policy.resource(r), policy.expiresAt(),
                policy.activeFrom(), policy.custom() == null ? null : policy.custom().sourceIpText())), now);
    }

    /** Step 1: what CloudFront refuses before it looks at a key. */
    private VerificationResult readable(RequestReading.Reading reading) {
        if (reading instanceof RequestReading.None) {
            return deny(reading, DenialReason.NO_CREDENTIALS, "The request carries no signed-URL parameters and no"
                    + " CloudFront-* cookies.");
        }
        if (reading instanceof RequestReading.Rejected r && !r.afterKeyLookup()) {
            return deny(reading, r.reason(), r.message());
        }
        HashAlgorithm hash = reading instanceof RequestReading.Rejected r ? r.hash() : ((RequestReading.Readable) reading).hash();
        if (!acceptedHashAlgorithms.contains(hash)) {
            return deny(reading, DenialReason.UNSUPPORTED_HASH_ALGORITHM, "This verifier does not accept " + hash
                    + " signatures (accepted: " + acceptedHashAlgorithms + ").");
        }
        return null;
    }

    /** Step 2: the key the request names must be trusted. */
    private VerificationResult findKey(RequestReading.Reading reading) {
        String id = reading.claimedKeyPairId();
        if (!verifiers.containsKey(id)) {
            return deny(reading, DenialReason.UNKNOWN_KEY_PAIR_ID, "The key pair ID " + KeyPairIds.forMessage(id)
                    + " is not trusted (trusted: " + trustedKeys.keyPairIds() + ").");
        }
        return null;
    }

    /** Step 3: the signature over the exact bytes (canned: rebuilt from the request; custom: the decoded policy). */
    private VerificationResult verifySignature(RequestReading.Readable r) {
        if (!verifiers.get(r.claimedKeyPairId()).verify(r.hash(), r.signedBytes(), r.signature())) {
            return deny(r, DenialReason.BAD_SIGNATURE, "The signature does not verify with key "
                    + KeyPairIds.forMessage(r.claimedKeyPairId()) + " and " + r.hash()
                    + (r.canned() ? " over the canned policy rebuilt from this URL." : " over the policy."));
        }
        return null;
    }

    private static VerificationResult deny(RequestReading.Reading reading, DenialReason reason, String message) {
        return VerificationResult.denied(reason, message, reading.claimedKeyPairId(), reading.source());
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
            return new CloudFrontVerifier(this, true);
        }
    }
}
