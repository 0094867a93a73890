package dev.cfsign;

import dev.cfsign.internal.Checks;
import dev.cfsign.keys.KeyFormatException;
import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The seed recipe's configuration, read from environment variables (or any map of them, or a {@code .env} file);
 * the one reader of these variables for the library, the CLI and the edge:
 *
 * <ul>
 *   <li>{@code AWS_CLOUDFRONT_KEY_ID} — the public key's ID in CloudFront;
 *   <li>{@code AWS_CLOUDFRONT_PRIVATE_KEY} — the private key PEM, one line with {@code \n} is fine;
 *   <li>{@code AWS_CLOUDFRONT_PUBLIC_KEY} — optional; when set, it must match the private key;
 *   <li>{@code AWS_CLOUDFRONT_CUSTOM_DOMAIN} — the alternate domain links are made on (with or without scheme);
 *   <li>{@code AWS_CLOUDFRONT_DOMAIN} — the distribution's {@code dxxxx.cloudfront.net} host, used when no custom
 *       domain is set;
 *   <li>{@code AWS_CLOUDFRONT_DISTRIBUTION_ID} — informational ({@code E...}); it is not a domain.
 * </ul>
 *
 * <p>Every variable is read the same way: surrounding whitespace and one pair of matching surrounding quotes
 * ({@code "…"} or {@code '…'}, as left by a {@code .env} copied into a console) are removed; a blank value is unset.
 * Every problem is collected and reported at once in a {@link ConfigurationException}; secret values are never
 * repeated in messages. Immutable and thread-safe.
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
    /** The prefix of every variable this class reads. */
    public static final String PREFIX = "AWS_CLOUDFRONT_";

    /** What a read requires; everything present is checked in every mode. */
    private enum Mode { SIGN_OBJECTS, SIGN_URLS, VERIFY, CHECK_ONLY }

    private final String keyPairId;
    private final SigningKey signingKey;
    private final VerificationKey publicKey;
    private final VerificationKey verificationKey;
    private final String baseUrl;
    private final String distributionId;

    private CloudFrontEnvironment(String keyPairId, SigningKey signingKey, VerificationKey publicKey,
            VerificationKey verificationKey, String baseUrl, String distributionId) {
        this.keyPairId = keyPairId;
        this.signingKey = signingKey;
        this.publicKey = publicKey;
        this.verificationKey = verificationKey;
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
        return read(env, Mode.SIGN_OBJECTS);
    }

    /** As {@link #from(Map)}, but a missing domain is not an error (for signing full URLs only). */
    public static CloudFrontEnvironment fromWithoutDomain(Map<String, String> env) {
        return read(env, Mode.SIGN_URLS);
    }

    /**
     * Reads the variables for verifying: the key ID with {@code AWS_CLOUDFRONT_PUBLIC_KEY}, or else the public key
     * derived from {@code AWS_CLOUDFRONT_PRIVATE_KEY}; the domain is optional. {@link #signingKey()} is then present
     * only when the private key is set.
     *
     * @return empty when none of the key ID and the two keys is set (nothing to trust)
     * @throws ConfigurationException when some are set but they do not make a trusted key, or a value is wrong
     */
    public static Optional<CloudFrontEnvironment> forVerifying(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        if (value(env, KEY_ID) == null && value(env, PUBLIC_KEY) == null && value(env, PRIVATE_KEY) == null) {
            return Optional.empty();
        }
        return Optional.of(read(env, Mode.VERIFY));
    }

    /**
     * Checks the variables that are set, requiring none: for tools that write these variables, so they never write
     * what {@link #from(Map)} would refuse.
     *
     * @throws ConfigurationException listing every wrong variable
     */
    public static void check(Map<String, String> env) {
        read(env, Mode.CHECK_ONLY);
    }

    /**
     * {@code env} with the variables of a {@code .env} file ({@link Dotenv}) taking the place of the environment's: every
     * {@code AWS_CLOUDFRONT_*} variable comes from the file only (one the file does not set is unset, so a stale
     * exported value never mixes with the file's key), and the file's other variables override the environment's.
     */
    public static Map<String, String> withEnvFile(Map<String, String> env, Path envFile) throws IOException {
        Map<String, String> file = Dotenv.read(envFile);
        Map<String, String> merged = new HashMap<>(env);
        merged.keySet().removeIf(k -> k.startsWith(PREFIX));
        merged.putAll(file);
        return Map.copyOf(merged);
    }

    /**
     * {@code AWS_CLOUDFRONT_KEY_ID} alone, read and checked as every read does (for a key that comes from elsewhere).
     *
     * @return empty when it is not set
     * @throws ConfigurationException when it is set but not a key pair ID
     */
    public static Optional<String> keyPairIdFrom(Map<String, String> env) {
        String raw = value(env, KEY_ID);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Checks.requireKeyPairId(raw));
        } catch (SigningException e) {
            throw new ConfigurationException(List.of(new ConfigurationException.Problem(KEY_ID, e.getMessage())));
        }
    }

    /**
     * The base URL alone: {@code AWS_CLOUDFRONT_CUSTOM_DOMAIN}, else {@code AWS_CLOUDFRONT_DOMAIN}, both checked.
     *
     * @return empty when neither is set
     * @throws ConfigurationException when a set one is wrong (a distribution ID, a path with a query, …)
     */
    public static Optional<String> baseUrlFrom(Map<String, String> env) {
        List<ConfigurationException.Problem> problems = new ArrayList<>();
        String base = baseUrl(env, false, null, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return Optional.ofNullable(base);
    }

    /**
     * The base URL a domain setting names ({@code cdn.example.com}, {@code https://cdn.example.com/prefix}),
     * normalised as {@link ObjectUrl#normalizeBase}; a distribution ID ({@code E2QWRUHAPOMQZL}) is refused.
     *
     * @param source the variable or option it came from, named in the error
     * @throws ConfigurationException naming {@code source} and the fix
     */
    public static String baseUrlOf(String source, String value) {
        List<ConfigurationException.Problem> problems = new ArrayList<>();
        String base = domainValue(source, clean(value), problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return base;
    }

    private static CloudFrontEnvironment read(Map<String, String> env, Mode mode) {
        Objects.requireNonNull(env, "env");
        List<ConfigurationException.Problem> problems = new ArrayList<>();

        String keyId = null;
        String rawId = value(env, KEY_ID);
        if (rawId == null) {
            if (mode != Mode.CHECK_ONLY) {
                problems.add(new ConfigurationException.Problem(KEY_ID, "missing: set it to the ID CloudFront shows"
                        + " for the public key (CloudFront console → Public keys), e.g. K2JCJMDEHXQW5F."));
            }
        } else {
            try {
                keyId = Checks.requireKeyPairId(rawId);
            } catch (SigningException e) {
                problems.add(new ConfigurationException.Problem(KEY_ID, e.getMessage()));
            }
        }

        SigningKey key = null;
        String rawKey = value(env, PRIVATE_KEY);
        String rawPub = value(env, PUBLIC_KEY);
        if (rawKey == null) {
            if (mode == Mode.SIGN_OBJECTS || mode == Mode.SIGN_URLS) {
                problems.add(new ConfigurationException.Problem(PRIVATE_KEY, "missing: set it to the private key PEM"
                        + " (one line with \\n is fine; `cfsign env` prints it)."));
            } else if (mode == Mode.VERIFY && rawPub == null) {
                problems.add(new ConfigurationException.Problem(PUBLIC_KEY, "missing: set it (or " + PRIVATE_KEY
                        + ", whose public key is then used) to verify signatures made under " + KEY_ID + "."));
            }
        } else {
            try {
                key = SigningKey.fromPem(rawKey);
            } catch (KeyFormatException e) {
                problems.add(ConfigurationException.Problem.of(PRIVATE_KEY, e));
            }
        }

        VerificationKey pub = null;
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
        VerificationKey verifying = pub != null ? pub : key == null ? null : key.verificationKey().orElse(null);
        if (mode == Mode.VERIFY && verifying == null && key != null) {
            problems.add(new ConfigurationException.Problem(PUBLIC_KEY, "missing: the public key cannot be derived"
                    + " from " + PRIVATE_KEY + "; set " + PUBLIC_KEY + " too."));
        }

        String distributionId = value(env, DISTRIBUTION_ID);
        String base = baseUrl(env, mode == Mode.SIGN_OBJECTS, distributionId, problems);
        if (distributionId != null && distributionId.contains(".")) {
            problems.add(new ConfigurationException.Problem(DISTRIBUTION_ID, "'" + distributionId + "' is a host name,"
                    + " not a distribution ID (E2QWRUHEXAMPLE): put the host in " + DOMAIN + " instead."));
        }

        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new CloudFrontEnvironment(keyId, key, pub, verifying, base, distributionId);
    }

    private static String baseUrl(Map<String, String> env, boolean required, String distributionId,
            List<ConfigurationException.Problem> problems) {
        String base = null;
        String custom = value(env, CUSTOM_DOMAIN);
        String domain = value(env, DOMAIN);
        if (custom != null) {
            base = domainValue(CUSTOM_DOMAIN, custom, problems);
        }
        if (domain != null) {
            String d = domainValue(DOMAIN, domain, problems);
            if (custom == null) {
                base = d;
            }
        }
        if (custom == null && domain == null && required) {
            String hint = distributionId == null ? "" : " " + DISTRIBUTION_ID + " is set, but a distribution ID (E...)"
                    + " is not a domain; the domain is shown next to it in the CloudFront console.";
            problems.add(new ConfigurationException.Problem(DOMAIN, "missing: set " + CUSTOM_DOMAIN + " (e.g."
                    + " cdn.example.com) or " + DOMAIN + " (e.g. d111111abcdef8.cloudfront.net) to sign object keys."
                    + hint));
        }
        return base;
    }

    private static String domainValue(String variable, String value, List<ConfigurationException.Problem> problems) {
        if (value == null) {
            problems.add(new ConfigurationException.Problem(variable, "empty: give a domain such as"
                    + " d111111abcdef8.cloudfront.net or cdn.example.com."));
            return null;
        }
        String host = value.replaceFirst("^[A-Za-z]+://", "");
        if (host.matches("(?i)E[A-Z0-9]{8,20}/?")) {
            problems.add(new ConfigurationException.Problem(variable, "'" + value + "' looks like a distribution ID,"
                    + " not a domain: use the distribution's domain name (d111111abcdef8.cloudfront.net, shown next to"
                    + " the ID in the CloudFront console) or your alternate domain."));
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
        return clean(env.get(name));
    }

    /** Whitespace and one pair of matching surrounding quotes removed; blank is {@code null}. */
    private static String clean(String v) {
        if (v == null) {
            return null;
        }
        String s = v.strip();
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s.isEmpty() ? null : s;
    }

    public String keyPairId() {
        return keyPairId;
    }

    /**
     * The private key.
     *
     * @throws IllegalStateException when read by {@link #forVerifying} without {@code AWS_CLOUDFRONT_PRIVATE_KEY}
     */
    public SigningKey signingKey() {
        if (signingKey == null) {
            throw new IllegalStateException(PRIVATE_KEY + " is not set");
        }
        return signingKey;
    }

    /** The configured public key, already checked to match the private key. */
    public Optional<VerificationKey> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    /**
     * The key that verifies this configuration's signatures: the public key, or else the one derived from the private
     * key (empty only when neither is available, which {@link #forVerifying} refuses).
     */
    public Optional<VerificationKey> verificationKey() {
        return Optional.ofNullable(verificationKey);
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
        return CloudFrontSigner.builder().keyPairId(keyPairId).signingKey(signingKey()).baseUrl(baseUrl);
    }

    @Override
    public String toString() {
        return "CloudFrontEnvironment[Key-Pair-Id=" + keyPairId + (signingKey == null ? "" : ", " + signingKey)
                + (verificationKey == null ? "" : ", " + verificationKey) + (baseUrl == null ? "" : ", base " + baseUrl)
                + "]";
    }
}
