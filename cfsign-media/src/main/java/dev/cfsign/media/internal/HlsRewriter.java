package dev.cfsign.media.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites an HLS playlist (RFC 8216bis, LL-HLS included) line by line: URI lines and the URI attributes of the tags
 * in {@link #URI_ATTRIBUTES} get the signing query; every other character is copied as read, line ends included.
 *
 * <p>{@code EXT-X-DEFINE}: {@code NAME}/{@code VALUE} and {@code QUERYPARAM} (from the playlist URL's query) are
 * substituted to find the URL a player will request, but the reference is written back as it was, with the query
 * appended after it. A reference with a variable whose value the playlist cannot know ({@code IMPORT}, or undefined)
 * is left as it is.
 */
public final class HlsRewriter {
    /** Tag → the attributes holding a URI a player fetches. */
    static final Map<String, Set<String>> URI_ATTRIBUTES = Map.ofEntries(
            Map.entry("EXT-X-KEY", Set.of("URI")),
            Map.entry("EXT-X-SESSION-KEY", Set.of("URI")),
            Map.entry("EXT-X-MAP", Set.of("URI")),
            Map.entry("EXT-X-MEDIA", Set.of("URI")),
            Map.entry("EXT-X-I-FRAME-STREAM-INF", Set.of("URI")),
            Map.entry("EXT-X-PART", Set.of("URI")),
            Map.entry("EXT-X-PRELOAD-HINT", Set.of("URI")),
            Map.entry("EXT-X-RENDITION-REPORT", Set.of("URI")),
            Map.entry("EXT-X-SESSION-DATA", Set.of("URI")),
            Map.entry("EXT-X-CONTENT-STEERING", Set.of("SERVER-URI")),
            Map.entry("EXT-X-DATERANGE", Set.of("X-ASSET-URI", "X-ASSET-LIST")));

    private final String base;
    private final References references;
    private final QuerySource source;
    private final StringBuilder out = new StringBuilder(1024);
    private final int maxLine;
    private final Map<String, String> variables = new HashMap<>();

    private HlsRewriter(String base, QuerySource source, int maxLine) {
        this.base = base;
        this.references = new References(base);
        this.source = source;
        this.maxLine = maxLine;
    }

    /** Copies {@code in} to {@code out}, rewritten; lines are bounded by {@code maxLine} characters. */
    public static void rewrite(String base, QuerySource source, Reader in, Writer out, int maxLine) throws IOException {
        new HlsRewriter(base, source, maxLine).run(in, out);
    }

    private void run(Reader in, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(256);
        char[] buf = new char[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    append(line, buf, from, i);
                    writeLine(line, out);
                    out.write('\n');
                    line.setLength(0);
                    from = i + 1;
                }
            }
            append(line, buf, from, n);
        }
        writeLine(line, out);
    }

    private void append(StringBuilder line, char[] buf, int from, int to) throws TooLong {
        if (line.length() + (to - from) > maxLine) {
            throw new TooLong(maxLine);
        }
        line.append(buf, from, to - from);
    }

    private void writeLine(StringBuilder line, Writer out) throws IOException {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        String content = line.substring(0, end);
        String rewritten;
        if (content.startsWith("#EXT")) {
            rewritten = tag(content);
        } else if (content.startsWith("#") || content.isBlank()) {
            rewritten = content;
        } else {
            rewritten = uriLine(content);
        }
        out.write(rewritten);
        if (end < line.length()) {
            out.write('\r');
        }
    }

    private String uriLine(String content) {
        int start = 0;
        int stop = content.length();
        while (start < stop && isBlank(content.charAt(start))) {
            start++;
        }
        while (stop > start && isBlank(content.charAt(stop - 1))) {
            stop--;
        }
        String ref = start == 0 && stop == content.length() ? content : content.substring(start, stop);
        out.setLength(0);
        out.append(content, 0, start);
        return signed(ref) ? out.append(content, stop, content.length()).toString() : content;
    }

    /** Appends the reference with its query to {@link #out}; false (and nothing appended) to leave it. */
    private boolean signed(String ref) {
        String effective = substitute(ref);
        if (effective == null) {
            return false;
        }
        String query = references.queryFor(effective, source);
        if (query == null) {
            return false;
        }
        References.append(out, ref, effective, query, "&");
        return true;
    }

    private String tag(String content) {
        int colon = content.indexOf(':');
        if (colon < 0) {
            return content;
        }
        String name = content.substring(1, colon);
        if (name.equals("EXT-X-DEFINE")) {
            define(AttributeList.parse(content, colon + 1));
            return content;
        }
        Set<String> uriAttributes = URI_ATTRIBUTES.get(name);
        if (uriAttributes == null) {
            return content;
        }
        StringBuilder sb = null;
        int copied = 0;
        for (AttributeList.Attribute a : AttributeList.parse(content, colon + 1)) {
            if (!a.quoted() || !uriAttributes.contains(a.name())) {
                continue;
            }
            out.setLength(0);
            if (signed(a.value())) {
                if (sb == null) {
                    sb = new StringBuilder(content.length() + 512);
                }
                sb.append(content, copied, a.valueStart()).append(out);
                copied = a.valueEnd();
            }
        }
        return sb == null ? content : sb.append(content, copied, content.length()).toString();
    }

    private void define(Iterable<AttributeList.Attribute> attributes) {
        String name = null;
        String value = null;
        String queryParam = null;
        for (AttributeList.Attribute a : attributes) {
            switch (a.name()) {
                case "NAME" -> name = a.value();
                case "VALUE" -> value = a.value();
                case "QUERYPARAM" -> queryParam = a.value();
                default -> { }
            }
        }
        if (name != null && value != null) {
            variables.put(name, value);
        } else if (queryParam != null) {
            String v = queryParameter(queryParam);
            if (v != null) {
                variables.put(queryParam, v);
            }
        }
    }

    /** The raw value of a parameter of the playlist URL's query, or null. */
    private String queryParameter(String name) {
        int q = base.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : base.substring(q + 1).split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq >= 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    /** {@code ref} with its {@code {$name}} references replaced, or null when one has no known value. */
    private String substitute(String ref) {
        int open = ref.indexOf("{$");
        if (open < 0) {
            return ref;
        }
        StringBuilder sb = new StringBuilder(ref.length() + 64);
        int from = 0;
        while (open >= 0) {
            int close = ref.indexOf('}', open + 2);
            if (close < 0) {
                break;
            }
            String value = variables.get(ref.substring(open + 2, close));
            if (value == null) {
                return null;
            }
            sb.append(ref, from, open).append(value);
            from = close + 1;
            open = ref.indexOf("{$", from);
        }
        return sb.append(ref, from, ref.length()).toString();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
