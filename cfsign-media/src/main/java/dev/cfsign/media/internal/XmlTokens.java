package dev.cfsign.media.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits XML text into tokens that concatenate back to the input exactly: text runs, and markup — tags, comments,
 * CDATA sections, processing instructions, declarations. Each token is bounded; nothing is validated.
 */
final class XmlTokens {
    private final Reader in;
    private final int max;
    private int pending = -2;

    XmlTokens(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** One attribute of a start tag: its local name and the position of its value inside the quotes. */
    record Attribute(String localName, int valueStart, int valueEnd) {}

    /** The next token, or null at the end. */
    String next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(64);
        if (c != '<') {
            while (c >= 0 && c != '<') {
                add(sb, c);
                c = in.read();
            }
            pending = c;
            return sb.toString();
        }
        add(sb, c);
        String end = ">";
        char quote = 0;
        int brackets = 0;
        while ((c = in.read()) >= 0) {
            add(sb, c);
            if (sb.length() == 4 && sb.toString().equals("<!--")) {
                end = "-->";
            } else if (sb.length() == 9 && sb.toString().equals("<![CDATA[")) {
                end = "]]>";
            } else if (sb.length() == 2 && c == '?') {
                end = "?>";
            }
            if (end.equals(">")) {
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                    continue;
                }
                if (c == '"' || c == '\'') {
                    quote = (char) c;
                } else if (c == '[') {
                    brackets++;
                } else if (c == ']' && brackets > 0) {
                    brackets--;
                } else if (c == '>' && brackets == 0) {
                    return sb.toString();
                }
            } else if (c == '>' && endsWith(sb, end) && sb.length() > end.length() + 1) {
                return sb.toString();
            }
        }
        return sb.toString();
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        return in.read();
    }

    private void add(StringBuilder sb, int c) throws IOException {
        if (sb.length() >= max) {
            throw new TooLong(max);
        }
        sb.append((char) c);
    }

    private static boolean endsWith(StringBuilder sb, String s) {
        int n = sb.length();
        return n >= s.length() && sb.substring(n - s.length()).equals(s);
    }

    /** The quoted attributes of a start tag; stops at the first thing that is not {@code name="value"}. */
    static List<Attribute> attributes(String tag) {
        List<Attribute> out = new ArrayList<>(4);
        int i = 1;
        int n = tag.length();
        while (i < n && !isSpace(tag.charAt(i)) && tag.charAt(i) != '>' && tag.charAt(i) != '/') {
            i++;
        }
        while (true) {
            while (i < n && isSpace(tag.charAt(i))) {
                i++;
            }
            int nameStart = i;
            while (i < n && tag.charAt(i) != '=' && !isSpace(tag.charAt(i)) && tag.charAt(i) != '>'
                    && tag.charAt(i) != '/') {
                i++;
            }
            String qname = tag.substring(nameStart, i);
            while (i < n && isSpace(tag.charAt(i))) {
                i++;
            }
            if (qname.isEmpty() || i >= n || tag.charAt(i) != '=') {
                return out;
            }
            i++;
            while (i < n && isSpace(tag.charAt(i))) {
                i++;
            }
            if (i >= n || (tag.charAt(i) != '"' && tag.charAt(i) != '\'')) {
                return out;
            }
            char quote = tag.charAt(i);
            int close = tag.indexOf(quote, i + 1);
            if (close < 0) {
                return out;
            }
            int colon = qname.indexOf(':');
            out.add(new Attribute(colon < 0 ? qname : qname.substring(colon + 1), i + 1, close));
            i = close + 1;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
