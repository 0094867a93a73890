package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectUrlTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "cdn.example.com                | videos/intro.mp4        | https://cdn.example.com/videos/intro.mp4",
        "https://cdn.example.com/       | /videos/intro.mp4       | https://cdn.example.com/videos/intro.mp4",
        "http://cdn.example.com         | a.txt                   | http://cdn.example.com/a.txt",
        "https://cdn.example.com/media/ | a b.txt                 | https://cdn.example.com/media/a%20b.txt",
        "cdn.example.com                | a+b.txt                 | https://cdn.example.com/a%2Bb.txt",
        "cdn.example.com                | 100%.txt                | https://cdn.example.com/100%25.txt",
        "cdn.example.com                | a#b?c.txt               | https://cdn.example.com/a%23b%3Fc.txt",
        "cdn.example.com                | caf\u00e9/\u2713.png    | https://cdn.example.com/caf%C3%A9/%E2%9C%93.png",
        "cdn.example.com                | a//b                    | https://cdn.example.com/a//b",
        "cdn.example.com                | k~e-y_1.2               | https://cdn.example.com/k~e-y_1.2",
        "CDN.Example.com                | x*y(1).txt              | https://cdn.example.com/x%2Ay%281%29.txt",
    })
    void of_objectKey_percentEncodesEachSegment(String base, String key, String expected) {
        assertThat(ObjectUrl.of(base, key)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"''", "/", "a/../b", "./a", "a/."})
    void of_keyWithDotSegmentsOrEmpty_refused(String key) {
        assertThatThrownBy(() -> ObjectUrl.of("cdn.example.com", key)).isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(((SigningException) e).reason()).isEqualTo(SigningException.Reason.INVALID_OBJECT_KEY));
    }

    /** Independent oracle: java.net.URI accepts the result unchanged, and decoding the path gives the key back. */
    @Property(tries = 500)
    void of_anyKey_isAValidUriWhosePathDecodesToTheKey(@ForAll @StringLength(min = 1, max = 40) String key) {
        net.jqwik.api.Assume.that(!key.startsWith("/"));
        net.jqwik.api.Assume.that(!key.contains("\uFFFE") && key.chars().noneMatch(c -> Character.isSurrogate((char) c)));
        for (String segment : key.split("/", -1)) {
            net.jqwik.api.Assume.that(!segment.equals(".") && !segment.equals(".."));
        }
        String url = ObjectUrl.of("cdn.example.com", key);
        URI uri = URI.create(url);
        assertThat(uri.toASCIIString()).isEqualTo(url);
        String decoded = URLDecoder.decode(uri.getRawPath().substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(key);
        // and the signer accepts it as it is
        dev.cfsign.internal.UrlChecks.forSigning(url);
    }

    /** Found by UrlFuzzTest#objectUrl: "://" and similar bases threw StringIndexOutOfBoundsException. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"://", ":///", "://\u00eb", "://cdn.example.com", "https://", "https:///"})
    void of_baseWithoutSchemeOrHost_invalidUrl(String base) {
        assertThatThrownBy(() -> ObjectUrl.of(base, "a.txt"))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("host name")
                .satisfies(e -> assertThat(((SigningException) e).reason()).isEqualTo(SigningException.Reason.INVALID_URL));
    }

    /** Found by UrlFuzzTest#objectUrl: bases whose URLs the signer would refuse (ports browsers rewrite, spaces). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"a:0", "cdn.example.com:443", "http://cdn.example.com:80",
        "cdn.example.com:00080", "cdn.example.com:99999", "cdn.example.com/my folder", "cdn.example.com/a/../b"})
    void of_baseTheSignerRefuses_invalidUrl(String base) {
        assertThatThrownBy(() -> ObjectUrl.of(base, "a.txt"))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("cannot carry signed URLs")
                .satisfies(e -> assertThat(((SigningException) e).reason()).isEqualTo(SigningException.Reason.INVALID_URL));
    }
}
