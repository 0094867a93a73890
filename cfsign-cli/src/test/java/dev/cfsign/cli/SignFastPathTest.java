package dev.cfsign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.VerificationResult;
import dev.cfsign.ViewerRequest;
import dev.cfsign.keys.VerificationKey;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The picocli-free {@code sign} path against the full command, which the other tests check against the AWS SDK: for
 * every form it takes it must print the same bytes, and every other form it must leave to the full command.
 */
class SignFastPathTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse(Cli.NOW), ZoneOffset.UTC);
    private static final String RSA = Cli.RSA_PEM.toString();
    private static final String URL = "https://d111111abcdef8.cloudfront.net/images/photo 1.jpg".replace(" ", "%20");
    private static final Map<String, String> ENV = Map.of(
            "AWS_CLOUDFRONT_PRIVATE_KEY", Cli.read(Cli.RSA_PEM).replace("\n", "\\n"),
            "AWS_CLOUDFRONT_KEY_ID", Cli.KEY_ID,
            "AWS_CLOUDFRONT_DOMAIN", "d111111abcdef8.cloudfront.net");

    static Stream<Arguments> takenForms() {
        return Stream.of(
                Arguments.of(Map.of(), List.of("sign", "--private-key", RSA, "--key-pair-id", Cli.KEY_ID, URL)),
                Arguments.of(Map.of(), List.of("sign", URL, "--private-key=" + RSA, "--key-pair-id=" + Cli.KEY_ID,
                        URL + "?size=large&v=2")),
                Arguments.of(Map.of(), List.of("sign", "--private-key", RSA, "--key-pair-id", Cli.KEY_ID,
                        "--expires", "1h30m", "--hash", "SHA256", URL)),
                Arguments.of(Map.of(), List.of("sign", "--private-key", RSA, "--key-pair-id", Cli.KEY_ID,
                        "--expires=2026-02-01T00:00:00Z", "--hash=sha1", URL)),
                Arguments.of(Map.of(), List.of("sign", "--private-key", RSA, "--key-pair-id", Cli.KEY_ID,
                        "--expires", "1798761600", URL)),
                Arguments.of(Map.of(), List.of("sign", "--private-key", RSA, "--key-pair-id", Cli.KEY_ID,
                        "--base-url", "https://cdn.example.com/media", "videos/intro.mp4", "a b.pdf")),
                Arguments.of(ENV, List.of("sign", URL)),
                Arguments.of(ENV, List.of("sign", "videos/intro.mp4", "--expires", "7d")),
                Arguments.of(ENV, List.of("sign", "--key-pair-id", "KOTHERKEYID123", URL)));
    }

    @ParameterizedTest
    @MethodSource("takenForms")
    void takenForm_printsExactlyWhatTheFullCommandPrints(Map<String, String> env, List<String> args) {
        String fast = SignFastPath.run(context(env), CLOCK, args.toArray(String[]::new));

        List<String> full = new ArrayList<>(args);
        full.addAll(List.of("--now", Cli.NOW));
        Cli.Result r = Cli.run(env, "", full.toArray(String[]::new));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(fast).isNotNull().isEqualTo(r.out());
    }

    @org.junit.jupiter.api.Test
    void ecdsaKey_signatureVerifiesAndTheRestMatchesTheFullCommand() throws Exception {
        String[] args = {"sign", "--private-key", Cli.EC_PEM.toString(), "--key-pair-id", Cli.KEY_ID, URL};
        String fast = SignFastPath.run(context(Map.of()), CLOCK, args);
        Cli.Result r = Cli.run(Map.of(), "", "sign", "--private-key", Cli.EC_PEM.toString(), "--key-pair-id",
                Cli.KEY_ID, "--now", Cli.NOW, URL);

        // ECDSA signatures are randomised: compare all but the signature, and verify it.
        assertThat(fast.replaceAll("Signature=[^&\\n]*", "")).isEqualTo(r.out().replaceAll("Signature=[^&\\n]*", ""));
        CloudFrontVerifier verifier = CloudFrontVerifier.builder()
                .trust(Cli.KEY_ID, VerificationKey.fromFile(Cli.EC_PUBLIC_PEM))
                .clock(CLOCK).build();
        VerificationResult v = verifier.check(ViewerRequest.of(fast.strip()));
        assertThat(v.isAllowed()).as(v.toString()).isTrue();
    }

    static Stream<Arguments> deferredForms() {
        String[] k = {"--private-key", RSA, "--key-pair-id", Cli.KEY_ID};
        return Stream.of(
                Arguments.of(Map.of(), List.of()),
                Arguments.of(Map.of(), List.of("sign")),
                Arguments.of(Map.of(), List.of("--debug", "sign", k[0], k[1], k[2], k[3], URL)),
                Arguments.of(Map.of(), List.of("cookies", k[0], k[1], k[2], k[3], URL)),
                Arguments.of(Map.of(), List.of("sign", "--help")),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3])),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--format", "json", URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--ip", "192.0.2.0/24", URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--starts", "-5m", URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--custom", URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--input", "urls.txt")),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--output", "out.txt", URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--now", Cli.NOW, URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--expires", "1h", "--expires", "2h",
                        URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--expires", URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--expires")),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--expires", "soon", URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--expires", "1767225600000", URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--expires", "1767225600", URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--hash", "md5", URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "@args.txt")),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--", URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], URL + "#top")),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "videos/no-base.mp4")),
                Arguments.of(Map.of(), List.of("sign", "--private-key", "-", "--key-pair-id", Cli.KEY_ID, URL)),
                Arguments.of(Map.of(), List.of("sign", "--private-key-env", "MY_KEY", "--key-pair-id", Cli.KEY_ID, URL)),
                Arguments.of(Map.of(), List.of("sign", "--private-key", "/no/such/key.pem", "--key-pair-id",
                        Cli.KEY_ID, URL)),
                Arguments.of(Map.of(), List.of("sign", "--private-key", Cli.RSA_PUBLIC_PEM.toString(), "--key-pair-id",
                        Cli.KEY_ID, URL)),
                Arguments.of(Map.of(), List.of("sign", "--private-key", RSA, URL)),
                Arguments.of(Map.of(), List.of("sign", URL)),
                Arguments.of(Map.of(), List.of("sign", "--private-key", "-----BEGIN PRIVATE KEY-----MIIE", URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], "--private-key", RSA, k[2], k[3], URL)),
                Arguments.of(Map.of(), List.of("sign", k[0], k[1], k[2], k[3], "--base-url", "E2QWRUHAPOMQZL",
                        "videos/a.mp4")),
                Arguments.of(Map.of("CFSIGN_NOW", Cli.NOW), List.of("sign", k[0], k[1], k[2], k[3], URL)),
                Arguments.of(Map.of("AWS_CLOUDFRONT_KEY_ID", Cli.KEY_ID), List.of("sign", URL)));
    }

    @ParameterizedTest
    @MethodSource("deferredForms")
    void otherForm_leftToTheFullCommand(Map<String, String> env, List<String> args) {
        assertThat(SignFastPath.run(context(env), CLOCK, args.toArray(String[]::new))).isNull();
    }

    private static Context context(Map<String, String> env) {
        return new Context(env, new ByteArrayInputStream(new byte[0]), false);
    }
}
