package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.KEY_ID;
import static dev.cfsign.cli.Cli.NOW;
import static dev.cfsign.cli.Cli.RSA_PEM;
import static dev.cfsign.cli.Cli.run;
import static dev.cfsign.cli.Cli.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignCommandTest {
    static final String URL = "https://d111111abcdef8.cloudfront.net/image.jpg";

    @TempDir
    Path tmp;

    @Test
    void sign_cannedWithFixedClock_matchesOpensslGolden() {
        Cli.Result r = run(withKey("sign", "--expires", "1h", URL));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(Cli.golden("sign-canned.txt"));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void sign_defaultExpiry_isTwentyDays() {
        Cli.Result r = run(withKey("sign", URL));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("?Expires=" + (1767225600L + 20 * 86400) + "&Signature=");
    }

    @Test
    void sign_epochAndIsoExpiry_sameUrl() {
        Cli.Result epoch = run(withKey("sign", "--expires", "1767229200", URL));
        Cli.Result iso = run(withKey("sign", "--expires", "2026-01-01T01:00:00Z", URL));
        assertThat(epoch.out()).isEqualTo(iso.out()).isEqualTo(Cli.golden("sign-canned.txt"));
    }

    @Test
    void sign_objectKeyWithCustomDomain_resolvesAndEncodes() {
        Cli.Result r = run(Map.of("AWS_CLOUDFRONT_CUSTOM_DOMAIN", "cdn.example.com",
                "AWS_CLOUDFRONT_DOMAIN", "d111111abcdef8.cloudfront.net"), "", withKey("sign", "/videos/intro 2024.mp4"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("https://cdn.example.com/videos/intro%202024.mp4?Expires=");
    }

    @Test
    void sign_objectKeyWithBaseUrlOption_overridesEnvironment() {
        Cli.Result r = run(Map.of("AWS_CLOUDFRONT_CUSTOM_DOMAIN", "cdn.example.com"), "",
                withKey("sign", "--base-url", "https://media.example.org/", "a+b.txt"));
        assertThat(r.out()).startsWith("https://media.example.org/a%2Bb.txt?Expires=");
    }

    @Test
    void sign_fromEnvironmentOnly_usesAwsCloudfrontVariables() {
        String oneLine = Cli.read(RSA_PEM).strip().replace("\n", "\\n");
        Map<String, String> env = Map.of("AWS_CLOUDFRONT_KEY_ID", KEY_ID, "AWS_CLOUDFRONT_PRIVATE_KEY", oneLine,
                "AWS_CLOUDFRONT_PUBLIC_KEY", Cli.read(Cli.RSA_PUBLIC_PEM),
                "AWS_CLOUDFRONT_DOMAIN", "d111111abcdef8.cloudfront.net");
        Cli.Result r = run(env, "", "sign", "--now", NOW, "--expires", "1h", "image.jpg");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(Cli.golden("sign-canned.txt"));
    }

    @Test
    void sign_environmentPublicKeyMismatch_exits3() {
        Map<String, String> env = Map.of("AWS_CLOUDFRONT_KEY_ID", KEY_ID, "AWS_CLOUDFRONT_PRIVATE_KEY", Cli.read(RSA_PEM),
                "AWS_CLOUDFRONT_PUBLIC_KEY", Cli.read(Cli.EC_PUBLIC_PEM));
        Cli.Result r = run(env, "", "sign", URL);
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains("AWS_CLOUDFRONT_PUBLIC_KEY");
    }

    @Test
    void sign_nothingConfigured_exits3AndNamesEveryVariableAndOption() {
        Cli.Result r = run(Map.of(), "", "sign", URL);
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains("AWS_CLOUDFRONT_KEY_ID").contains("AWS_CLOUDFRONT_PRIVATE_KEY")
                .contains("--private-key FILE").contains("--key-pair-id");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void sign_privateKeyFromStdin_signs() {
        Cli.Result r = run(Map.of(), Cli.read(RSA_PEM), "sign", "--private-key", "-", "--key-pair-id", KEY_ID,
                "--now", NOW, "--expires", "1h", URL);
        assertThat(r.out()).as(r.toString()).isEqualTo(Cli.golden("sign-canned.txt"));
    }

    @Test
    void sign_privateKeyEnv_signs() {
        Cli.Result r = run(Map.of("MY_KEY", Cli.read(RSA_PEM), "AWS_CLOUDFRONT_KEY_ID", KEY_ID), "",
                "sign", "--private-key-env", "MY_KEY", "--now", NOW, "--expires", "1h", URL);
        assertThat(r.out()).as(r.toString()).isEqualTo(Cli.golden("sign-canned.txt"));
    }

    @Test
    void sign_privateKeyEnvUnset_exits3() {
        Cli.Result r = run(Map.of(), "", "sign", "--private-key-env", "MY_KEY", "--key-pair-id", KEY_ID, URL);
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains("MY_KEY");
    }

    @Test
    void sign_pemGivenAsPrivateKeyValue_exits2WithoutEchoingIt() {
        Cli.Result r = run("sign", "--private-key", Cli.read(RSA_PEM), "--key-pair-id", KEY_ID, URL);
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("not the key itself");
    }

    @Test
    void sign_privateKeyFileMissing_exits4() {
        Cli.Result r = run("sign", "--private-key", tmp.resolve("nope.pem").toString(), "--key-pair-id", KEY_ID, URL);
        assertThat(r.exit()).isEqualTo(ExitCodes.IO);
        assertThat(r.err()).contains("nope.pem");
    }

    @Test
    void sign_privateKeyFileIsPublicKey_exits3() {
        Cli.Result r = run("sign", "--private-key", Cli.RSA_PUBLIC_PEM.toString(), "--key-pair-id", KEY_ID, URL);
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.CONFIG);
    }

    @Test
    void sign_noKeyPairId_exits3() {
        Cli.Result r = run("sign", "--private-key", RSA_PEM.toString(), URL);
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains("--key-pair-id");
    }

    @Test
    void sign_keyPairIdLooksLikePem_exits3() {
        Cli.Result r = run("sign", "--private-key", RSA_PEM.toString(), "--key-pair-id", "-----BEGIN", URL);
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
    }

    @Test
    void sign_millisecondEpoch_exits2WithHint() {
        Cli.Result r = run(withKey("sign", "--expires", "1767229200000", URL));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("milliseconds").contains("1767229200")
                .contains("(cfsign sign --help lists the options)").hasLineCount(1);
    }

    @Test
    void sign_expiryInThePast_exits1() {
        Cli.Result r = run(withKey("sign", "--expires", "2025-12-31T00:00:00Z", URL));
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("not after the current time");
    }

    @Test
    void sign_unencodedSpaceInUrl_exits1() {
        Cli.Result r = run(withKey("sign", "https://cdn.example.com/my file.mp4"));
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("%20");
    }

    @Test
    void sign_alreadySignedUrl_exits1WithoutEchoingSignature() {
        String signed = Cli.golden("sign-canned.txt").strip();
        Cli.secret(signed.substring(signed.indexOf("Signature=") + 10, signed.indexOf("&Key-Pair-Id")));
        Cli.Result r = run(withKey("sign", signed));
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void sign_objectKeyWithoutDomain_exits3() {
        Cli.Result r = run(withKey("sign", "videos/intro.mp4"));
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains("--base-url").contains("AWS_CLOUDFRONT_DOMAIN");
    }

    @Test
    void sign_distributionIdAsDomain_exits3() {
        Cli.Result r = run(Map.of("AWS_CLOUDFRONT_DOMAIN", "E2QWRUHEXAMPLE"), "", withKey("sign", "a.txt"));
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains("distribution ID");
    }

    @Test
    void sign_ipOption_usesCustomPolicy() {
        Cli.Result r = run(withKey("sign", "--ip", "203.0.113.0/24", URL));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith(URL + "?Policy=").doesNotContain("Expires=");
    }

    @Test
    void sign_badIp_exits2() {
        Cli.Result r = run(withKey("sign", "--ip", "2001:db8::/32", URL));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("IPv4");
    }

    @Test
    void sign_wildcardInCannedUrl_exits1() {
        Cli.Result r = run(withKey("sign", "https://cdn.example.com/videos/*"));
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void sign_sha256_addsHashAlgorithmParameter() {
        Cli.Result r = run(withKey("sign", "--hash", "sha256", URL));
        assertThat(r.out().strip()).endsWith("&Key-Pair-Id=" + KEY_ID + "&Hash-Algorithm=SHA256");
    }

    @Test
    void sign_jsonFormat_writesOneObjectPerUrl() {
        Cli.Result r = run(withKey("sign", "--format", "json", "--expires", "1h", URL, URL + "?a=%22b%22"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().lines()).hasSize(2);
        Object parsed = JsonReader.parse(r.out().lines().findFirst().orElseThrow());
        assertThat(parsed).isInstanceOfSatisfying(Map.class, m -> {
            assertThat(m.get("url")).isEqualTo(Cli.golden("sign-canned.txt").strip());
            assertThat(m.get("expires")).isEqualTo(1767229200L);
            assertThat(m.get("policy")).isEqualTo("canned");
            assertThat(m.get("keyPairId")).isEqualTo(KEY_ID);
        });
    }

    @Test
    void sign_outputFile_writesFileAndNothingToStdout() throws Exception {
        Path out = tmp.resolve("signed.txt");
        Cli.Result r = run(withKey("sign", "--expires", "1h", "--output", out.toString(), URL));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(Cli.golden("sign-canned.txt"));
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void sign_noArguments_exits2() {
        Cli.Result r = run(withKey("sign"));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Missing URL");
    }

    @Test
    void sign_unknownOption_exits2WithSuggestion() {
        Cli.Result r = run(withKey("sign", "--expire", "1h", URL));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Unknown option").contains("--expires");
    }

    @Test
    void sign_debugOnError_addsExceptionClassButNoSecrets() {
        Cli.Result r = run(withKey("sign", "--debug", "--expires", "2025-01-01T00:00:00Z", URL));
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("cfsign: debug: dev.cfsign.SigningException (reason EXPIRATION_NOT_IN_FUTURE)");
    }

    @Test
    void sign_nowFromEnvironment_fixesClock() {
        Cli.Result r = run(Map.of("CFSIGN_NOW", "1767225600"), "", "sign", "--private-key", RSA_PEM.toString(),
                "--key-pair-id", KEY_ID, "--expires", "1h", URL);
        assertThat(r.out()).isEqualTo(Cli.golden("sign-canned.txt"));
    }
}
