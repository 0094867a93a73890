package dev.cfsign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfsign.SigningException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which characters may stand unencoded in a URL to be signed, against an oracle written from the WHATWG URL standard
 * (https://url.spec.whatwg.org/#percent-encoded-bytes, as of 2025: '^' joined the path set in whatwg/url#846) and,
 * where installed, headless Chromium's own URL parser.
 */
class BrowserCharactersTest {
    /** The standard's query percent-encode set, printable ASCII part: space excluded (tested apart). */
    static final String QUERY_SET = "\"#<>";
    /** The special-query percent-encode set: the query set and '. */
    static final String SPECIAL_QUERY_SET = QUERY_SET + "'";
    /** The path percent-encode set: the query set and ? ^ ` { }. */
    static final String PATH_SET = QUERY_SET + "?^`{}";
    /** Where browsers disagree with the standard or rewrite: '|' (Chromium encodes it in paths), '\' (becomes '/'). */
    static final String PATH_REFUSED_ANYWAY = "|\\";

    static Stream<Character> printable() {
        return IntStream.rangeClosed(0x21, 0x7e).mapToObj(c -> (char) c)
                .filter(c -> c != '%' && c != '#' && c != '?' && c != '/'); // delimiters and escapes: tested apart
    }

    @ParameterizedTest(name = "path {0}")
    @MethodSource("printable")
    void path_charactersOutsideThePathSet_signedAsWritten_othersRefusedNamingTheRule(char c) {
        String url = "https://h.example/a" + c + "b";
        boolean browserSendsItAsWritten = PATH_SET.indexOf(c) < 0 && PATH_REFUSED_ANYWAY.indexOf(c) < 0;

        if (browserSendsItAsWritten) {
            assertThat(UrlChecks.forSigning(url).url()).isEqualTo(url);
        } else {
            assertThatThrownBy(() -> UrlChecks.forSigning(url)).isInstanceOf(SigningException.class)
                    .hasMessageContaining("path").hasMessageContaining("%" + String.format("%02X", (int) c));
        }
    }

    @ParameterizedTest(name = "query {0}")
    @MethodSource("printable")
    void query_charactersOutsideTheSpecialQuerySet_signedAsWritten_othersRefusedNamingTheRule(char c) {
        String url = "https://h.example/a?x=" + c;
        if (SPECIAL_QUERY_SET.indexOf(c) < 0) {
            assertThat(UrlChecks.forSigning(url).url()).isEqualTo(url);
        } else {
            assertThatThrownBy(() -> UrlChecks.forSigning(url)).isInstanceOf(SigningException.class)
                    .hasMessageContaining("percent-encode set");
        }
    }

    @Test
    void apostropheInQuery_refusedNamingTheSpecialQuerySetAndTheFix() {
        assertThatThrownBy(() -> UrlChecks.forSigning("https://h.example/a?f=UTF-8''a.pdf"))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("special-query percent-encode set").hasMessageContaining("%27");
    }

    @Test
    void apostropheInPath_signedAsWritten() {
        assertThat(UrlChecks.forSigning("https://h.example/o'brien.txt").url()).isEqualTo("https://h.example/o'brien.txt");
    }

    /** The real oracle: every URL cfsign signs must come out of Chromium's parser unchanged; every other one changed. */
    @Test
    void chromium_sendsExactlyTheUrlsCfsignSigns(@TempDir Path dir) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium), "Chromium not installed at /usr/bin/chromium:"
                + " the browser check is skipped (apt-get install chromium to run it)");
        Map<String, Boolean> signs = new LinkedHashMap<>();
        printable().forEach(c -> {
            for (String url : new String[] {"https://h.example/a" + c + "b", "https://h.example/a?x=" + c}) {
                boolean ok;
                try {
                    UrlChecks.forSigning(url);
                    ok = true;
                } catch (SigningException e) {
                    ok = false;
                }
                signs.put(url, ok);
            }
        });
        Map<String, String> parsed = parseInChromium(chromium, dir, new ArrayList<>(signs.keySet()));

        signs.forEach((url, ok) -> {
            if (ok) {
                assertThat(parsed.get(url)).as("Chromium sends %s as written", url).isEqualTo(url);
            } else {
                assertThat(parsed.get(url)).as("Chromium rewrites %s, which cfsign refuses", url).isNotEqualTo(url);
            }
        });
    }

    private static Map<String, String> parseInChromium(Path chromium, Path dir, List<String> urls)
            throws IOException, InterruptedException {
        StringBuilder js = new StringBuilder("const u=[");
        for (String u : urls) {
            js.append('"').append(u.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",");
        }
        js.append("];document.body.textContent=u.map(x=>{try{return new URL(x).href}catch(e){return 'ERR'}})"
                + ".map(x=>encodeURIComponent(x)).join(' ');");
        Path page = dir.resolve("parse.html");
        Files.writeString(page, "<html><body><script>" + js + "</script></body></html>", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", page.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
        String body = out.substring(out.indexOf("<body>") + 6, out.indexOf("</body>")).strip();
        String[] hrefs = body.split(" ");
        assertThat(hrefs).hasSameSizeAs(urls);
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < urls.size(); i++) {
            m.put(urls.get(i), java.net.URLDecoder.decode(hrefs[i].replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return m;
    }
}
