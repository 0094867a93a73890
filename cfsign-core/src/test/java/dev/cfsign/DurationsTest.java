package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"20d, PT480H", "1h, PT1H", "1h30m, PT1H30M", "45s, PT45S", "500ms, PT0.5S", "2m, PT2M",
        "1m30s, PT1M30S", "PT30S, PT30S", "pt1h, PT1H", "P1D, PT24H", "' 10s ', PT10S", "1H, PT1H"})
    void parse_everyForm(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "2w", "1m1h", "-5m", "PT-5S", "soon", "1.5h", "10 s"})
    void parse_notInTheGrammar_refusedWithTheForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30"})
    void parse_bareNumber_suggestsSeconds(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessageContaining("30s");
    }
}
