package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfsign.edge.RequestPath.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which raw paths are readable, and their three forms; every refused form names the rule. */
class RequestPathTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " -> ", value = {
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
        "a/b -> NOT_A_PATH"})
    void read_ambiguous_refusedWithItsRule(String raw, Rule rule) {
        RequestPath.Refused e = catchThrowableOfType(RequestPath.Refused.class, () -> RequestPath.read(raw));
        assertThat(e).as(raw).isNotNull();
        assertThat(e.rule).as(raw).isEqualTo(rule);
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
