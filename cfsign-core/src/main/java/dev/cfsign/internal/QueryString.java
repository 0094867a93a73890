package dev.cfsign.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way cfsign splits a raw query string: on {@code &} only, each part a name up to its first {@code =} and a
 * value after it, nothing decoded. Empty parts count ({@code a=1&&b} has three), as CloudFront keeps them in the
 * canned resource.
 */
public final class QueryString {
    private QueryString() {}

    /** Receives one part of a query: {@code query[start, end)}, with the name at {@code [start, nameEnd)}. */
    @FunctionalInterface
    public interface PartVisitor {
        void part(String query, int start, int nameEnd, int end);
    }

    /** Visits every part of {@code rawQuery} (without {@code ?}) in order. */
    public static void forEach(String rawQuery, PartVisitor visitor) {
        int n = rawQuery.length();
        int start = 0;
        while (start <= n) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            int eq = rawQuery.indexOf('=', start);
            visitor.part(rawQuery, start, eq >= 0 && eq < end ? eq : end, end);
            if (amp < 0) {
                return;
            }
            start = amp + 1;
        }
    }

    /** The parts of {@code rawQuery} as written. */
    public static List<String> parts(String rawQuery) {
        List<String> out = new ArrayList<>();
        forEach(rawQuery, (q, start, nameEnd, end) -> out.add(q.substring(start, end)));
        return out;
    }
}
