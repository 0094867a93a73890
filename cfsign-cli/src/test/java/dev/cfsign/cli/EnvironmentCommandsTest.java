package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.KEY_ID;
import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.ViewerRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;

/** The AWS_CLOUDFRONT_* variables from the environment or --env-file, read alike by every command. */
class EnvironmentCommandsTest {
    static final String SIGNED = Cli.golden("sign-canned.txt").strip();
    static final String ONE_LINE_PUBLIC = Cli.read(Cli.RSA_PUBLIC_PEM).strip().replace("\n", "\\n");
    static final String ONE_LINE_PRIVATE = Cli.read(Cli.RSA_PEM).strip().replace("\n", "\\n");

    @TempDir
    Path dir;

    @Test
    void sign_envFile_takesThePlaceOfTheEnvironment_sameBytesAsTheAwsSdk() throws Exception {
        Path env = Files.writeString(dir.resolve(".env"), "# seed recipe\r\n"
                + "export AWS_CLOUDFRONT_KEY_ID=\"" + KEY_ID + "\"\r\n"
                + "AWS_CLOUDFRONT_PRIVATE_KEY=\"" + ONE_LINE_PRIVATE + "\"\r\n"
                + "AWS_CLOUDFRONT_DOMAIN='d111111abcdef8.cloudfront.net'  # the distribution's domain\r\n");
        long expires = Instant.now().getEpochSecond() + 86_400;
        // The process environment is stale (another ID, a custom domain): the file's values replace all of it.
        Cli.Result r = run(Map.of("AWS_CLOUDFRONT_KEY_ID", "KSTALE", "AWS_CLOUDFRONT_CUSTOM_DOMAIN", "old.example.com"),
                "", "sign", "--env-file", env.toString(), "--expires", Long.toString(expires), "videos/a.mp4");
        assertThat(r.exit()).as(r.toString()).isZero();

        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(Cli.read(Cli.RSA_PEM).replaceAll("-----[A-Z ]+-----", ""))));
        String sdk = CloudFrontUtilities.create().getSignedUrlWithCannedPolicy(q -> q
                .resourceUrl("https://d111111abcdef8.cloudfront.net/videos/a.mp4").privateKey(key).keyPairId(KEY_ID)
                .expirationDate(Instant.ofEpochSecond(expires))).url();
        assertThat(r.out().strip()).isEqualTo(sdk);
    }

    @Test
    void playlist_envFile_signsWithTheFilesKey() throws Exception {
        Path env = Files.writeString(dir.resolve(".env"), "AWS_CLOUDFRONT_KEY_ID=" + KEY_ID + "\n"
                + "AWS_CLOUDFRONT_PRIVATE_KEY=\"" + ONE_LINE_PRIVATE + "\"\n");
        String url = "https://cdn.example.com/videos/s1/master.m3u8";
        Cli.Result r = run(Map.of(), "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nlow/index.m3u8\n",
                "playlist", "--env-file", env.toString(), "--now", Cli.NOW, "--expires", "1h", "--url", url);
        assertThat(r.exit()).as(r.toString()).isZero();
        String requested = URI.create(url).resolve(r.out().split("\n")[2]).toString();
        assertThat(PlaylistCommandTest.verifier().check(ViewerRequest.of(requested)).isAllowed()).isTrue();
    }

    @Test
    void envFile_badLine_exits3WithFileAndLineWithoutTheValue() throws Exception {
        Path env = Files.writeString(dir.resolve(".env"), "AWS_CLOUDFRONT_KEY_ID=" + KEY_ID + "\n"
                + "AWS_CLOUDFRONT_PRIVATE_KEY=\"" + ONE_LINE_PRIVATE + "\n");
        Cli.Result r = run("sign", "--env-file", env.toString(), "https://cdn.example.com/a");
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains(".env line 2").contains("AWS_CLOUDFRONT_PRIVATE_KEY").contains("never closed");
        assertThat(run("sign", "--env-file", dir.resolve("missing.env").toString(), "https://cdn.example.com/a").exit())
                .isEqualTo(ExitCodes.IO);
    }

    @Test
    void verifyAndExplain_noKeyFlags_trustTheEnvironment() {
        Map<String, String> env = Map.of("AWS_CLOUDFRONT_KEY_ID", "'" + KEY_ID + "'",
                "AWS_CLOUDFRONT_PUBLIC_KEY", ONE_LINE_PUBLIC);
        Cli.Result verify = run(env, "", "verify", "--now", "2026-01-01T00:30:00Z", SIGNED);
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).startsWith("ALLOWED: signed by " + KEY_ID);
        Cli.Result explain = run(env, "", "explain", "--now", "2026-01-01T00:30:00Z", SIGNED);
        assertThat(explain.exit()).as(explain.toString()).isZero();
        assertThat(explain.out()).startsWith("OK");

        // The public key derived from the private key does as well.
        Cli.Result derived = run(Map.of("AWS_CLOUDFRONT_KEY_ID", KEY_ID, "AWS_CLOUDFRONT_PRIVATE_KEY", ONE_LINE_PRIVATE),
                "", "verify", "--now", "2026-01-01T00:30:00Z", SIGNED);
        assertThat(derived.exit()).as(derived.toString()).isZero();

        // Another key in the environment: denied, as CloudFront would.
        Cli.Result other = run(Map.of("AWS_CLOUDFRONT_KEY_ID", KEY_ID, "AWS_CLOUDFRONT_PUBLIC_KEY",
                Cli.read(Cli.EC_PUBLIC_PEM)), "", "verify", "--now", "2026-01-01T00:30:00Z", SIGNED);
        assertThat(other.exit()).isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void verify_envFile_andNothing_saysWhereKeysComeFrom() throws Exception {
        Path env = Files.writeString(dir.resolve("cf.env"), "AWS_CLOUDFRONT_KEY_ID=" + KEY_ID + "\n"
                + "AWS_CLOUDFRONT_PUBLIC_KEY=\"" + ONE_LINE_PUBLIC + "\"\n");
        assertThat(run("verify", "--now", "2026-01-01T00:30:00Z", "--env-file", env.toString(), SIGNED).exit())
                .isZero();
        Cli.Result none = run("verify", SIGNED);
        assertThat(none.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("AWS_CLOUDFRONT_KEY_ID").contains("--env-file");
    }

    @Test
    void env_valuesSignWouldRefuse_notWritten() {
        Cli.Result account = run("env", "--private-key", Cli.RSA_PEM.toString(), "--key-pair-id", "123456789012");
        assertThat(account.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(account.err()).contains("AWS_CLOUDFRONT_KEY_ID");
        assertThat(account.out()).isEmpty();
        Cli.Result distribution = run("env", "--private-key", Cli.RSA_PEM.toString(), "--domain", "E2QWRUHAPOMQZL");
        assertThat(distribution.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(distribution.err()).contains("AWS_CLOUDFRONT_DOMAIN").contains("distribution ID");
        assertThat(distribution.out()).isEmpty();
    }

    @Test
    void sign_distributionIdAsDomain_sameRefusalAsServe() {
        Map<String, String> env = Map.of("AWS_CLOUDFRONT_KEY_ID", KEY_ID, "AWS_CLOUDFRONT_PRIVATE_KEY", ONE_LINE_PRIVATE,
                "AWS_CLOUDFRONT_DOMAIN", "E2QWRUHAPOMQZL");
        Cli.Result sign = run(env, "", "sign", "videos/a.mp4");
        Cli.Result serve = run(env, "", "serve", "--port", "0", "--root", dir.toString());
        assertThat(sign.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(serve.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(serve.err()).contains("AWS_CLOUDFRONT_DOMAIN: 'E2QWRUHAPOMQZL' looks like a distribution ID");
        assertThat(sign.err()).contains("AWS_CLOUDFRONT_DOMAIN: 'E2QWRUHAPOMQZL' looks like a distribution ID");
    }
}
