package dev.cfsign;

import dev.cfsign.internal.Checks;
import dev.cfsign.keys.KeyFormatException;
import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The seed recipe's configuration, read from environment variables (or any map of them):
 *
 * <ul>
 *   <li>{@code AWS_CLOUDFRONT_KEY_ID} — the public key's ID in CloudFront (required);
 *   <li>{@code AWS_CLOUDFRONT_PRIVATE_KEY} — the private key PEM, one line with {@code \n} is fine (required);
 *   <li>{@code AWS_CLOUDFRONT_PUBLIC_KEY} — optional; when set, it must match the private key;
 *   <li>{@code AWS_CLOUDFRONT_CUSTOM_DOMAIN} — the alternate domain links are made on (with or without scheme);
 *   <li>{@code AWS_CLOUDFRONT_DOMAIN} — the distribution's {@code dxxxx.cloudfront.net} host, used when no custom
 *       domain is set;
 *   <li>{@code AWS_CLOUDFRONT_DISTRIBUTION_ID} — informational ({@code E...}); it is not a domain.
 * </ul>
 *
 * <p>Every problem is collected and reported at once in a {@link ConfigurationException}; secret values are
 * never repeated in messages. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CloudFrontEnvironment {
    public static final String KEY_ID = "AWS_CLOUDFRONT_KEY_ID";
    public static final String PRIVATE_KEY = "AWS_CLOUDFRONT_PRIVATE_KEY";
    public static final String PUBLIC_KEY = "AWS_CLOUDFRONT_PUBLIC_KEY";
    public static final String DISTRIBUTION_ID = "AWS_CLOUDFRONT_DISTRIBUTION_ID";
    public static final String CUSTOM_DOMAIN = "AWS_CLOUDFRONT_CUSTOM_DOMAIN";
    public static final String DOMAIN = "AWS_CLOUDFRONT_DOMAIN";

    private final String keyPairId;
    private final SigningKey signingKey;
    private final VerificationKey publicKey;
    private final String baseUrl;
    private final String distributionId;

    private CloudFrontEnvironment(String keyPairId, SigningKey signingKey, VerificationKey publicKey, String baseUrl,
            String distributionId) {
        this.keyPairId = keyPairId;
        this.signingKey = signingKey;
        this.publicKey = publicKey;
        this.baseUrl = baseUrl;
        this.distributionId = distributionId;
    }

    /** Reads the real process environment. */
    public static CloudFrontEnvironment fromSystem() {
        return from(System.getenv());
    }

    /**
     * Reads and checks the variables in {@code env}: key ID and private key required, public key checked against the
     * private key, base URL from the custom domain or else the CloudFront domain (required).
     *
     * @throws ConfigurationException listing every missing or wrong variable
     */
    public static CloudFrontEnvironment from(Map<String, String> env) {
        return read(env, true);
    }

    /** As {@link #from(Map)}, but a missing domain is not an error (for signing full URLs only). */
    public static CloudFrontEnvironment fromWithoutDomain(Map<String, String> env) {
        return read(env, false);
    }

    private static CloudFrontEnvironment read(Map<String, String> env, boolean domainRequired) {
        Objects.requireNonNull(env, "env");
        List<ConfigurationException.Problem> problems = new ArrayList<>();

        String keyId = null;
        String rawId = value(env, KEY_ID);
        if (rawId == null) {
            problems.add(new ConfigurationException.Problem(KEY_ID, "missing: set it to the ID CloudFront shows for the"
                    + " public key (CloudFront console → Public keys), e.g. K2JCJMDEHXQW5F."));
        } else {
            try {
                keyId = Checks.requireKeyPairId(rawId);
            } catch (SigningException e) {
                problems.add(new ConfigurationException.Problem(KEY_ID, e.getMessage()));
            }
        }

        SigningKey key = null;
        String rawKey = value(env, PRIVATE_KEY);
        if (rawKey == null) {
            problems.add(new ConfigurationException.Problem(PRIVATE_KEY, "missing: set it to the private key PEM"
                    + " (one line with \\n is fine; `cfsign env` prints it)."));
        } else {
            try {
                key = SigningKey.fromPem(rawKey);
            } catch (KeyFormatException e) {
                problems.add(ConfigurationException.Problem.of(PRIVATE_KEY, e));
            }
        }

        VerificationKey pub = null;
        String rawPub = value(env, PUBLIC_KEY);
        if (rawPub != null) {
            try {
                pub = VerificationKey.fromPem(rawPub);
                if (key != null) {
                    key.checkMatches(pub);
                }
            } catch (KeyFormatException e) {
                problems.add(ConfigurationException.Problem.of(PUBLIC_KEY, e));
            }
        }

        String distributionId = value(env, DISTRIBUTION_ID);
        String base = null;
        String custom = value(env, CUSTOM_DOMAIN);
        String domain = value(env, DOMAIN);
        if (custom != null) {
            base = domainValue(CUSTOM_DOMAIN, custom, problems);
        }
        if (domain != null) {
            String d = domainValue(DOMAIN, domain, problems);
            if (base == null && custom == null) {
                base = d;
            }
        }
        if (custom == null && domain == null && domainRequired) {
            String hint = distributionId == null ? "" : " " + DISTRIBUTION_ID + " is set, but a distribution ID (E...) is"
                    + " not a domain; the domain is shown next to it in the CloudFront console.";
            problems.add(new ConfigurationException.Problem(DOMAIN, "missing: set " + CUSTOM_DOMAIN + " (e.g."
                    + " cdn.example.com) or " + DOMAIN + " (e.g. d111111abcdef8.cloudfront.net) to sign object keys." + hint));
        }
        if (distributionId != null && distributionId.contains(".")) {
            problems.add(new ConfigurationException.Problem(DISTRIBUTION_ID, "'" + distributionId + "' is a host name, not"
                    + " a distribution ID (E2QWRUHEXAMPLE): put the host in " + DOMAIN + " instead."));
        }

        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new CloudFrontEnvironment(keyId, key, pub, base, distributionId);
    }

    private static String domainValue(String variable, String value, List<ConfigurationException.Problem> problems) {
        String host = value.replaceFirst("^[A-Za-z]+://", "");
        if (host.matches("(?i)E[A-Z0-9]{8,20}")) {
            problems.add(new ConfigurationException.Problem(variable, "'" + value + "' looks like a distribution ID, not a"
                    + " domain: use the distribution's domain name (d111111abcdef8.cloudfront.net) or your alternate domain."));
            return null;
        }
        try {
            return ObjectUrl.normalizeBase(value);
        } catch (SigningException e) {
            problems.add(new ConfigurationException.Problem(variable, e.getMessage()));
            return null;
        }
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    public String keyPairId() {
        return keyPairId;
    }

    public SigningKey signingKey() {
        return signingKey;
    }

    /** The configured public key, already checked to match the private key. */
    public Optional<VerificationKey> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    /** The base URL object keys are signed on: the custom domain, else the CloudFront domain. */
    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    public Optional<String> distributionId() {
        return Optional.ofNullable(distributionId);
    }

    /** A signer builder preset with the key pair ID, key and base URL; add a clock or hash algorithm as needed. */
    public CloudFrontSigner.Builder signer() {
        return CloudFrontSigner.builder().keyPairId(keyPairId).signingKey(signingKey).baseUrl(baseUrl);
    }

    @Override
    public String toString() {
        return "CloudFrontEnvironment[Key-Pair-Id=" + keyPairId + ", " + signingKey + (publicKey == null ? "" : ", " + publicKey)
                + (baseUrl == null ? "" : ", base " + baseUrl) + "]";
    }
}
