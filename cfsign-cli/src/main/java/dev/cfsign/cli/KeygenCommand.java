package dev.cfsign.cli;

import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cfsign keygen}: a new key pair CloudFront accepts, written as PEM files. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Generate a key pair that CloudFront key groups accept.",
            "RSA-2048 (default) or ECDSA P-256 (--type ec, shorter URLs). Writes private_key.pem (PKCS#8, mode 0600)"
                + " and public_key.pem (SPKI) and prints the next step. Existing files are never overwritten without"
                + " --force."},
        sortOptions = false)
final class KeygenCommand implements Callable<Integer> {
    static final String PRIVATE_FILE = "private_key.pem";
    static final String PUBLIC_FILE = "public_key.pem";

    @Spec
    CommandSpec spec;

    @Option(names = "--type", paramLabel = "rsa|ec", defaultValue = "rsa",
            description = "rsa (RSA-2048, default) or ec (ECDSA P-256).")
    KeyFiles.Type type;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = ".", description = "Where to write the files.")
    Path outDir;

    @Option(names = "--force", description = "Replace existing key files.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Path priv = outDir.resolve(PRIVATE_FILE);
        Path pub = outDir.resolve(PUBLIC_FILE);
        if (!force) {
            for (Path p : new Path[] {priv, pub}) {
                if (Files.exists(p)) {
                    throw new FileAlreadyExistsException(p.toString());
                }
            }
        }
        SigningKey key = SigningKey.generate(type.keyType);
        VerificationKey publicKey = key.verificationKey().orElseThrow();
        write(priv, key.exportPkcs8Pem(), true);
        write(pub, publicKey.toPem(), false);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + priv + " (" + key.keyType().displayName() + ", PKCS#8, mode 0600: keep it secret)");
        out.println("Wrote " + pub + " (SPKI, fingerprint " + publicKey.fingerprint() + ")");
        out.println();
        out.println("Next: upload the public key to CloudFront and add it to a key group:");
        out.println("  aws cloudfront create-public-key --public-key-config \\");
        out.println("    CallerReference=\"$(date +%s)\",Name=cfsign-key,EncodedKey=\"$(cat " + pub + ")\"");
        out.println("  aws cloudfront create-key-group --key-group-config Name=cfsign-group,Items=<public key ID>");
        out.println("Then attach the key group to the distribution's cache behavior (Restrict viewer access), and");
        out.println("sign with: cfsign sign --private-key " + priv + " --key-pair-id <public key ID> URL");
        out.println("(cfsign env --private-key " + priv + " prints the AWS_CLOUDFRONT_* variables.)");
        out.flush();
        return ExitCodes.OK;
    }

    private void write(Path target, String pem, boolean secret) throws IOException {
        try (AtomicFile f = AtomicFile.open(target, secret ? AtomicFile.OWNER_ONLY : AtomicFile.UP_TO_UMASK, force)) {
            f.writer().write(pem.endsWith("\n") ? pem : pem + "\n");
            f.commit(force);
        }
    }
}
