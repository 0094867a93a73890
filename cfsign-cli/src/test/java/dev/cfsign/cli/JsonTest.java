package dev.cfsign.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void write_escapesControlQuotesAndLineSeparators() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a\"b", "x\\y\n\t\u0001\u2028/&");
        m.put("n", 5L);
        m.put("l", List.of(true, "s"));
        m.put("z", null);
        String json = Json.write(m);
        assertThat(json).isEqualTo("{\"a\\\"b\":\"x\\\\y\\n\\t\\u0001\\u2028/&\",\"n\":5,\"l\":[true,\"s\"],\"z\":null}");
        assertThat(JsonReader.parse(json)).isEqualTo(m);
    }

    @Test
    void pretty_keepsStringsVerbatim() {
        String compact = "{\"a\":[1,{\"b\":\"x, {y}: [z]\"}],\"c\":{}}";
        String pretty = Json.pretty(compact);
        assertThat(pretty).contains("\"x, {y}: [z]\"").contains("\"c\": {}");
        assertThat(JsonReader.parse(pretty)).isEqualTo(JsonReader.parse(compact));
    }

    @Test
    void parse_duplicateMemberOrTrailingGarbage_refused() {
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> JsonReader.parse("{} x")).hasMessageContaining("after");
    }
}
