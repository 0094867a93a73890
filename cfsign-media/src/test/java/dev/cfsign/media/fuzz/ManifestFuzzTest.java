package dev.cfsign.media.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cfsign.media.ManifestException;
import dev.cfsign.media.ManifestFormat;
import dev.cfsign.media.ManifestRewriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Both rewriters on arbitrary bytes. Properties: only {@link ManifestException} escapes; the output is the input with
 * queries inserted, so deleting every inserted query gives the input back byte for byte.
 */
class ManifestFuzzTest {
    static final String Q = "Policy=eyJ9&Signature=abc~_-&Key-Pair-Id=K2JCJMDEHXQW5F";
    static final ManifestRewriter REWRITER = ManifestRewriter.appending("https://cdn.example.com/v/*", Q);
    static final String BASE = "https://cdn.example.com/v/master";

    @FuzzTest(maxDuration = "30s")
    void hls(byte[] data) throws IOException {
        run(ManifestFormat.HLS, data, new String[] {"?" + Q, "&" + Q, Q});
    }

    @FuzzTest(maxDuration = "30s")
    void dash(byte[] data) throws IOException {
        String x = Q.replace("&", "&amp;");
        run(ManifestFormat.DASH, data, new String[] {"?" + x, "&amp;" + x, x});
    }

    private static void run(ManifestFormat format, byte[] data, String[] added) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            REWRITER.rewrite(BASE, format, new ByteArrayInputStream(data), out);
        } catch (ManifestException e) {
            if (e.reason() == null || e.getMessage() == null) {
                throw new AssertionError("a typed exception without reason or message", e);
            }
            return;
        }
        String in = new String(data, StandardCharsets.ISO_8859_1);
        String rewritten = out.toString(StandardCharsets.ISO_8859_1);
        if (in.contains(Q) || in.contains(added[2])) {
            return;
        }
        if (!onlyQueriesAdded(in, rewritten, added)) {
            throw new AssertionError("removing the added queries does not give the input back");
        }
    }

    /**
     * Aligns the output with the input: every output character is the next input character, or starts an added query
     * ({@code added[2]} right after a separator the input already had, or a separator and the query).
     */
    static boolean onlyQueriesAdded(String in, String out, String[] added) {
        String bare = added[2];
        int i = 0;
        int j = 0;
        while (i < out.length()) {
            if (j < in.length() && out.charAt(i) == in.charAt(j)) {
                i++;
                j++;
                if (out.startsWith(bare, i) && (in.charAt(j - 1) == '?' || in.charAt(j - 1) == '&'
                        || in.charAt(j - 1) == ';')) {
                    i += bare.length();
                }
            } else if (out.startsWith(added[0], i)) {
                i += added[0].length();
            } else if (out.startsWith(added[1], i)) {
                i += added[1].length();
            } else {
                return false;
            }
        }
        return j == in.length();
    }
}
