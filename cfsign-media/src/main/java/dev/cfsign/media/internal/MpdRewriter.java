package dev.cfsign.media.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a DASH MPD as text, markup by markup, without building a document: the URI attributes in
 * {@link #URI_ATTRIBUTES} and the text of {@code BaseURL}, {@code Location} and {@code PatchLocation} get the signing
 * query ({@code &} written {@code &amp;}); every other character is copied as read.
 *
 * <p>References resolve against the {@code BaseURL} chain (MPD, Period, AdaptationSet, Representation; the first
 * {@code BaseURL} of an element counts). A {@code BaseURL} ending in {@code /} names a folder that is never fetched
 * itself, and resolving against it drops its query, so it is left as it is. Template identifiers
 * ({@code $Number%05d$}, {@code $RepresentationID$}) stay intact; to decide whether the grant covers a template,
 * each identifier stands for one path character.
 */
public final class MpdRewriter {
    static final Map<String, Set<String>> URI_ATTRIBUTES = Map.of(
            "SegmentTemplate", Set.of("media", "initialization", "index", "bitstreamSwitching"),
            "SegmentURL", Set.of("media", "index"),
            "Initialization", Set.of("sourceURL"),
            "RepresentationIndex", Set.of("sourceURL"),
            "BitstreamSwitching", Set.of("sourceURL"));
    static final Set<String> URI_TEXT = Set.of("BaseURL", "Location", "PatchLocation");
    private static final String AMP = "&amp;";

    private final QuerySource source;
    private final int maxToken;
    /** The base URL in effect inside each open element, innermost first. */
    private final Deque<Frame> open = new ArrayDeque<>();

    private static final class Frame {
        final References inherited;
        References base;
        boolean baseSet;

        Frame(References base) {
            this.inherited = base;
            this.base = base;
        }
    }

    private MpdRewriter(String base, QuerySource source, int maxToken) {
        this.source = source;
        this.maxToken = maxToken;
        open.push(new Frame(new References(base)));
    }

    /** Copies {@code in} to {@code out}, rewritten; a tag or a text run is bounded by {@code maxToken} characters. */
    public static void rewrite(String base, QuerySource source, Reader in, Writer out, int maxToken)
            throws IOException {
        new MpdRewriter(base, source, maxToken).run(new XmlTokens(in, maxToken), out);
    }

    private void run(XmlTokens tokens, Writer out) throws IOException {
        String textElement = null;
        StringBuilder text = new StringBuilder();
        boolean textPlain = true;
        for (String t = tokens.next(); t != null; t = tokens.next()) {
            if (textElement != null) {
                if (t.startsWith("</") && localName(t, 2).equals(textElement)) {
                    out.write(textElement(textElement, text.toString(), textPlain));
                    out.write(t);
                    closeElement();
                    textElement = null;
                    continue;
                }
                if (text.length() + t.length() > maxToken) {
                    throw new TooLong(maxToken);
                }
                textPlain &= !t.startsWith("<");
                text.append(t);
                continue;
            }
            if (t.startsWith("</")) {
                closeElement();
                out.write(t);
            } else if (t.startsWith("<!") || t.startsWith("<?") || !t.startsWith("<")) {
                out.write(t);
            } else {
                String name = localName(t, 1);
                boolean selfClosing = t.endsWith("/>");
                out.write(startTag(t, name));
                if (!selfClosing) {
                    open.push(new Frame(open.peek().base));
                    if (URI_TEXT.contains(name)) {
                        textElement = name;
                        text.setLength(0);
                        textPlain = true;
                    }
                }
            }
        }
        if (textElement != null) {
            out.write(text.toString());
        }
    }

    private void closeElement() {
        if (open.size() > 1) {
            open.pop();
        }
    }

    /** The text of a BaseURL/Location element, signed when covered; a BaseURL also sets its parent's base. */
    private String textElement(String name, String raw, boolean plain) {
        int start = 0;
        int stop = raw.length();
        while (start < stop && Character.isWhitespace(raw.charAt(start))) {
            start++;
        }
        while (stop > start && Character.isWhitespace(raw.charAt(stop - 1))) {
            stop--;
        }
        String ref = raw.substring(start, stop);
        boolean readable = plain && !ref.contains("&#");
        String effective = unescape(ref);
        Frame parent = parentOf();
        boolean baseUrl = name.equals("BaseURL");
        if (baseUrl && !parent.baseSet) {
            // Unreadable or unresolvable: nothing below it can be resolved, so nothing below it is signed.
            parent.baseSet = true;
            parent.base = new References(readable ? parent.inherited.resolve(effective) : null);
        }
        if (!readable || (baseUrl && ref.endsWith("/"))) {
            return raw;
        }
        // A Location names the MPD itself, so it resolves against the MPD's own URL.
        References against = baseUrl ? parent.inherited : open.peekLast().inherited;
        String query = against.queryFor(effective, source);
        if (query == null) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length() + query.length() + 64).append(raw, 0, start);
        References.append(sb, ref, effective, query, AMP);
        return sb.append(raw, stop, raw.length()).toString();
    }

    private Frame parentOf() {
        boolean first = true;
        for (Frame f : open) {
            if (!first) {
                return f;
            }
            first = false;
        }
        return open.peek();
    }

    private String startTag(String tag, String name) {
        Set<String> names = URI_ATTRIBUTES.get(name);
        if (names == null) {
            return tag;
        }
        References base = open.peek().base;
        StringBuilder sb = null;
        int copied = 0;
        for (XmlTokens.Attribute a : XmlTokens.attributes(tag)) {
            if (!names.contains(a.localName())) {
                continue;
            }
            String ref = tag.substring(a.valueStart(), a.valueEnd());
            if (ref.contains("&#")) {
                continue;
            }
            String effective = unescape(ref);
            String query = base.queryFor(templateProbe(effective), source);
            if (query == null) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(tag.length() + 512);
            }
            sb.append(tag, copied, a.valueStart());
            References.append(sb, ref, effective, query, AMP);
            copied = a.valueEnd();
        }
        return sb == null ? tag : sb.append(tag, copied, tag.length()).toString();
    }

    /** The template with each {@code $Identifier$} as one character and {@code $$} as {@code $}. */
    static String templateProbe(String template) {
        if (template.indexOf('$') < 0) {
            return template;
        }
        StringBuilder sb = new StringBuilder(template.length());
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '$' ? template.indexOf('$', i + 1) : -1;
            if (close < 0) {
                sb.append(c);
                i++;
            } else {
                sb.append(close == i + 1 ? "$" : "0");
                i = close + 1;
            }
        }
        return sb.toString();
    }

    static String localName(String tag, int from) {
        int end = from;
        while (end < tag.length() && !isSpaceOrEnd(tag.charAt(end))) {
            end++;
        }
        String qname = tag.substring(from, end);
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }

    private static boolean isSpaceOrEnd(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/';
    }

    /** XML's five predefined entities (character references are left alone by the callers). */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
