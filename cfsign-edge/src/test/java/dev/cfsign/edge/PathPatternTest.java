package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CloudFront path patterns: * and ? wildcards, optional leading slash, case-sensitive. */
class PathPatternTest {
    @ParameterizedTest
    @CsvSource({
        "*, /anything/at/all.mp4, true",
        "*, /, true",
        "/private/*, /private/a.txt, true",
        "/private/*, /private/deep/er/a.txt, true",
        "/private/*, /private/, true",
        "/private/*, /private, false",
        "/private/*, /Private/a.txt, false",
        "/private/*, /public/private/a.txt, false",
        "private/*, /private/a.txt, true",
        "*.mp4, /videos/a.mp4, true",
        "*.mp4, /a.mp4, true",
        "*.mp4, /a.mp4.txt, false",
        "*.mp4, /a.MP4, false",
        "/videos/*.m3u8, /videos/hls/master.m3u8, true",
        "/videos/*.m3u8, /videos/master.ts, false",
        "/images/?.jpg, /images/a.jpg, true",
        "/images/?.jpg, /images/ab.jpg, false",
        "/a*b*c, /aXXbYYc, true",
        "/a*b*c, /aXXbYY, false",
        "/exact.txt, /exact.txt, true",
        "/exact.txt, /exact.txt2, false",
    })
    void matches(String pattern, String path, boolean expected) {
        assertThat(PathPattern.of(pattern).matches(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/a b", "/caf\u00e9"})
    void of_invalid_throws(String pattern) {
        assertThatThrownBy(() -> PathPattern.of(pattern)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void matches_manyStars_isFast() {
        PathPattern p = PathPattern.of("/" + "*a".repeat(40) + "b");
        long t = System.nanoTime();
        assertThat(p.matches("/" + "a".repeat(5000))).isFalse();
        assertThat(System.nanoTime() - t).isLessThan(2_000_000_000L);
    }
}
