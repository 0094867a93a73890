package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CloudFrontEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvCommandTest {
    @TempDir
    Path tmp;

    @Test
    void env_plainFormat_readsBackIntoCloudFrontEnvironment() {
        Cli.Result r = run("env", "--private-key", Cli.RSA_PEM.toString(), "--public-key", Cli.RSA_PUBLIC_PEM.toString(),
                "--key-pair-id", "K2JCJMDEHXQW5F", "--domain", "d111111abcdef8.cloudfront.net", "--format", "plain");
        assertThat(r.exit()).as(r.toString()).isZero();
        Map<String, String> env = new HashMap<>();
        r.out().lines().forEach(l -> env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        assertThat(env).containsOnlyKeys("AWS_CLOUDFRONT_KEY_ID", "AWS_CLOUDFRONT_PRIVATE_KEY",
                "AWS_CLOUDFRONT_PUBLIC_KEY", "AWS_CLOUDFRONT_DOMAIN");
        assertThat(env.get("AWS_CLOUDFRONT_PRIVATE_KEY")).startsWith("-----BEGIN PRIVATE KEY-----\\nMII")
                .doesNotContain("\n");
        CloudFrontEnvironment cfe = CloudFrontEnvironment.from(env);
        assertThat(cfe.keyPairId()).isEqualTo("K2JCJMDEHXQW5F");
        assertThat(cfe.baseUrl()).contains("https://d111111abcdef8.cloudfront.net");
    }

    @Test
    void env_generateJson_isValidJsonWithMatchingPair() {
        Cli.Result r = run("env", "--generate", "--type", "ec", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        Map<?, ?> m = (Map<?, ?>) JsonReader.parse(r.out().strip());
        Cli.secret((String) m.get("AWS_CLOUDFRONT_PRIVATE_KEY"));
        Map<String, String> env = new HashMap<>();
        m.forEach((k, v) -> env.put((String) k, (String) v));
        env.put("AWS_CLOUDFRONT_KEY_ID", "K1");
        assertThat(CloudFrontEnvironment.fromWithoutDomain(env).signingKey().keyType().name()).isEqualTo("EC_P256");
    }

    @Test
    void env_shellFormat_isSingleQuotedExports() {
        Cli.Result r = run("env", "--private-key", Cli.EC_PEM.toString(), "--format", "shell");
        assertThat(r.out()).contains("export AWS_CLOUDFRONT_PRIVATE_KEY='-----BEGIN PRIVATE KEY-----\\n")
                .contains("# export AWS_CLOUDFRONT_KEY_ID=");
    }

    @Test
    void env_dotenvFormat_isDoubleQuoted() {
        Cli.Result r = run("env", "--private-key", Cli.EC_PEM.toString(), "--key-pair-id", "K1");
        assertThat(r.out()).startsWith("AWS_CLOUDFRONT_KEY_ID=\"K1\"\nAWS_CLOUDFRONT_PRIVATE_KEY=\"-----BEGIN");
    }

    @Test
    void env_mismatchedPublicKey_exits3() {
        Cli.Result r = run("env", "--private-key", Cli.RSA_PEM.toString(), "--public-key", Cli.EC_PUBLIC_PEM.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains("does not belong");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void env_write_createsOwnerOnlyFileAndRefusesOverwrite() throws Exception {
        Path dotenv = tmp.resolve(".env");
        Cli.Result r = run("env", "--private-key", Cli.EC_PEM.toString(), "--write", dotenv.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Wrote ").doesNotContain("BEGIN");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dotenv))).isEqualTo("rw-------");
        assertThat(Files.readString(dotenv)).contains("AWS_CLOUDFRONT_PRIVATE_KEY=\"-----BEGIN PRIVATE KEY-----\\n");

        Cli.Result again = run("env", "--generate", "--write", dotenv.toString());
        assertThat(again.exit()).isEqualTo(ExitCodes.IO);
        assertThat(again.err()).contains("--force");

        Cli.Result forced = run("env", "--generate", "--write", dotenv.toString(), "--force");
        assertThat(forced.exit()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dotenv))).isEqualTo("rw-------");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(dotenv);
        }
    }

    @Test
    void env_neitherFileNorGenerate_exits2() {
        assertThat(run("env").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void env_unknownFormat_exits2() {
        Cli.Result r = run("env", "--generate", "--format", "yaml");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("dotenv");
    }

    /** A PKCS#1 key stays PKCS#1 (what rsa.PrivateKey.load_pkcs1 reads), byte for byte; --pkcs8 converts it. */
    @Test
    void env_pkcs1Key_keepsItsForm_pkcs8Converts() throws Exception {
        Path pkcs1 = tmp.resolve("legacy.pem");
        Process p = new ProcessBuilder("openssl", "genrsa", "-traditional", "-out", pkcs1.toString(), "2048")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("openssl.log").toFile()).start();
        assertThat(p.waitFor()).as(Files.readString(tmp.resolve("openssl.log"))).isZero();
        String pem = Files.readString(pkcs1);
        Cli.secret(pem);
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        Cli.Result kept = run("env", "--private-key", pkcs1.toString(), "--format", "plain");
        assertThat(kept.exit()).as(kept.toString()).isZero();
        String value = kept.out().lines().filter(l -> l.startsWith("AWS_CLOUDFRONT_PRIVATE_KEY=")).findFirst()
                .orElseThrow().substring("AWS_CLOUDFRONT_PRIVATE_KEY=".length());
        assertThat(value.replace("\\n", "\n")).isEqualTo(pem.strip());

        Cli.Result converted = run("env", "--private-key", pkcs1.toString(), "--pkcs8", "--format", "plain");
        assertThat(converted.out()).contains("AWS_CLOUDFRONT_PRIVATE_KEY=-----BEGIN PRIVATE KEY-----\\n")
                .doesNotContain("RSA PRIVATE KEY");
        assertThat(run("env", "--help").out()).contains("--pkcs8", "PKCS#1 (BEGIN RSA PRIVATE KEY) stays PKCS#1");
    }
}
