package dev.cfsign;

import dev.cfsign.internal.Checks;
import dev.cfsign.internal.CloudFrontBase64;
import dev.cfsign.internal.SignatureEngine;
import dev.cfsign.internal.UrlChecks;
import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs CloudFront URLs and cookies with one key.
 *
 * <pre>{@code
 * CloudFrontSigner signer = CloudFrontSigner.builder()
 *         .keyPairId("K2JCJMDEHXQW5F")
 *         .signingKey(SigningKey.fromFile(Path.of("private_key.pem")))
 *         .build();
 * SignedUrl url = signer.signUrl("https://d111111abcdef8.cloudfront.net/videos/intro.mp4", Duration.ofHours(1));
 * }</pre>
 *
 * <p>A canned policy ({@code Expires=}) grants one exact URL; a {@link CustomPolicy} ({@code Policy=}) adds a
 * wildcard resource, a start time or an IP range. Signatures use SHA-1 unless {@link Builder#hashAlgorithm}
 * chooses SHA-256, which adds {@code Hash-Algorithm=SHA256} to URLs and {@code CloudFront-Hash-Algorithm} to cookies.
 *
 * <p>Immutable and thread-safe once built; share one instance. The {@link Builder} is not thread-safe.
 *
 * @since 0.1
 */
public final class CloudFrontSigner {
    /** The seed recipe's default validity for {@link #signObject(String)}: 20 days. */
    public static final Duration DEFAULT_OBJECT_VALIDITY = Duration.ofDays(20);

    /** CloudFront's URL limit, as {@link CloudFrontLimits} counts it; longer signed URLs are refused. */
    public static final int MAX_URL_BYTES = CloudFrontLimits.MAX_URL_BYTES;

    private static final String SIGNATURE_PARAM = "&" + SigningParameter.SIGNATURE.queryName() + "=";
    private static final String KEY_PAIR_ID_PARAM = "&" + SigningParameter.KEY_PAIR_ID.queryName() + "=";

    private final String keyPairId;
    private final SigningKey key;
    private final HashAlgorithm hash;
    private final Clock clock;
    private final String baseUrl;
    private final String hashSuffix;
    private final PolicySignatures signatures;

    private CloudFrontSigner(Builder b) {
        this.keyPairId = b.keyPairId;
        this.key = b.key;
        this.hash = b.hash;
        this.clock = b.clock;
        this.baseUrl = b.baseUrl;
        this.hashSuffix = hash == HashAlgorithm.SHA1 ? "" : "&" + SigningParameter.HASH_ALGORITHM.queryName() + "="
                + hash.parameterValue();
        this.signatures = new PolicySignatures(new SignatureEngine(key.jcaPrivateKey(),
                key.verificationKey().map(VerificationKey::jcaPublicKey).orElse(null),
                key.keyType().family(), hash, b.provider != null ? b.provider : CryptoProviders.preferred().orElse(null)),
                b.granularity == null ? 0 : b.granularity.getSeconds(), b.granularity == null ? 0 : b.cacheSize);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A signer configured from the process environment, as the seed recipe: {@code AWS_CLOUDFRONT_KEY_ID},
     * {@code AWS_CLOUDFRONT_PRIVATE_KEY}, optional {@code AWS_CLOUDFRONT_PUBLIC_KEY} (checked against the private key),
     * and {@code AWS_CLOUDFRONT_CUSTOM_DOMAIN} or {@code AWS_CLOUDFRONT_DOMAIN} for {@link #signObject}.
     *
     * @throws ConfigurationException listing every variable that is missing or wrong
     */
    public static CloudFrontSigner fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** As {@link #fromEnvironment()}, reading the variables from {@code env}. */
    public static CloudFrontSigner fromEnvironment(Map<String, String> env) {
        return CloudFrontEnvironment.from(env).signer().build();
    }

    // ---- URLs ----------------------------------------------------------------------------------------------

    /** A canned-policy URL valid until {@code expiresAt}. */
    public SignedUrl signUrl(String url, Instant expiresAt) {
        if (!signatures.caches() || url == null || expiresAt == null) {
            return cannedUrl(url, expiresAt);
        }
        // With a granularity, the whole signed URL is cached under the URL as given: a hit re-checks only the time.
        Instant rounded = signatures.roundUp(expiresAt);
        SignedUrl hit = signatures.cachedUrl(url, rounded);
        if (hit != null) {
            requireFuture(rounded);
            return hit;
        }
        return signatures.cacheUrl(url, rounded, cannedUrl(url, rounded));
    }

    private SignedUrl cannedUrl(String url, Instant expiresAt) {
        UrlChecks.Target t = cannedTarget(url);
        CannedPolicy policy = new CannedPolicy(t.url(), signatures.roundUp(expiresAt));
        requireFuture(policy.expiresAt());
        String sig = signatures.canned(policy);
        StringBuilder sb = new StringBuilder(t.url().length() + sig.length() + keyPairId.length() + 60);
        sb.append(t.url()).append(t.hasQuery() ? '&' : '?');
        int paramsStart = sb.length();
        sb.append(SigningParameter.EXPIRES.queryName()).append('=').append(policy.expiresAt().getEpochSecond());
        appendSignature(sb, sig);
        requireUrlLength(sb, false);
        return new SignedUrl(sb.toString(), paramsStart, policy, keyPairId, hash);
    }

    /** A canned-policy URL valid for {@code validFor} from now (by this signer's clock). */
    public SignedUrl signUrl(String url, Duration validFor) {
        return signUrl(url, expiry(validFor));
    }

    /**
     * A custom-policy URL. When the policy has no resource, the URL itself is the resource; otherwise the policy's
     * resource (for example {@code https://host/videos/*}) may differ from the URL.
     */
    public SignedUrl signUrl(String url, CustomPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        UrlChecks.Target t = UrlChecks.forSigning(url);
        CustomPolicy p = policy.resource().isPresent() ? policy : policy.withResource(t.url());
        p = signatures.rounded(p);
        requireFuture(p.expiresAt());
        String json = p.toJson();
        String sig = signatures.custom(json);
        StringBuilder sb = new StringBuilder(t.url().length() + json.length() * 4 / 3 + 420);
        sb.append(t.url()).append(t.hasQuery() ? '&' : '?');
        int paramsStart = sb.length();
        sb.append(SigningParameter.POLICY.queryName()).append('=')
                .append(CloudFrontBase64.encode(json.getBytes(StandardCharsets.UTF_8)));
        appendSignature(sb, sig);
        requireUrlLength(sb, true);
        return new SignedUrl(sb.toString(), paramsStart, p, keyPairId, hash);
    }

    /** The URL of an S3 object key on the configured base URL, signed with a canned policy for {@code validFor}. */
    public SignedUrl signObject(String objectKey, Duration validFor) {
        return signUrl(objectUrl(objectKey), validFor);
    }

    /** As the seed recipe: the object's URL on the configured domain, valid for 20 days. */
    public SignedUrl signObject(String objectKey) {
        return signObject(objectKey, DEFAULT_OBJECT_VALIDITY);
    }

    /** The unsigned URL of an S3 object key on the configured base URL (see {@link ObjectUrl}). */
    public String objectUrl(String objectKey) {
        if (baseUrl == null) {
            throw new IllegalStateException("No base URL is configured: set Builder.baseUrl(\"cdn.example.com\")"
                    + " (or AWS_CLOUDFRONT_CUSTOM_DOMAIN / AWS_CLOUDFRONT_DOMAIN with fromEnvironment()).");
        }
        return ObjectUrl.of(baseUrl, objectKey);
    }

    /**
     * The URL exactly as {@link #signUrl} would sign it: checked by the same rules, with {@code /} for an empty path
     * and without a lone trailing {@code ?}. Useful to show or store the resource of a canned policy.
     *
     * @throws SigningException when the URL cannot be signed
     */
    public static String canonicalUrl(String url) {
        return UrlChecks.forSigning(url).url();
    }

    // ---- cookies -------------------------------------------------------------------------------------------

    /** Canned-policy cookies for exactly one URL until {@code expiresAt}. For a folder, use a {@link CustomPolicy}. */
    public SignedCookies signCookies(String resourceUrl, Instant expiresAt) {
        UrlChecks.Target t = cannedTarget(resourceUrl);
        CannedPolicy policy = new CannedPolicy(t.url(), signatures.roundUp(expiresAt));
        requireFuture(policy.expiresAt());
        String sig = signatures.canned(policy);
        return cookies(SignedCookies.EXPIRES, Long.toString(policy.expiresAt().getEpochSecond()), sig, policy);
    }

    public SignedCookies signCookies(String resourceUrl, Duration validFor) {
        return signCookies(resourceUrl, expiry(validFor));
    }

    /** Custom-policy cookies, typically for a wildcard resource such as {@code https://cdn.example.com/videos/*}. */
    public SignedCookies signCookies(CustomPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (policy.resource().isEmpty()) {
            throw new SigningException(SigningException.Reason.INVALID_RESOURCE, "Signed cookies need a policy resource.",
                    Remedy.SET_POLICY_RESOURCE);
        }
        CustomPolicy p = signatures.rounded(policy);
        requireFuture(p.expiresAt());
        String json = p.toJson();
        String sig = signatures.custom(json);
        return cookies(SignedCookies.POLICY, CloudFrontBase64.encode(json.getBytes(StandardCharsets.UTF_8)), sig, p);
    }

    private SignedCookies cookies(String policyCookie, String policyValue, String sig, Policy policy) {
        List<SignedCookie> list = new ArrayList<>(4);
        list.add(new SignedCookie(policyCookie, policyValue));
        list.add(new SignedCookie(SignedCookies.SIGNATURE, sig));
        list.add(new SignedCookie(SignedCookies.KEY_PAIR_ID, keyPairId));
        if (hash != HashAlgorithm.SHA1) {
            list.add(new SignedCookie(SignedCookies.HASH_ALGORITHM, hash.parameterValue()));
        }
        return new SignedCookies(list, policy, keyPairId, hash);
    }

    // ---- low level -----------------------------------------------------------------------------------------

    /**
     * The CloudFront-base64 signature of a policy's JSON: the value of {@code Signature} / {@code CloudFront-Signature}.
     * Checks nothing about time; use the URL and cookie methods unless you assemble requests yourself.
     */
    public String signPolicy(Policy policy) {
        return signatures.sign(policy.toJson());
    }

    private void appendSignature(StringBuilder sb, String sig) {
        sb.append(SIGNATURE_PARAM).append(sig).append(KEY_PAIR_ID_PARAM).append(keyPairId).append(hashSuffix);
    }

    /**
     * CloudFront refuses URLs over 8,192 bytes of path and query ({@link CloudFrontLimits}), so such a signed URL
     * could never be used.
     */
    private static void requireUrlLength(StringBuilder signedUrl, boolean customPolicy) {
        long bytes = CloudFrontLimits.requestTargetBytes(signedUrl.toString());
        if (bytes > MAX_URL_BYTES) {
            throw new SigningException(SigningException.Reason.URL_TOO_LONG, "The signed URL's path and query would be "
                    + bytes + " bytes, over CloudFront's limit of " + MAX_URL_BYTES + " bytes per URL, so"
                    + " CloudFront would refuse it. Shorten the URL or its query string"
                    + (customPolicy ? ", give the policy a shorter resource (a wildcard such as https://host/folder/*)"
                            + " or sign cookies instead, since the Policy parameter is base64 of the whole policy"
                            : " or sign cookies instead")
                    + "; an ECDSA P-256 key also makes the signature about 250 characters shorter than RSA-2048.");
        }
    }

    private static UrlChecks.Target cannedTarget(String url) {
        UrlChecks.Target t = UrlChecks.forSigning(url);
        if (hasPathWildcard(t.url())) {
            throw new SigningException(SigningException.Reason.WILDCARD_IN_CANNED_POLICY, "A canned policy grants one"
                    + " exact URL, so its path cannot hold the wildcard '*'.", Remedy.USE_CUSTOM_POLICY_FOR_WILDCARD);
        }
        return t;
    }

    /**
     * Whether the path of {@code url} holds {@code *}, which a canned policy refuses: there it is almost always a
     * folder wildcard that a canned policy cannot grant (the AWS CLI signs such URLs with a custom policy). A {@code *}
     * in the query is a literal character and is signed canned ({@code filename*=UTF-8''…}, RFC 6266).
     *
     * @since 0.2
     */
    public static boolean hasPathWildcard(String url) {
        int q = url.indexOf('?');
        int star = url.indexOf('*');
        return star >= 0 && (q < 0 || star < q);
    }

    private Instant expiry(Duration validFor) {
        Objects.requireNonNull(validFor, "validFor");
        if (validFor.isNegative() || validFor.isZero()) {
            throw new SigningException(SigningException.Reason.EXPIRATION_NOT_IN_FUTURE,
                    "The validity must be positive (got " + validFor + ").");
        }
        return clock.instant().plus(validFor);
    }

    private void requireFuture(Instant expiresAt) {
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            throw new SigningException(SigningException.Reason.EXPIRATION_NOT_IN_FUTURE, "The expiration " + expiresAt
                    + " is not after the current time " + now + " (this signer's clock): the link would be denied at once."
                    + " Give a later expiration (and check the clock; epochs are seconds, not milliseconds).");
        }
    }

    // ---- accessors -----------------------------------------------------------------------------------------

    public String keyPairId() {
        return keyPairId;
    }

    public HashAlgorithm hashAlgorithm() {
        return hash;
    }

    public Clock clock() {
        return clock;
    }

    /** The base URL {@link #signObject} signs on, if configured. */
    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** The key's type (no key material). */
    public SigningKey signingKey() {
        return key;
    }

    /** The JCA provider that makes the signatures (chosen once, when the signer was built). */
    public Provider provider() {
        return signatures.engine().provider();
    }

    @Override
    public String toString() {
        return "CloudFrontSigner[Key-Pair-Id=" + keyPairId + ", " + key.keyType().displayName() + ", " + signatures + (baseUrl == null ? "" : ", base " + baseUrl) + "]";
    }

    /** Builds a {@link CloudFrontSigner}. Not thread-safe. */
    public static final class Builder {
        private String keyPairId;
        private SigningKey key;
        private HashAlgorithm hash = HashAlgorithm.SHA1;
        private Clock clock = Clock.systemUTC();
        private Provider provider;
        private String baseUrl;
        private Duration granularity;
        private int cacheSize = 10_000;

        private Builder() {}

        /**
         * Opt-in: round every expiry up to the next multiple of {@code granularity} (aligned to the epoch) and cache
         * signatures, so the same URL signed many times in one window costs one signature. A page showing the same
         * 50 thumbnails to thousands of users then signs 50 times per window instead of once per view.
         *
         * <p>Trade-off: links live up to {@code granularity} longer than asked, and identical requests in one window
         * get identical (shareable) links. Use a granularity that is small next to the validity, e.g. 5 minutes for
         * links valid for hours.
         */
        public Builder expiryGranularity(Duration granularity) {
            Objects.requireNonNull(granularity, "granularity");
            if (granularity.getSeconds() < 1 || granularity.getNano() != 0) {
                throw new IllegalArgumentException("expiryGranularity must be a whole number of seconds, at least 1");
            }
            this.granularity = granularity;
            return this;
        }

        /**
         * The most entries the {@link #expiryGranularity} cache keeps (default 10,000): a signature per policy, and for
         * canned URLs the whole signed URL (a few hundred bytes each), so a repeated link costs a map lookup.
         */
        public Builder signatureCacheSize(int entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("signatureCacheSize must be at least 1");
            }
            this.cacheSize = entries;
            return this;
        }

        /** The ID CloudFront assigned to the public key (e.g. {@code K2JCJMDEHXQW5F}); required. */
        public Builder keyPairId(String keyPairId) {
            this.keyPairId = Checks.requireKeyPairId(keyPairId);
            return this;
        }

        /** The private key; required. */
        public Builder signingKey(SigningKey key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /** SHA-1 (CloudFront's default) or SHA-256 (adds {@code Hash-Algorithm=SHA256}). */
        public Builder hashAlgorithm(HashAlgorithm hash) {
            this.hash = Objects.requireNonNull(hash, "hash");
            return this;
        }

        /** The clock that relative expirations and the "not already expired" check use. Default: system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The JCA provider to sign with. Default: the Amazon Corretto Crypto Provider when it is on the class path and
         * healthy, else the JDK's preferred provider (see {@link CryptoProviders}).
         */
        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        /** The host or URL prefix {@link #signObject} builds object URLs on, e.g. {@code cdn.example.com}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl == null ? null : ObjectUrl.normalizeBase(baseUrl);
            return this;
        }

        /** @throws IllegalStateException when the key pair ID or the key is missing */
        public CloudFrontSigner build() {
            if (keyPairId == null) {
                throw new IllegalStateException("keyPairId is required: the ID CloudFront shows for the public key");
            }
            if (key == null) {
                throw new IllegalStateException("signingKey is required: SigningKey.fromFile(...), fromPem(...)");
            }
            return new CloudFrontSigner(this);
        }
    }
}
