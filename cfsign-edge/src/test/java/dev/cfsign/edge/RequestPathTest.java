package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfsign.AmbiguousPath;
import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.DenialReason;
import dev.cfsign.PathSegments;
import dev.cfsign.SigningException;
import dev.cfsign.VerificationResult;
import dev.cfsign.ViewerRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Which raw paths are readable, and their three forms; every refused form names the rule. */
class RequestPathTest {

    /** Refused raw paths and their rules; all but NOT_A_PATH are core's {@link AmbiguousPath}. */
    static Stream<Arguments> refused() {
        return Stream.of(
                "/public/../private/x -> DOT_SEGMENT",
                "/public/./x -> DOT_SEGMENT",
                "/public/.. -> DOT_SEGMENT",
                "/public/%2e%2E/x -> DOT_SEGMENT",
                "/public/..;x/private -> DOT_SEGMENT",
                "/public/a;x/private -> PATH_PARAMETER",
                "/public/%2e%2e%3Bx/private -> DOT_SEGMENT",
                "/private;x/secret -> PATH_PARAMETER",
                "/private/secret;x -> PATH_PARAMETER",
                "/public/..%2fprivate -> ENCODED_SEPARATOR",
                "/public%2F..%2Fprivate -> ENCODED_SEPARATOR",
                "/a%5cb -> ENCODED_SEPARATOR",
                "/a\\b -> ENCODED_SEPARATOR",
                "//private/x -> EMPTY_SEGMENT",
                "/public//x -> EMPTY_SEGMENT",
                "/a%00b -> CONTROL_CHARACTER",
                "/a%0d%0ab -> CONTROL_CHARACTER",
                "/a%7Fb -> CONTROL_CHARACTER",
                "/a%zz -> BAD_ENCODING",
                "/a%2 -> BAD_ENCODING",
                "/a%ff -> BAD_ENCODING",
                "/%c0%ae%c0%ae/x -> BAD_ENCODING",
                "/public/%252e%252e/x -> DOT_SEGMENT",
                "/a%2541 -> DOUBLE_ENCODING",
                "* -> NOT_A_PATH",
                "a/b -> NOT_A_PATH").map(s -> Arguments.of((Object[]) s.split(" -> ")));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void read_ambiguous_refusedWithItsRule(String raw, String rule) {
        RequestPath.Refused e = catchThrowableOfType(RequestPath.Refused.class, () -> RequestPath.read(raw));
        assertThat(e).as(raw).isNotNull();
        assertThat(e.rule).as(raw).isEqualTo(rule);
    }

    /**
     * A raw dot segment: the edge's 400 is the verifier's ({@code DOT_SEGMENT}, 400), and the signer refuses it. The
     * other rules are the edge's alone, since CloudFront serves and the AWS SDKs sign such paths ({@code %2F},
     * {@code //}).
     */
    @ParameterizedTest
    @MethodSource("refused")
    void read_rawDotSegment_verifierAndSignerAgree(String raw, String rule) {
        if (!rule.equals("DOT_SEGMENT") || !PathSegments.hasDotSegment(raw)) {
            return;
        }
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
        CloudFrontVerifier verifier = CloudFrontVerifier.builder().trust(TestKeys.RSA_ID, TestKeys.rsaPublic())
                .clock(clock).build();
        VerificationResult result = verifier.check(ViewerRequest.builder().url(TestKeys.BASE).rawPath(raw).build());
        DenialReason reason = result.denialReason().orElseThrow();
        assertThat(reason).as(raw).isEqualTo(DenialReason.DOT_SEGMENT);
        assertThat(reason.httpStatus()).isEqualTo(400);
        assertThatThrownBy(() -> TestKeys.rsaSigner(clock).signUrl(TestKeys.BASE + raw, Duration.ofMinutes(5)))
                .as(raw).isInstanceOf(SigningException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " -> ", value = {
        "/ -> / -> /",
        "/public/a.txt -> /public/a.txt -> /public/a.txt",
        "/dir/ -> /dir/ -> /dir/",
        "/%70rivate/x -> /private/x -> /private/x",
        "/my%20file.txt -> /my file.txt -> /my%20file.txt",
        "/caf%C3%A9 -> /café -> /caf%C3%A9",
        "/semi%3Bcolon -> /semi;colon -> /semi%3Bcolon",
        "/100%25.txt -> /100%.txt -> /100%25.txt",
        "/a+b -> /a+b -> /a%2Bb",
        "/..a/a../.hidden -> /..a/a../.hidden -> /..a/a../.hidden"})
    void read_unambiguous_decodedAndCanonicallyEncoded(String raw, String decoded, String encoded) throws Exception {
        RequestPath p = RequestPath.read(raw);
        assertThat(p.raw()).isEqualTo(raw);
        assertThat(p.decoded()).isEqualTo(decoded);
        assertThat(p.encoded()).isEqualTo(encoded);
        assertThat(RequestPath.read(p.encoded()).decoded()).as("the forwarded form reads back the same").isEqualTo(decoded);
    }

    @org.junit.jupiter.api.Test
    void read_emptyOrAbsent_isTheRoot() throws Exception {
        assertThat(RequestPath.read("").decoded()).isEqualTo("/");
        assertThat(RequestPath.read(null).decoded()).isEqualTo("/");
    }
}
