package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for paths origins read in two ways; the edge's RequestPathTest runs it on the wire forms too. */
class AmbiguousPathTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " -> ", value = {
        "/a/../b -> DOT_SEGMENT",
        "/a/%2E%2e/b -> DOT_SEGMENT",
        "/a/%252e%252e/b -> DOT_SEGMENT",
        "/a;v=1/b -> PATH_PARAMETER",
        "/a%2fb -> ENCODED_SEPARATOR",
        "/a%5Cb -> ENCODED_SEPARATOR",
        "/a//b -> EMPTY_SEGMENT",
        "/a%09b -> CONTROL_CHARACTER",
        "/a%7f -> CONTROL_CHARACTER",
        "/a%g0 -> BAD_ENCODING",
        "/a% -> BAD_ENCODING",
        "/a%C3 -> BAD_ENCODING",
        "/a%ED%A0%80 -> BAD_ENCODING",
        "/a%E0%80%AE -> BAD_ENCODING",
        "/a%2520 -> DOUBLE_ENCODING"})
    void find_ambiguous_namesTheRule(String raw, AmbiguousPath rule) {
        assertThat(AmbiguousPath.find(raw)).as(raw).contains(rule);
        assertThat(rule.description()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a/b.txt", "/dir/", "/my%20file.txt", "/caf%C3%A9", "/caf\u00e9", "/\ud83d\ude00",
        "/%F0%9F%98%80", "/semi%3Bcolon", "/100%25.txt", "/a+b", "/..a/a../.hidden", "/o'brien", "/a*b", ""})
    void find_unambiguous_empty(String raw) {
        assertThat(AmbiguousPath.find(raw)).as(raw).isEmpty();
    }

    @Test
    void find_range_looksOnlyInsideIt() {
        String url = "https://h.example/a/b?x=//;%zz";
        int from = url.indexOf("/a");
        int to = url.indexOf('?');
        assertThat(AmbiguousPath.find(url, from, to)).isEmpty();
        assertThat(AmbiguousPath.find(url, from, url.length())).isPresent();
    }
}
