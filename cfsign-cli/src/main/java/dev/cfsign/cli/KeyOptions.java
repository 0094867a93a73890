package dev.cfsign.cli;

import dev.cfsign.CloudFrontEnvironment;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.ConfigurationException;
import dev.cfsign.HashAlgorithm;
import dev.cfsign.keys.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the signing key and its ID come from, and the hash to sign with. The key itself is never an option value:
 * a file, {@code -} for stdin, the name of a variable, or the {@code AWS_CLOUDFRONT_*} environment read exactly as
 * {@link CloudFrontEnvironment} reads it.
 */
final class KeyOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--private-key", paramLabel = "FILE",
            description = "Private key file (PEM or DER, PKCS#8/PKCS#1/SEC1), or - to read it from standard input."
                    + " Default: $AWS_CLOUDFRONT_PRIVATE_KEY.")
    String privateKey;

    @Option(names = "--private-key-env", paramLabel = "NAME",
            description = "Name of an environment variable holding the private key PEM (one line with \\n is fine).")
    String privateKeyEnv;

    @Option(names = "--key-pair-id", paramLabel = "ID",
            description = "The public key's ID in CloudFront (K2JCJMDEHXQW5F). Default: $AWS_CLOUDFRONT_KEY_ID.")
    String keyPairId;

    @Mixin
    PassphraseOptions passphrase = new PassphraseOptions();

    static final String DEFAULT_HASH = "sha1";

    @Option(names = "--hash", paramLabel = "sha1|sha256", converter = HashConverter.class, defaultValue = DEFAULT_HASH,
            description = "Signature hash: sha1 (default, what CloudFront assumes) or sha256 (adds Hash-Algorithm=SHA256;"
                    + " needed where SHA-1 signing is disabled, e.g. FIPS).")
    HashAlgorithm hash;

    boolean readsStdin() {
        return "-".equals(privateKey);
    }

    /** A signer for one or a few signatures (JDK provider, quick to start); see {@link Providers}. */
    CloudFrontSigner signer(Context ctx, Clock clock) {
        return signer(ctx, clock, false);
    }

    /** A signer; {@code bulk} takes core's default provider (Corretto when healthy), faster per signature. */
    CloudFrontSigner signer(Context ctx, Clock clock, boolean bulk) {
        if (privateKey != null && privateKeyEnv != null) {
            throw usage("Give either --private-key or --private-key-env, not both.");
        }
        if (privateKey != null && (privateKey.contains("-----BEGIN") || privateKey.length() > 1024)) {
            throw usage("--private-key takes a file name (or - for stdin), not the key itself:"
                    + " a key on the command line shows in ps and in shell history. Save it to a file, or pass"
                    + " --private-key-env NAME.");
        }
        Map<String, String> env = ctx.env();
        SigningKey key;
        String id = keyPairId;
        if (privateKey == null && privateKeyEnv == null) {
            if (passphrase.given()) {
                throw usage("The --passphrase options are for an encrypted --private-key FILE or --private-key-env"
                        + " NAME; the AWS_CLOUDFRONT_PRIVATE_KEY value must be unencrypted.");
            }
            Map<String, String> overlay = new HashMap<>(env);
            if (keyPairId != null) {
                overlay.put(CloudFrontEnvironment.KEY_ID, keyPairId);
            }
            CloudFrontEnvironment cfe;
            try {
                cfe = CloudFrontEnvironment.fromWithoutDomain(overlay);
            } catch (ConfigurationException e) {
                String problems = e.problems().stream().map(CliWording::problem)
                        .collect(Collectors.joining("; "));
                boolean noKey = e.problems().stream().anyMatch(p -> p.variable().equals(CloudFrontEnvironment.PRIVATE_KEY)
                        && overlay.get(CloudFrontEnvironment.PRIVATE_KEY) == null);
                boolean noId = e.problems().stream().anyMatch(p -> p.variable().equals(CloudFrontEnvironment.KEY_ID)
                        && keyPairId == null);
                String hint = (noKey ? " Or pass --private-key FILE (or --private-key-env NAME)." : "")
                        + (noId ? " Or pass --key-pair-id ID." : "");
                throw new CliException(ExitCodes.CONFIG, problems + hint, e);
            }
            key = cfe.signingKey();
            id = cfe.keyPairId();
        } else {
            char[] secret = passphrase.read(ctx);
            try {
                key = privateKey != null ? readKeyFile(ctx, secret) : readKeyEnv(env, secret);
            } finally {
                if (secret != null) {
                    Arrays.fill(secret, '\0');
                }
            }
            if (id == null) {
                id = CloudFrontEnvironment.keyPairIdFrom(env).orElse(null);
            }
            if (id == null) {
                throw CliException.config("No key pair ID: pass --key-pair-id K2JCJMDEHXQW5F or set "
                        + CloudFrontEnvironment.KEY_ID + " (the ID CloudFront shows for the public key, not the key"
                        + " group ID).");
            }
        }
        return CloudFrontSigner.builder()
                .keyPairId(id)
                .signingKey(key)
                .hashAlgorithm(hash)
                .provider(bulk ? null : Providers.forFewSignatures(key.keyType()))
                .clock(clock)
                .build();
    }

    private SigningKey readKeyFile(Context ctx, char[] secret) {
        try {
            if (readsStdin()) {
                byte[] bytes = ctx.stdin().readAllBytes();
                if (bytes.length == 0) {
                    throw CliException.config("--private-key -: standard input is empty; pipe the key in"
                            + " (cfsign sign --private-key - URL < private_key.pem).");
                }
                return bytes[0] == 0x30 ? SigningKey.fromDer(bytes) : pem(new String(bytes, StandardCharsets.UTF_8),
                        secret);
            }
            return secret == null ? SigningKey.fromFile(Path.of(privateKey)) : KeyFiles.privateKey(Path.of(privateKey),
                    secret);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "Cannot read the private key " + (readsStdin() ? "from standard input"
                    : "file " + privateKey) + ": " + ErrorHandler.message(e), e);
        }
    }

    private static SigningKey pem(String text, char[] secret) {
        return secret == null ? SigningKey.fromPem(text) : SigningKey.fromPem(text, secret);
    }

    private SigningKey readKeyEnv(Map<String, String> env, char[] secret) {
        if (!privateKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
            throw usage("--private-key-env takes the NAME of an environment"
                    + " variable (letters, digits, _), not its value.");
        }
        String value = env.get(privateKeyEnv);
        if (value == null || value.isBlank()) {
            throw CliException.config("The environment variable " + privateKeyEnv + " (from --private-key-env) is"
                    + " not set or empty: export it with the private key PEM.");
        }
        return pem(value, secret);
    }

    /** A usage error: picocli's when picocli parsed the options, else a plain one ({@link SignFastPath} then defers). */
    private RuntimeException usage(String message) {
        return mixee != null ? new ParameterException(mixee.commandLine(), message) : new IllegalArgumentException(message);
    }

    static final class HashConverter implements CommandLine.ITypeConverter<HashAlgorithm> {
        @Override
        public HashAlgorithm convert(String value) {
            try {
                return HashAlgorithm.fromName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("use sha1 or sha256");
            }
        }
    }
}
