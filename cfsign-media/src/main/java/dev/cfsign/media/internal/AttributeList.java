package dev.cfsign.media.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * An HLS attribute list ({@code NAME=value,NAME="quoted"}) read with the positions of each value, so a rewriter can
 * replace one value and copy the rest. Reading stops at the first malformed attribute: what follows is left as is.
 */
final class AttributeList {
    private AttributeList() {}

    /** One attribute; for a quoted string, the value and its positions exclude the quotes. */
    record Attribute(String name, String value, boolean quoted, int valueStart, int valueEnd) {}

    static List<Attribute> parse(String line, int from) {
        List<Attribute> out = new ArrayList<>(4);
        int i = from;
        int n = line.length();
        while (i < n) {
            int eq = line.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = line.substring(i, eq).strip();
            if (!isName(name)) {
                break;
            }
            int v = eq + 1;
            if (v < n && line.charAt(v) == '"') {
                int close = line.indexOf('"', v + 1);
                if (close < 0) {
                    break;
                }
                out.add(new Attribute(name, line.substring(v + 1, close), true, v + 1, close));
                i = close + 1;
            } else {
                int comma = line.indexOf(',', v);
                int end = comma < 0 ? n : comma;
                out.add(new Attribute(name, line.substring(v, end), false, v, end));
                i = end;
            }
            while (i < n && line.charAt(i) != ',') {
                i++;
            }
            i++;
        }
        return out;
    }

    private static boolean isName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
