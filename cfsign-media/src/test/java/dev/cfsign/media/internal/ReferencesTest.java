package dev.cfsign.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path for plain relative references gives what the JDK's RFC 3986 resolution gives. */
class ReferencesTest {
    static final String BASE = "https://cdn.example.com/videos/s1/master.m3u8?Policy=x&Signature=y";

    @ParameterizedTest
    @ValueSource(strings = {"seg-1.ts", "low/index.m3u8", "a%20b.ts", "v=1,x@y.m4s", "a.b.c/d.e", "low/x.y/z",
        "a+b~c_d.ts", "x/y/z/w.ts"})
    void plainReferencesResolveAsRfc3986Does(String ref) {
        assertThat(new References(BASE).resolve(ref)).isEqualTo(URI.create(BASE).resolve(ref).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"./a.ts", "a/./b.ts", "a/../b.ts", "a//b.ts", "../s2/a.ts", "/root.ts", "a.ts?x=1",
        "//other.example.com/a.ts", "a.ts#t=1"})
    void otherReferencesTakeTheFullPath(String ref) {
        String expected = URI.create(BASE).resolve(ref).toString().replaceFirst("#.*", "");
        assertThat(new References(BASE).resolve(ref)).isEqualTo(expected);
    }

    @Test
    void anUnusableBaseResolvesNothing() {
        assertThat(new References(null).resolve("a.ts")).isNull();
        assertThat(new References("not a url").resolve("a.ts")).isNull();
        assertThat(new References(BASE).resolve("https://cdn.example.com/../../x.ts")).isNull();
    }
}
