package dev.cfsign.cli;

import dev.cfsign.CloudFrontEnvironment;
import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cfsign env}: the AWS_CLOUDFRONT_* variables for a key pair, one line each, ready to paste. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = {"Print the AWS_CLOUDFRONT_* variables for a key pair, each value on one line.",
            "PEM newlines become a literal \\n, which cfsign and the seed recipe read back.",
            "Reads --private-key FILE (and --public-key FILE, checked to match; derived if absent) or makes a new pair"
            + " with --generate.",
            "A PEM private key keeps its form: PKCS#1 (BEGIN RSA PRIVATE KEY) stays PKCS#1 and SEC1 (BEGIN EC PRIVATE"
            + " KEY) stays SEC1, for apps that load only that form; --pkcs8 converts it. DER, encrypted and generated"
            + " keys are written as PKCS#8 (BEGIN PRIVATE KEY)."},
        sortOptions = false)
final class EnvCommand implements Callable<Integer> {
    /** Output forms. Lower-case constants: they are the values users type. */
    enum EnvFormat {
        dotenv,
        shell,
        json,
        plain
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--private-key", paramLabel = "FILE", description = "Private key file (PEM or DER).")
    Path privateKey;

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "Public key file; must belong to the private key. Default: derived from it.")
    Path publicKey;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--pkcs8", description = "Write the private key as PKCS#8 (BEGIN PRIVATE KEY) whatever its form.")
    boolean pkcs8;

    @Option(names = "--generate", description = "Make a new key pair instead of reading files.")
    boolean generate;

    @Option(names = "--type", paramLabel = "rsa|ec", defaultValue = "rsa",
            description = "With --generate: rsa (RSA-2048, default) or ec (ECDSA P-256).")
    KeyFiles.Type type;

    @Option(names = "--key-pair-id", paramLabel = "ID", description = "Value for AWS_CLOUDFRONT_KEY_ID.")
    String keyPairId;

    @Option(names = "--domain", paramLabel = "HOST", description = "Value for AWS_CLOUDFRONT_DOMAIN.")
    String domain;

    @Option(names = "--custom-domain", paramLabel = "HOST", description = "Value for AWS_CLOUDFRONT_CUSTOM_DOMAIN.")
    String customDomain;

    @Option(names = "--distribution-id", paramLabel = "ID", description = "Value for AWS_CLOUDFRONT_DISTRIBUTION_ID.")
    String distributionId;

    @Option(names = "--format", paramLabel = "dotenv|shell|json|plain", defaultValue = "dotenv",
            description = "dotenv (NAME=\"…\"), shell (export NAME='…'), json, or plain (NAME=value unquoted, for"
                    + " Heroku or Cloud Run consoles). Default: ${DEFAULT-VALUE}.")
    EnvFormat format;

    @Option(names = "--write", paramLabel = "FILE",
            description = "Write to FILE (mode 0600, atomically) instead of standard output.")
    Path write;

    @Option(names = "--force", description = "With --write: replace an existing file.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (generate == (privateKey != null)) {
            throw new ParameterException(spec.commandLine(), "Give --private-key FILE or --generate, one of them.");
        }
        if (generate && publicKey != null) {
            throw new ParameterException(spec.commandLine(), "--public-key cannot be combined with --generate.");
        }
        if (write != null && !force && Files.exists(write)) {
            throw new FileAlreadyExistsException(write.toString());
        }
        if (generate && passphrase.given()) {
            throw new ParameterException(spec.commandLine(), "The --passphrase options are for an encrypted"
                    + " --private-key FILE, not --generate.");
        }
        char[] secret = passphrase.read(((CfsignCommand) spec.root().userObject()).context());
        SigningKey key = generate ? SigningKey.generate(type.keyType)
                : secret == null ? KeyFiles.privateKey(privateKey) : KeyFiles.privateKey(privateKey, secret);
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
        VerificationKey pub;
        if (publicKey != null) {
            pub = KeyFiles.publicKey(publicKey);
            key.checkMatches(pub);
        } else {
            pub = key.verificationKey().orElseThrow(() -> CliException.config("The public key cannot be derived from"
                    + " this private key: pass --public-key FILE."));
        }
        Map<String, String> vars = new LinkedHashMap<>();
        if (keyPairId != null) {
            vars.put(CloudFrontEnvironment.KEY_ID, keyPairId);
        }
        String keptForm = generate || pkcs8 ? null : KeyFiles.traditionalPem(privateKey, pub);
        vars.put(CloudFrontEnvironment.PRIVATE_KEY, oneLine(keptForm != null ? keptForm : key.exportPkcs8Pem()));
        vars.put(CloudFrontEnvironment.PUBLIC_KEY, oneLine(pub.toPem()));
        if (customDomain != null) {
            vars.put(CloudFrontEnvironment.CUSTOM_DOMAIN, customDomain);
        }
        if (domain != null) {
            vars.put(CloudFrontEnvironment.DOMAIN, domain);
        }
        if (distributionId != null) {
            vars.put(CloudFrontEnvironment.DISTRIBUTION_ID, distributionId);
        }
        CloudFrontEnvironment.check(vars); // never write what sign, verify and serve would refuse
        for (Map.Entry<String, String> e : vars.entrySet()) {
            if (e.getValue().contains("\n") || e.getValue().contains("\r")) {
                throw new ParameterException(spec.commandLine(), "The value for " + e.getKey() + " has a line break.");
            }
        }
        String text = render(vars);
        if (write == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            try (AtomicFile f = AtomicFile.open(write, AtomicFile.OWNER_ONLY, force)) {
                f.writer().write(text);
                f.commit(force);
            }
            spec.commandLine().getOut().println("Wrote " + write + " (mode 0600) with " + vars.size() + " variables"
                    + (keyPairId == null ? "; add " + CloudFrontEnvironment.KEY_ID + " once CloudFront shows the public"
                    + " key's ID" : "") + ".");
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }

    /** A PEM on one line: its newlines become the two characters {@code \n}. */
    static String oneLine(String pem) {
        return pem.strip().replace("\r\n", "\n").replace("\n", "\\n");
    }

    private String render(Map<String, String> vars) {
        StringWriter sw = new StringWriter();
        PrintWriter w = new PrintWriter(sw);
        switch (format) {
            case json -> {
                Map<String, Object> m = new LinkedHashMap<>(vars);
                w.println(Json.write(m));
            }
            case dotenv -> {
                if (keyPairId == null) {
                    w.println("# " + CloudFrontEnvironment.KEY_ID + "=   (the ID CloudFront shows after you upload the"
                            + " public key)");
                }
                vars.forEach((k, v) -> w.println(k + "=\"" + v.replace("\\", "\\\\").replace("\"", "\\\"")
                        .replace("\\\\n", "\\n").replace("$", "\\$") + "\""));
            }
            case shell -> {
                if (keyPairId == null) {
                    w.println("# export " + CloudFrontEnvironment.KEY_ID + "=...   (the ID CloudFront shows after you"
                            + " upload the public key)");
                }
                vars.forEach((k, v) -> w.println("export " + k + "='" + v.replace("'", "'\\''") + "'"));
            }
            case plain -> vars.forEach((k, v) -> w.println(k + "=" + v));
            default -> throw new IllegalStateException(format.name());
        }
        w.flush();
        return sw.toString();
    }
}
