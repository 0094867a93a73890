package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.Remedy;
import dev.cfsign.keys.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages a command-line user meets name flags, not the Java API the library's own messages name. */
class CliWordingTest {
    /** Java API names the library's advice uses: SigningKey.fromFile(, System.getenv(, root(folder), trust(...). */
    static final Pattern JAVA_API = Pattern.compile("\\b(SigningKey|VerificationKey|ObjectUrl|CustomPolicy|System"
            + "|CloudFrontSigner)\\b|\\b[a-z][A-Za-z]*\\((folder|keyPairId|text|baseUrl|http|\\.\\.\\.|\")");

    @TempDir
    Path tmp;

    @Test
    void everyRemedy_hasCliWording_withoutJavaApiNames() {
        for (Remedy r : Remedy.values()) {
            assertThat(JAVA_API.matcher(r.advice()).find()).as("the oracle recognises the library's wording of " + r)
                    .isTrue();
            assertThat(CliWording.advice(r)).as(r.name()).doesNotContainPattern(JAVA_API.pattern()).contains("-");
        }
    }

    @Test
    void encryptedKey_withoutPassphrase_namesThePassphraseOptions() throws Exception {
        Path enc = encryptedWithOpenssl("pass phrase");
        Cli.Result r = run("sign", "--private-key", enc.toString(), "--key-pair-id", Cli.KEY_ID, "--now", Cli.NOW,
                "https://cdn.example.com/a.jpg");
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains("--passphrase-file FILE", "--passphrase-env NAME", "--passphrase")
                .doesNotContainPattern(JAVA_API.pattern()).hasLineCount(1);
    }

    /** openssl encrypts the key; signing with the passphrase gives the same (deterministic RSA) URL as the plain key. */
    @Test
    void passphraseFromFileOrEnvironment_signsLikeThePlainKey() throws Exception {
        Path enc = encryptedWithOpenssl("pass phrase");
        Path plain = tmp.resolve("rsa_2048.pem");
        Path passFile = Files.writeString(tmp.resolve("pass.txt"), "pass phrase\n");
        String url = "https://cdn.example.com/a.jpg";
        Cli.Result expected = run("sign", "--private-key", plain.toString(), "--key-pair-id",
                Cli.KEY_ID, "--now", Cli.NOW, url);
        assertThat(expected.exit()).as(expected.toString()).isZero();
        Cli.Result fromFile = run("sign", "--private-key", enc.toString(), "--passphrase-file", passFile.toString(),
                "--key-pair-id", Cli.KEY_ID, "--now", Cli.NOW, url);
        assertThat(fromFile.out()).as(fromFile.toString()).isEqualTo(expected.out());
        Cli.Result fromEnv = run(Map.of("KEY_PASS", "pass phrase"), "", "sign", "--private-key", enc.toString(),
                "--passphrase-env", "KEY_PASS", "--key-pair-id", Cli.KEY_ID, "--now", Cli.NOW, url);
        assertThat(fromEnv.out()).as(fromEnv.toString()).isEqualTo(expected.out());
    }

    @Test
    void passphraseOnTheTerminal_withoutOne_isAUsageErrorNamingTheOthers() throws Exception {
        Path enc = encryptedWithOpenssl("pass phrase");
        Cli.Result r = run("sign", "--private-key", enc.toString(), "--passphrase", "--key-pair-id", Cli.KEY_ID,
                "https://cdn.example.com/a.jpg");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--passphrase-file FILE or --passphrase-env NAME");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void passphraseIsNeverAnOptionValue() throws Exception {
        Path enc = encryptedWithOpenssl("pass phrase");
        Cli.Result r = run("sign", "--private-key", enc.toString(), "--passphrase=pass phrase", "--key-pair-id",
                Cli.KEY_ID, "https://cdn.example.com/a.jpg");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).doesNotContain("pass phrase").contains("--passphrase takes no value");
    }

    @Test
    void keyVariableHoldingAPathOrAName_namesTheFlags() {
        Cli.Result path = run(Map.of("MY_KEY", "keys/private_key.pem"), "", "sign", "--private-key-env", "MY_KEY",
                "--key-pair-id", Cli.KEY_ID, "https://cdn.example.com/a.jpg");
        assertThat(path.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(path.err()).contains("--private-key FILE").doesNotContainPattern(JAVA_API.pattern());
        Cli.Result name = run(Map.of("MY_KEY", "OTHER_VARIABLE"), "", "sign", "--private-key-env", "MY_KEY",
                "--key-pair-id", Cli.KEY_ID, "https://cdn.example.com/a.jpg");
        assertThat(name.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(name.err()).contains("--private-key-env NAME").doesNotContainPattern(JAVA_API.pattern());
        Cli.Result env = run(Map.of("AWS_CLOUDFRONT_PRIVATE_KEY", "keys/private_key.pem", "AWS_CLOUDFRONT_KEY_ID",
                Cli.KEY_ID), "", "sign", "https://cdn.example.com/a.jpg");
        assertThat(env.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(env.err()).contains("AWS_CLOUDFRONT_PRIVATE_KEY", "--private-key FILE")
                .doesNotContainPattern(JAVA_API.pattern());
    }

    @Test
    void wrongKindOfKey_wildcard_unencodedUrl_nameTheFlags() {
        List<Cli.Result> runs = List.of(
                run("sign", "--private-key", Cli.RSA_PUBLIC_PEM.toString(), "--key-pair-id", Cli.KEY_ID,
                        "https://cdn.example.com/a.jpg"),
                run("verify", "--public-key", Cli.RSA_PEM.toString(), "--key-pair-id", Cli.KEY_ID,
                        "https://cdn.example.com/a.jpg"),
                run(Cli.withKey("sign", "https://cdn.example.com/videos/*")),
                run("policy", "https://cdn.example.com/videos/*"),
                run(Cli.withKey("sign", "https://cdn.example.com/a b.jpg")),
                run(Cli.withKey("sign", "--policy-resource", "https://cdn.example.com/a b/*",
                        "https://cdn.example.com/a.jpg")));
        for (Cli.Result r : runs) {
            assertThat(r.exit()).as(r.toString()).isNotZero();
            assertThat(r.err()).as(r.toString()).doesNotContainPattern(JAVA_API.pattern()).hasLineCount(1);
        }
        assertThat(runs.get(0).err()).contains("--private-key FILE");
        assertThat(runs.get(2).err()).contains("--policy-resource 'https://host/folder/*'");
        assertThat(runs.get(3).err()).contains("--policy-resource 'https://host/folder/*'");
    }

    @Test
    void serveWithoutOriginOrKey_namesTheFlags() {
        Cli.Result noOrigin = run("serve", "--port", "0", "--trust", Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM);
        assertThat(noOrigin.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noOrigin.err()).contains("--root DIR", "--origin URL").doesNotContainPattern(JAVA_API.pattern());
        Cli.Result noKey = run("serve", "--port", "0", "--root", tmp.toString());
        assertThat(noKey.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noKey.err()).contains("--trust ID=FILE").doesNotContainPattern(JAVA_API.pattern());
    }

    /** {@code rsa_2048.pem} (plain PKCS#8) and its PKCS#8 encryption by openssl, {@code encrypted.pem}. */
    private Path encryptedWithOpenssl(String passphrase) throws IOException, InterruptedException {
        Path plain = Cli.generatedKey(tmp, KeyType.RSA_2048);
        Files.move(plain, tmp.resolve("rsa_2048.pem"));
        Path enc = tmp.resolve("encrypted.pem");
        ProcessBuilder pb = new ProcessBuilder("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in",
                tmp.resolve("rsa_2048.pem").toString(), "-out", enc.toString(), "-passout", "env:CFSIGN_TEST_PASS")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("openssl.log").toFile());
        pb.environment().put("CFSIGN_TEST_PASS", passphrase);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("openssl.log"))).isZero();
        assertThat(Files.readString(enc)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        return enc;
    }
}
