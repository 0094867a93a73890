package dev.cfsign.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal strict JSON reader (RFC 8259) for policies: objects, arrays, strings, numbers kept as their text, the three
 * literals; duplicate keys, nesting deeper than 16 and trailing content are refused. Errors are
 * {@link PolicyReader.MalformedPolicy} of kind {@code SYNTAX}, with the offset.
 */
final class StrictJson {
    private static final int MAX_DEPTH = 16;

    /** A JSON number kept as its source text. */
    record Num(String text) {}

    private final String s;
    private int pos;
    private int depth;

    private StrictJson(String s) {
        this.s = s;
    }

    static Object parse(String json) {
        StrictJson r = new StrictJson(json);
        r.ws();
        Object root = r.value();
        r.ws();
        if (r.pos != json.length()) {
            throw r.syntax("unexpected content after the policy object");
        }
        return root;
    }

    private PolicyReader.MalformedPolicy syntax(String msg) {
        return new PolicyReader.MalformedPolicy(PolicyReader.MalformedPolicy.Kind.SYNTAX, "invalid JSON at offset " + pos + ": " + msg);
    }

    // ---- minimal strict JSON (RFC 8259) ----

    private void ws() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                break;
            }
        }
    }

    private Object value() {
        if (pos >= s.length()) {
            throw syntax("unexpected end");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': literal("true"); return Boolean.TRUE;
            case 'f': literal("false"); return Boolean.FALSE;
            case 'n': literal("null"); return JSON_NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw syntax("unexpected character");
        }
    }

    private static final Object JSON_NULL = new Object();

    private void literal(String word) {
        if (!s.startsWith(word, pos)) {
            throw syntax("unexpected character");
        }
        pos += word.length();
    }

    private Map<String, Object> object() {
        enter();
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        ws();
        if (peek() == '}') {
            pos++;
            depth--;
            return m;
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw syntax("expected a field name");
            }
            String k = string();
            ws();
            expect(':');
            ws();
            Object v = value();
            if (m.put(k, v) != null) {
                throw new PolicyReader.MalformedPolicy(PolicyReader.MalformedPolicy.Kind.STRUCTURE, "duplicate field "
                        + PolicyReader.safeName(k));
            }
            ws();
            char c = next();
            if (c == '}') {
                depth--;
                return m;
            }
            if (c != ',') {
                pos--;
                throw syntax("expected ',' or '}'");
            }
        }
    }

    private List<Object> array() {
        enter();
        pos++;
        List<Object> l = new ArrayList<>();
        ws();
        if (peek() == ']') {
            pos++;
            depth--;
            return l;
        }
        while (true) {
            ws();
            l.add(value());
            ws();
            char c = next();
            if (c == ']') {
                depth--;
                return l;
            }
            if (c != ',') {
                pos--;
                throw syntax("expected ',' or ']'");
            }
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw syntax("nested too deeply");
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw syntax("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw syntax("control character in string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw syntax("unterminated escape");
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u':
                    if (pos + 4 > s.length()) {
                        throw syntax("short \\u escape");
                    }
                    int v = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(s.charAt(pos++), 16);
                        if (d < 0) {
                            throw syntax("bad \\u escape");
                        }
                        v = v * 16 + d;
                    }
                    sb.append((char) v);
                    break;
                default:
                    throw syntax("invalid escape");
            }
        }
    }

    private Num number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9') {
                pos++;
            }
        } else {
            throw syntax("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!(peek() >= '0' && peek() <= '9')) {
                throw syntax("invalid number");
            }
            while (peek() >= '0' && peek() <= '9') {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!(peek() >= '0' && peek() <= '9')) {
                throw syntax("invalid number");
            }
            while (peek() >= '0' && peek() <= '9') {
                pos++;
            }
        }
        return new Num(s.substring(start, pos));
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= s.length()) {
            throw syntax("unexpected end");
        }
        return s.charAt(pos++);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw syntax("expected '" + c + "'");
        }
        pos++;
    }
}
