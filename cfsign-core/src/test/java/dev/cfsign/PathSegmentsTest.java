package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathSegmentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/.", "/..", "/a/./b", "/a/../b", "/a/..", "/%2e/a", "/%2E%2e/a", "/.%2e/a", "/a/..;x/b",
        "/a/.;/b", "/a/%2e;jsessionid=1", "/a/../"})
    void hasDotSegment_dotForms_true(String path) {
        assertThat(PathSegments.hasDotSegment(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a/b", "/a/...", "/a/.b", "/a/b.", "/a/..b", "/a/%2e%2e%2e", "/a/;x", "/a/x;..",
        "/.well-known/x", "/a//b"})
    void hasDotSegment_otherSegments_false(String path) {
        assertThat(PathSegments.hasDotSegment(path)).isFalse();
    }

    /** Independent oracle for the plain forms: the JDK's RFC 3986 normalisation changes exactly these paths. */
    @ParameterizedTest
    @ValueSource(strings = {"/a/./b", "/a/../b", "/a/b", "/a/...", "/.x/y", "/a/b/..", "/x/.hidden/./"})
    void hasDotSegment_plainForms_agreesWithUriNormalize(String path) {
        boolean jdkChanges = !URI.create("http://h" + path).normalize().getRawPath().equals(path);
        assertThat(PathSegments.hasDotSegment(path)).isEqualTo(jdkChanges);
    }
}
