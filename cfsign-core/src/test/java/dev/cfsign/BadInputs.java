package dev.cfsign;

import dev.cfsign.keys.Fixtures;
import dev.cfsign.keys.KeyFormatException;
import dev.cfsign.keys.KeyFormatException.Reason;
import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;
import dev.cfsign.internal.CloudFrontBase64;
import java.net.InetAddress;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One row per bad input: keys, {@code AWS_CLOUDFRONT_*} configuration, URLs and times for signing, and tampered
 * signed requests for verifying. Each row says which typed exception and reason it must give and which words the
 * message must hold (the rule broken and the fix). {@link #SECRETS} lists the key bodies, signatures and signed-URL
 * credentials that flow through these calls and must never appear in what they report.
 *
 * <p>Each row also carries its {@link Input}: what a user supplied, as data, so that the CLI's tests (through this
 * module's tests jar) feed the same cases through the CLI's own ways in: key files, stdin, the environment, options.
 * The rows built by a helper derive their library call from that same data.
 */
public final class BadInputs {
    private BadInputs() {}

    /** One bad input. {@code keywords} are matched case-insensitively against the message. */
    public record Case(String area, String name, Input input, Supplier<?> call,
                       Class<? extends CloudFrontSigningException> type, Enum<?> reason, String... keywords) {
        @Override
        public String toString() {
            return area + ": " + name;
        }
    }

    /** What the user supplied in a row, independent of the library call that the row makes. */
    public sealed interface Input {
        /** Private key text (PEM or anything else) for {@code SigningKey.fromPem}. */
        record PrivateKey(String text) implements Input {}

        /** Private key bytes for {@code SigningKey.fromDer}. */
        record PrivateKeyDer(byte[] der) implements Input {}

        /** An encrypted private key with the (wrong) passphrase given for it. */
        record EncryptedPrivateKey(String pem, String passphrase) implements Input {}

        /** Public key text for {@code VerificationKey.fromPem}. */
        record PublicKey(String text) implements Input {}

        /** A private key and a public key said to be its own. */
        record KeyPair(String privatePem, String publicPem) implements Input {}

        /** {@code AWS_CLOUDFRONT_*} variables. */
        record Environment(Map<String, String> variables) implements Input {}

        /** A canned-policy URL signed at {@link #NOW} with the RSA key: an expiry instant or a validity. */
        record SignUrl(String url, Instant expires, Duration validity) implements Input {}

        /** A custom policy's parts (null: not given); with a URL, that URL is signed with it by the RSA key. */
        record Policy(String url, String resource, Instant activeFrom, Instant expires, String ipRange)
                implements Input {}

        /** Signed cookies for a custom policy. */
        record Cookies(Policy policy) implements Input {}

        /** An object key on a base URL. */
        record ObjectKey(String base, String key) implements Input {}

        /** A key pair ID. */
        record KeyPairId(String id) implements Input {}

        /** A viewer request checked against the RSA public key trusted under {@link #ID}. */
        record Request(String url, String cookieHeader, String viewerIp) implements Input {}
    }

    public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final String ID = "K2JCJMDEHXQW5F";

    public static final String RSA_PEM = Fixtures.text("rsa-2048.pkcs8.pem");
    static final String RSA_PKCS1 = Fixtures.text("rsa-2048.pkcs1.pem");
    static final String EC_PEM = Fixtures.text("ec-p256.pkcs8.pem");
    static final String EC_SEC1 = Fixtures.text("ec-p256.sec1.pem");
    static final String EC_PUB = Fixtures.text("ec-p256.pub.pem");
    public static final String RSA_PUB = Fixtures.text("rsa-2048.pub.pem");
    static final String RSA_512_PEM = rsa512();

    static final CloudFrontSigner SIGNER = CloudFrontSigner.builder().keyPairId(ID)
            .signingKey(SigningKey.fromPem(RSA_PEM)).clock(CLOCK).build();
    static final CloudFrontVerifier VERIFIER = CloudFrontVerifier.builder()
            .trust(ID, SigningKey.fromPem(RSA_PEM).verificationKey().orElseThrow()).clock(CLOCK).build();

    public static final String SIGNED = SIGNER.signUrl("https://cdn.example.com/a.txt?x=1", NOW.plusSeconds(600)).url();
    static final String SIGNED_OLD = CloudFrontSigner.builder().keyPairId(ID).signingKey(SigningKey.fromPem(RSA_PEM))
            .clock(Clock.fixed(NOW.minusSeconds(7200), ZoneOffset.UTC)).build()
            .signUrl("https://cdn.example.com/a.txt", NOW.minusSeconds(3600)).url();
    static final Input.Policy WIDE_INPUT = new Input.Policy(null, "https://cdn.example.com/videos/*", null,
            NOW.plusSeconds(600), "192.0.2.0/24");
    static final CustomPolicy WIDE = policy(WIDE_INPUT);
    static final String SIGNED_CUSTOM = SIGNER.signUrl("https://cdn.example.com/videos/a.mp4", WIDE).url();
    static final String COOKIES = SIGNER.signCookies(WIDE).cookies().stream().map(c -> c.name() + "=" + c.value())
            .reduce((a, b) -> a + "; " + b).orElseThrow();

    /** Texts that no message, toString() or cause may contain any 16-character window of. */
    public static final List<String> SECRETS = List.of(Fixtures.body(RSA_PEM), Fixtures.body(RSA_PKCS1),
            Fixtures.body(EC_PEM), Fixtures.body(EC_SEC1), Fixtures.body(RSA_512_PEM),
            Base64.getEncoder().encodeToString(RSA_PEM.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
            credentials(SIGNED), credentials(SIGNED_OLD), credentials(SIGNED_CUSTOM), COOKIES,
            signature(SIGNED), signature(SIGNED_CUSTOM));

    /** The part of a signed URL after the unsigned URL: Expires/Policy, Signature, Key-Pair-Id. */
    static String credentials(String signedUrl) {
        int i = signedUrl.indexOf("Expires=") >= 0 ? signedUrl.indexOf("Expires=") : signedUrl.indexOf("Policy=");
        return signedUrl.substring(i);
    }

    static String signature(String signedUrl) {
        int s = signedUrl.indexOf("Signature=") + "Signature=".length();
        return signedUrl.substring(s, signedUrl.indexOf('&', s));
    }

    static String tamper(String signedUrl) {
        String sig = signature(signedUrl);
        String flipped = (sig.charAt(10) == 'A' ? 'B' : 'A') + "";
        return signedUrl.replace(sig, sig.substring(0, 10) + flipped + sig.substring(11));
    }

    public static List<Case> all() {
        List<Case> c = new ArrayList<>();
        keys(c);
        configuration(c);
        urls(c);
        verification(c);
        return c;
    }

    // ---- keys -------------------------------------------------------------------------------------------------

    private static void keys(List<Case> c) {
        String lines[] = RSA_PEM.split("\n");
        String cutShort = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, lines.length - 4)) + "\n"
                + lines[lines.length - 1] + "\n";
        key(c, "truncated file (no END line)", Fixtures.text("rsa-2048.truncated.pem"), Reason.MALFORMED_BASE64, "truncated");
        key(c, "body cut short", cutShort, Reason.MALFORMED_BASE64, "truncated");
        key(c, "wrong label", RSA_PEM.replace("PRIVATE KEY", "SECRET KEY"), Reason.NOT_A_KEY, "BEGIN PRIVATE KEY");
        key(c, "BEGIN and END labels differ", RSA_PEM.replace("END PRIVATE KEY", "END RSA PRIVATE KEY"),
                Reason.MALFORMED_BASE64, "END");
        key(c, "encrypted PKCS#8", Fixtures.text("rsa-2048.enc-pkcs8.pem"), Reason.ENCRYPTED, "encrypted", "openssl");
        key(c, "encrypted legacy PEM", Fixtures.text("rsa-2048.enc-legacy.pem"), Reason.ENCRYPTED, "encrypted", "openssl");
        Input.EncryptedPrivateKey wrongPassphrase = new Input.EncryptedPrivateKey(
                Fixtures.text("ec-p256.enc-pkcs8.pem"), "not-the-passphrase");
        c.add(new Case("keys", "wrong passphrase", wrongPassphrase, () -> SigningKey.fromPem(wrongPassphrase.pem(),
                wrongPassphrase.passphrase().toCharArray()), KeyFormatException.class, Reason.ENCRYPTED, "passphrase"));
        key(c, "scrypt-encrypted", Fixtures.text("rsa-2048.enc-pkcs8-scrypt.pem"), Reason.ENCRYPTED, "passphrase", "openssl pkey");
        key(c, "certificate", Fixtures.text("cert.pem"), Reason.CERTIFICATE_GIVEN, "certificate", "private key");
        key(c, "RSA public key for a private key", RSA_PUB, Reason.PUBLIC_KEY_GIVEN, "public key", "private key");
        key(c, "EC public key for a private key", EC_PUB, Reason.PUBLIC_KEY_GIVEN, "public key", "private key");
        c.add(new Case("keys", "private key for a public key", new Input.PublicKey(EC_PEM),
                () -> VerificationKey.fromPem(EC_PEM),
                KeyFormatException.class, Reason.PRIVATE_KEY_GIVEN, "private key", "public key", "pubout"));
        key(c, "EC P-384", Fixtures.text("ec-p384.pkcs8.pem"), Reason.UNSUPPORTED_CURVE, "P-256");
        key(c, "EC secp256k1", Fixtures.text("ec-secp256k1.pkcs8.pem"), Reason.UNSUPPORTED_CURVE, "P-256");
        key(c, "RSA-512", RSA_512_PEM, Reason.UNSUPPORTED_KEY_SIZE, "RSA-2048", "openssl genpkey");
        key(c, "Ed25519", Fixtures.text("ed25519.pkcs8.pem"), Reason.UNSUPPORTED_ALGORITHM, "RSA", "ECDSA");
        key(c, "DSA", Fixtures.text("dsa-1024.pkcs8.pem"), Reason.UNSUPPORTED_ALGORITHM, "RSA", "ECDSA");
        key(c, "base64 garbage in the body", Fixtures.text("rsa-2048.garbled.pem"), Reason.MALFORMED_BASE64, "base64");
        key(c, "empty", "", Reason.EMPTY, "empty");
        key(c, "whitespace only", " \n\t\r\n ", Reason.EMPTY, "empty", "whitespace");
        key(c, "two keys concatenated", RSA_PEM + EC_PEM, Reason.MULTIPLE_KEYS, "exactly one key");
        key(c, "a file path", "/etc/cfsign/private_key.pem", Reason.LOOKS_LIKE_PATH, "file path", "contents");
        key(c, "a home-relative path", "~/keys/pk-APKAEIBAERJR2EXAMPLE.pem", Reason.LOOKS_LIKE_PATH, "file path");
        key(c, "an env-var name", "AWS_CLOUDFRONT_PRIVATE_KEY", Reason.LOOKS_LIKE_ENV_NAME, "environment variable");
        key(c, "a shell reference to a variable", "$CLOUDFRONT_KEY", Reason.LOOKS_LIKE_ENV_NAME, "environment variable");
        key(c, "OpenSSH private key", Fixtures.text("openssh-ecdsa"), Reason.NOT_A_KEY, "ssh-keygen");
        key(c, "PEM of broken ASN.1", "-----BEGIN PRIVATE KEY-----\nMAMCAQA=\n-----END PRIVATE KEY-----\n",
                Reason.MALFORMED_DER, "DER");
        byte[] garbage = {0x30, 0x03, 0x02, 0x01};
        c.add(new Case("keys", "DER garbage", new Input.PrivateKeyDer(garbage), () -> SigningKey.fromDer(garbage),
                KeyFormatException.class, Reason.MALFORMED_DER, "DER"));
        c.add(new Case("keys", "public key of another pair", new Input.KeyPair(RSA_PEM, EC_PUB), () -> {
            SigningKey.fromPem(RSA_PEM).checkMatches(VerificationKey.fromPem(EC_PUB));
            return null;
        }, KeyFormatException.class, Reason.KEY_MISMATCH, "does not belong", "-pubout"));
        key(c, "EC key with a damaged secret (fuzzing finding)", Fixtures.text("ec-p256.damaged-secret.pem"),
                Reason.KEY_MISMATCH, "damaged", "intact copy");
        byte[] publicDer = Fixtures.bytes("ec-p256.pub.der");
        c.add(new Case("keys", "public DER given as private DER", new Input.PrivateKeyDer(publicDer),
                () -> SigningKey.fromDer(publicDer),
                KeyFormatException.class, Reason.PUBLIC_KEY_GIVEN, "public key"));
    }

    private static void key(List<Case> c, String name, String value, Reason reason, String... keywords) {
        c.add(new Case("keys", name, new Input.PrivateKey(value), () -> SigningKey.fromPem(value),
                KeyFormatException.class, reason, keywords));
    }

    // ---- configuration ----------------------------------------------------------------------------------------

    private static void configuration(List<Case> c) {
        Map<String, String> good = Map.of(CloudFrontEnvironment.KEY_ID, ID, CloudFrontEnvironment.PRIVATE_KEY, EC_PEM,
                CloudFrontEnvironment.DOMAIN, "d111111abcdef8.cloudfront.net");
        env(c, "nothing set", Map.of(), null, "AWS_CLOUDFRONT_KEY_ID", "AWS_CLOUDFRONT_PRIVATE_KEY", "AWS_CLOUDFRONT_DOMAIN");
        env(c, "key ID missing", good, Map.of(CloudFrontEnvironment.KEY_ID, ""), "AWS_CLOUDFRONT_KEY_ID", "missing");
        env(c, "private key missing", good, Map.of(CloudFrontEnvironment.PRIVATE_KEY, ""), "AWS_CLOUDFRONT_PRIVATE_KEY",
                "missing");
        env(c, "private key whitespace only", good, Map.of(CloudFrontEnvironment.PRIVATE_KEY, "  \n "),
                "AWS_CLOUDFRONT_PRIVATE_KEY", "missing");
        env(c, "no domain", good, Map.of(CloudFrontEnvironment.DOMAIN, ""), "AWS_CLOUDFRONT_CUSTOM_DOMAIN",
                "AWS_CLOUDFRONT_DOMAIN");
        env(c, "key ID is an account ID", good, Map.of(CloudFrontEnvironment.KEY_ID, "123456789012"),
                "AWS_CLOUDFRONT_KEY_ID", "account ID");
        env(c, "key ID is a PEM key", good, Map.of(CloudFrontEnvironment.KEY_ID, EC_PUB), "AWS_CLOUDFRONT_KEY_ID",
                "looks like a key");
        env(c, "key ID is a key group ID", good,
                Map.of(CloudFrontEnvironment.KEY_ID, "7f3b9c2e-1a4d-4e5f-8a6b-0c1d2e3f4a5b"), "AWS_CLOUDFRONT_KEY_ID",
                "key group");
        env(c, "key ID with bad characters", good, Map.of(CloudFrontEnvironment.KEY_ID, "K2JC.JMDE"),
                "AWS_CLOUDFRONT_KEY_ID", "letters, digits");
        env(c, "private key is a path", good, Map.of(CloudFrontEnvironment.PRIVATE_KEY, "./private_key.pem"),
                "AWS_CLOUDFRONT_PRIVATE_KEY", "file path");
        env(c, "private key is a public key", good, Map.of(CloudFrontEnvironment.PRIVATE_KEY, EC_PUB),
                "AWS_CLOUDFRONT_PRIVATE_KEY", "public key");
        env(c, "private key truncated", good, Map.of(CloudFrontEnvironment.PRIVATE_KEY,
                EC_PEM.substring(0, EC_PEM.length() / 2)), "AWS_CLOUDFRONT_PRIVATE_KEY", "truncated");
        env(c, "public key does not match", good, Map.of(CloudFrontEnvironment.PUBLIC_KEY, RSA_PUB),
                "AWS_CLOUDFRONT_PUBLIC_KEY", "does not belong");
        env(c, "public key is the private key", good, Map.of(CloudFrontEnvironment.PUBLIC_KEY, EC_PEM),
                "AWS_CLOUDFRONT_PUBLIC_KEY", "private key");
        env(c, "domain is a distribution ID", good, Map.of(CloudFrontEnvironment.DOMAIN, "E2QWRUHEXAMPLE"),
                "AWS_CLOUDFRONT_DOMAIN", "distribution ID");
        env(c, "custom domain with ftp://", good, Map.of(CloudFrontEnvironment.CUSTOM_DOMAIN, "ftp://cdn.example.com"),
                "AWS_CLOUDFRONT_CUSTOM_DOMAIN", "https://");
        env(c, "custom domain with a query", good, Map.of(CloudFrontEnvironment.CUSTOM_DOMAIN, "cdn.example.com/x?y=1"),
                "AWS_CLOUDFRONT_CUSTOM_DOMAIN", "host name");
        env(c, "distribution ID is a host", good,
                Map.of(CloudFrontEnvironment.DISTRIBUTION_ID, "d111111abcdef8.cloudfront.net"),
                "AWS_CLOUDFRONT_DISTRIBUTION_ID", "not a distribution ID");
    }

    private static void env(List<Case> c, String name, Map<String, String> base, Map<String, String> change,
            String... keywords) {
        Map<String, String> env = new HashMap<>(base);
        if (change != null) {
            env.putAll(change);
        }
        c.add(new Case("configuration", name, new Input.Environment(Map.copyOf(env)), () -> CloudFrontEnvironment.from(env),
                ConfigurationException.class,
                ConfigurationException.Reason.INVALID_CONFIGURATION, keywords));
    }

    // ---- URLs and times for signing ---------------------------------------------------------------------------

    private static void urls(List<Case> c) {
        Instant later = NOW.plusSeconds(600);
        sign(c, "fragment", "https://cdn.example.com/a.txt#top", later, SigningException.Reason.INVALID_URL,
                "fragment", "%23");
        sign(c, "non-ASCII", "https://cdn.example.com/café.txt", later, SigningException.Reason.INVALID_URL,
                "non-ASCII", "percent-encode");
        sign(c, "space", "https://cdn.example.com/my file.txt", later, SigningException.Reason.INVALID_URL, "space",
                "%20");
        sign(c, "control character", "https://cdn.example.com/a\u0001.txt", later, SigningException.Reason.INVALID_URL,
                "control character", "percent-encode");
        sign(c, "Signature already present", "https://cdn.example.com/a.txt?Signature=abc", later,
                SigningException.Reason.ALREADY_SIGNED, "Signature", "signed already");
        sign(c, "Expires already present", "https://cdn.example.com/a.txt?x=1&Expires=1", later,
                SigningException.Reason.ALREADY_SIGNED, "Expires", "rename");
        sign(c, "a signed URL signed again", SIGNED, later, SigningException.Reason.ALREADY_SIGNED, "signed already");
        policy(c, "Hash-Algorithm already present", new Input.Policy("https://cdn.example.com/a.txt?Hash-Algorithm=SHA256",
                WIDE_INPUT.resource(), null, WIDE_INPUT.expires(), WIDE_INPUT.ipRange()),
                SigningException.Reason.ALREADY_SIGNED, "Hash-Algorithm");
        sign(c, "signed URL over 8,192 bytes", "https://cdn.example.com/a.txt?q=" + "z".repeat(8000), later,
                SigningException.Reason.URL_TOO_LONG, "8192 bytes", "shorten");
        sign(c, "expiry beyond 2038", "https://cdn.example.com/a.txt", Instant.parse("2038-01-20T00:00:00Z"),
                SigningException.Reason.EPOCH_OUT_OF_RANGE, "2147483647", "2038");
        sign(c, "milliseconds as seconds", "https://cdn.example.com/a.txt", Instant.ofEpochSecond(NOW.toEpochMilli()),
                SigningException.Reason.EPOCH_OUT_OF_RANGE, "2147483647");
        policy(c, "custom policy beyond 2038", new Input.Policy(null, null, null, Instant.parse("2039-01-01T00:00:00Z"),
                null), SigningException.Reason.EPOCH_OUT_OF_RANGE, "DateLessThan", "2038");
        policy(c, "start after end", new Input.Policy(null, null, later.plusSeconds(1), later, null),
                SigningException.Reason.ACTIVE_AFTER_EXPIRATION, "before the expiration", "Move the start earlier");
        policy(c, "start equal to end", new Input.Policy(null, null, later, later, null),
                SigningException.Reason.ACTIVE_AFTER_EXPIRATION, "DateGreaterThan");
        policy(c, "no expiration", new Input.Policy(null, "https://cdn.example.com/*", null, null, null),
                SigningException.Reason.MISSING_EXPIRATION, "expiration", "required");
        sign(c, "already expired", "https://cdn.example.com/a.txt", NOW.minusSeconds(1),
                SigningException.Reason.EXPIRATION_NOT_IN_FUTURE, "not after", "later expiration");
        Input.SignUrl negative = new Input.SignUrl("https://cdn.example.com/a.txt", null, Duration.ofMinutes(-5));
        url(c, "negative validity", negative, () -> SIGNER.signUrl(negative.url(), negative.validity()),
                SigningException.Reason.EXPIRATION_NOT_IN_FUTURE, "positive");
        sign(c, "relative URL", "/a.txt", later, SigningException.Reason.INVALID_URL, "absolute", "https://");
        sign(c, "ftp URL", "ftp://cdn.example.com/a.txt", later, SigningException.Reason.INVALID_URL, "https://");
        sign(c, "upper-case scheme", "HTTPS://cdn.example.com/a.txt", later, SigningException.Reason.INVALID_URL,
                "lower-case");
        sign(c, "upper-case host", "https://CDN.example.com/a.txt", later, SigningException.Reason.INVALID_URL,
                "upper-case", "lower case");
        sign(c, "user info", "https://user@cdn.example.com/a.txt", later, SigningException.Reason.INVALID_URL,
                "user information", "Remove it");
        sign(c, "dot segment", "https://cdn.example.com/a/../b.txt", later, SigningException.Reason.INVALID_URL, "'..'",
                "resolved path");
        sign(c, "empty port", "https://cdn.example.com:/a.txt", later, SigningException.Reason.INVALID_URL, "port",
                "Remove the ':'");
        sign(c, "default port", "https://cdn.example.com:443/a.txt", later, SigningException.Reason.INVALID_URL,
                "default port", "Remove :443");
        sign(c, "stray percent", "https://cdn.example.com/100%.txt", later, SigningException.Reason.INVALID_URL, "%25");
        sign(c, "wildcard in a canned policy", "https://cdn.example.com/videos/*", later,
                SigningException.Reason.WILDCARD_IN_CANNED_POLICY, "custom policy", "%2A");
        policy(c, "resource with a space", new Input.Policy(null, "https://cdn.example.com/a b", null, later, null),
                SigningException.Reason.INVALID_RESOURCE, "space", "percent-encode");
        policy(c, "empty resource", new Input.Policy(null, "", null, later, null), SigningException.Reason.INVALID_RESOURCE,
                "empty");
        ipRange(c, "IPv6 range", "2001:db8::/32", "IPv4 only");
        ipRange(c, "IP with leading zeros", "192.000.2.1", "leading zeros", "203.0.113.0/24");
        objectKey(c, "object key '..'", "cdn.example.com", "a/../b.txt", "'..'", "Rename");
        objectKey(c, "empty object key", "cdn.example.com", "/", "empty");
        url(c, "key pair ID is a PEM", new Input.KeyPairId(EC_PUB), () -> CloudFrontSigner.builder().keyPairId(EC_PUB),
                SigningException.Reason.INVALID_KEY_PAIR_ID, "not the key itself");
        url(c, "key pair ID is a distribution ID", new Input.KeyPairId("E2QWRUHAPOMQZL"),
                () -> CloudFrontSigner.builder().keyPairId("E2QWRUHAPOMQZL"), SigningException.Reason.INVALID_KEY_PAIR_ID,
                "distribution ID", "key group");
        Input.Cookies noResource = new Input.Cookies(new Input.Policy(null, null, null, later, null));
        url(c, "cookies without a resource", noResource, () -> SIGNER.signCookies(policy(noResource.policy())),
                SigningException.Reason.INVALID_RESOURCE, "resource");
    }

    /** The custom policy for {@code p}'s parts (built lazily inside the row's call, where its checks throw). */
    static CustomPolicy policy(Input.Policy p) {
        CustomPolicy.Builder b = CustomPolicy.builder();
        if (p.resource() != null) {
            b.resource(p.resource());
        }
        if (p.activeFrom() != null) {
            b.activeFrom(p.activeFrom());
        }
        if (p.expires() != null) {
            b.expiresAt(p.expires());
        }
        if (p.ipRange() != null) {
            b.ipRange(p.ipRange());
        }
        return b.build();
    }

    private static void sign(List<Case> c, String name, String url, Instant expires, SigningException.Reason reason,
            String... keywords) {
        url(c, name, new Input.SignUrl(url, expires, null), () -> SIGNER.signUrl(url, expires), reason, keywords);
    }

    private static void policy(List<Case> c, String name, Input.Policy p, SigningException.Reason reason,
            String... keywords) {
        url(c, name, p, () -> p.url() == null ? policy(p) : SIGNER.signUrl(p.url(), policy(p)), reason, keywords);
    }

    private static void ipRange(List<Case> c, String name, String range, String... keywords) {
        url(c, name, new Input.Policy("https://cdn.example.com/a.txt", null, null, NOW.plusSeconds(600), range),
                () -> IpRange.parse(range), SigningException.Reason.INVALID_IP_RANGE, keywords);
    }

    private static void objectKey(List<Case> c, String name, String base, String key, String... keywords) {
        url(c, name, new Input.ObjectKey(base, key), () -> ObjectUrl.of(base, key),
                SigningException.Reason.INVALID_OBJECT_KEY, keywords);
    }

    private static void url(List<Case> c, String name, Input input, Supplier<?> call, SigningException.Reason reason,
            String... keywords) {
        c.add(new Case("urls", name, input, call, SigningException.class, reason, keywords));
    }

    // ---- signed requests that must be denied ------------------------------------------------------------------

    private static void verification(List<Case> c) {
        deny(c, "tampered signature", new Input.Request(tamper(SIGNED), null, null), DenialReason.BAD_SIGNATURE,
                "does not verify");
        deny(c, "expired", new Input.Request(SIGNED_OLD, null, null), DenialReason.EXPIRED, "Expired");
        deny(c, "unknown key pair ID", new Input.Request(SIGNED.replace(ID, "KUNKNOWN"), null, null),
                DenialReason.UNKNOWN_KEY_PAIR_ID, "not trusted");
        deny(c, "resource mismatch", new Input.Request(SIGNED_CUSTOM.replace("/videos/", "/private/"), null, "192.0.2.7"),
                DenialReason.RESOURCE_MISMATCH, "does not match");
        deny(c, "IP outside the range", new Input.Request(SIGNED_CUSTOM, null, "198.51.100.7"),
                DenialReason.IP_NOT_ALLOWED, "outside");
        deny(c, "signature not CloudFront base64", new Input.Request(SIGNED.replace(signature(SIGNED),
                signature(SIGNED).replace('-', '+').substring(0, 100) + "+/="), null, null),
                DenialReason.MALFORMED_SIGNATURE, "base64");
        for (String p : new String[] {"Key-Pair-Id=" + ID, "Signature=" + signature(SIGNED), "Expires=1",
            "Hash-Algorithm=SHA1&Hash-Algorithm=SHA1"}) {
            String name = p.substring(0, p.indexOf('='));
            deny(c, name + " twice", new Input.Request(SIGNED + "&" + p, null, null), DenialReason.DUPLICATE_PARAMETER,
                    name, "twice");
        }
        deny(c, "dot segment in the path", new Input.Request(SIGNED.replace("/a.txt", "/x/../a.txt"), null, null),
                DenialReason.DOT_SEGMENT, "'..' segment", "400");
        deny(c, "cookies with another policy", new Input.Request("https://cdn.example.com/videos/a.mp4",
                COOKIES.replaceFirst("CloudFront-Policy=[^;]*", "CloudFront-Policy=" + CloudFrontBase64.encode(
                        WIDE.toJson().replace("600", "601").getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                "192.0.2.7"), DenialReason.BAD_SIGNATURE, "does not verify");
    }

    private static void deny(List<Case> c, String name, Input.Request r, DenialReason reason, String... keywords) {
        c.add(new Case("verification", name, r, () -> {
            ViewerRequest.Builder b = ViewerRequest.builder().url(r.url());
            if (r.cookieHeader() != null) {
                b.cookieHeader(r.cookieHeader());
            }
            if (r.viewerIp() != null) {
                b.viewerIp(ip(r.viewerIp()));
            }
            return VERIFIER.verify(b.build());
        }, VerificationException.class, reason, keywords));
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static String rsa512() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(512);
            return dev.cfsign.internal.KeyInspection.pem("PRIVATE KEY", g.generateKeyPair().getPrivate().getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
