package dev.cfsign.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A tiny JSON writer: strings are escaped per RFC 8259 (control characters, quote, backslash, and U+2028/U+2029 for
 * JavaScript consumers); '/' and '&amp;' are left alone. Values are {@code null}, {@link String}, {@link Number},
 * {@link Boolean}, {@link Map} (insertion order kept) and {@link List}.
 */
final class Json {
    private Json() {}

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(sb, s);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            quote(sb, s);
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                quote(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, list.get(i));
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * Re-indents compact JSON for humans (two spaces), leaving every string token byte for byte as it was.
     */
    static String pretty(String json) {
        StringBuilder sb = new StringBuilder(json.length() * 2);
        int indent = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                sb.append(c);
                if (c == '\\') {
                    sb.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    sb.append(c);
                }
                case '{', '[' -> {
                    char close = c == '{' ? '}' : ']';
                    if (i + 1 < json.length() && json.charAt(i + 1) == close) {
                        sb.append(c).append(close);
                        i++;
                    } else {
                        sb.append(c).append('\n');
                        indent++;
                        sb.append("  ".repeat(indent));
                    }
                }
                case '}', ']' -> {
                    indent--;
                    sb.append('\n').append("  ".repeat(indent)).append(c);
                }
                case ',' -> sb.append(",\n").append("  ".repeat(indent));
                case ':' -> sb.append(": ");
                case ' ', '\n', '\r', '\t' -> { }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
