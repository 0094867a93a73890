package dev.cfsign.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

class TimeSpecTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({
        "20d, 2026-01-21T00:00:00Z",
        "12h, 2026-01-01T12:00:00Z",
        "30m, 2026-01-01T00:30:00Z",
        "45s, 2026-01-01T00:00:45Z",
        "1h30m, 2026-01-01T01:30:00Z",
        "-5m, 2025-12-31T23:55:00Z",
        "2026-02-01T10:00:00Z, 2026-02-01T10:00:00Z",
        "2026-02-01T10:00:00+02:00, 2026-02-01T08:00:00Z",
        "2026-02-01, 2026-02-01T00:00:00Z",
        "1767290400, 2026-01-01T18:00:00Z",
    })
    void parse_validForms_resolveAgainstNow(String text, String expected) {
        assertThat(TimeSpec.parse(text).resolve(NOW)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void parse_thirteenDigits_refusedAsMilliseconds() {
        assertThatThrownBy(() -> TimeSpec.parse("1767290400000")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("milliseconds").hasMessageContaining("1767290400");
    }

    @Test
    void parse_smallNumber_refusedWithUnitHint() {
        assertThatThrownBy(() -> TimeSpec.parse("3600")).hasMessageContaining("3600s");
    }

    @Test
    void parse_unknownUnit_refused() {
        assertThatThrownBy(() -> TimeSpec.parse("2w")).hasMessageContaining("not a time");
    }

    @Test
    void relativeTo_pastAndFuture_readable() {
        assertThat(TimeSpec.relativeTo(NOW.plusSeconds(90_000), NOW)).isEqualTo("in 1d 1h");
        assertThat(TimeSpec.relativeTo(NOW.minusSeconds(125), NOW)).isEqualTo("2m 5s ago");
    }
}
