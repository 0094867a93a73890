package dev.cfsign.internal;

import dev.cfsign.SigningParameter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * CloudFront's signing parameters as found in one place: the query string or the {@code Cookie} header. Parsed once,
 * without regular expressions; the names are {@link SigningParameter}'s.
 *
 * <p>For a query string, {@link #remainingQuery()} keeps every other parameter in its original order and encoding
 * (what a canned policy's resource is rebuilt from), or is null when nothing else remains. Immutable once read.
 */
public final class SigningParameters {
    private final Map<SigningParameter, String> values = new EnumMap<>(SigningParameter.class);
    private SigningParameter duplicate;
    private String remainingQuery;

    private SigningParameters() {}

    /** No parameters at all. */
    public static SigningParameters none() {
        return new SigningParameters();
    }

    /** True when at least one signing parameter is present. */
    public boolean any() {
        return !values.isEmpty();
    }

    /** The value (query values percent-decoded, cookie values unquoted), or null when absent. */
    public String get(SigningParameter p) {
        return values.get(p);
    }

    /** The first signing parameter given twice, or null. */
    public SigningParameter duplicate() {
        return duplicate;
    }

    /** The query without the signing parameters, or null when none remains. */
    public String remainingQuery() {
        return remainingQuery;
    }

    public static SigningParameters fromQuery(String rawQuery) {
        SigningParameters p = new SigningParameters();
        if (rawQuery == null) {
            return p;
        }
        StringBuilder rest = new StringBuilder();
        boolean[] restEmpty = {true};
        QueryString.forEach(rawQuery, (q, start, nameEnd, end) -> {
            SigningParameter which = SigningParameter.fromQueryName(q, start, nameEnd);
            if (which != null) {
                p.set(which, nameEnd < end ? PercentEncoding.decode(q.substring(nameEnd + 1, end)) : "", true);
            } else {
                if (!restEmpty[0]) {
                    rest.append('&');
                }
                restEmpty[0] = false;
                rest.append(q, start, end);
            }
        });
        p.remainingQuery = restEmpty[0] ? null : rest.toString();
        return p;
    }

    /** Reads {@code CloudFront-*} cookies from one or more {@code Cookie} header values; the first occurrence wins. */
    public static SigningParameters fromCookies(List<String> cookieHeaders) {
        SigningParameters p = new SigningParameters();
        int prefix = SigningParameter.COOKIE_PREFIX.length();
        for (String header : cookieHeaders) {
            int n = header.length();
            int start = 0;
            while (start < n) {
                int semi = header.indexOf(';', start);
                int end = semi < 0 ? n : semi;
                int s = start;
                while (s < end && (header.charAt(s) == ' ' || header.charAt(s) == '\t')) {
                    s++;
                }
                int e = end;
                while (e > s && (header.charAt(e - 1) == ' ' || header.charAt(e - 1) == '\t')) {
                    e--;
                }
                int eq = header.indexOf('=', s);
                if (eq > s && eq < e && header.startsWith(SigningParameter.COOKIE_PREFIX, s)) {
                    SigningParameter which = SigningParameter.fromQueryName(header, s + prefix, eq);
                    if (which != null) {
                        String v = header.substring(eq + 1, e);
                        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
                            v = v.substring(1, v.length() - 1);
                        }
                        p.set(which, v, false);
                    }
                }
                start = end + 1;
            }
        }
        return p;
    }

    private void set(SigningParameter which, String value, boolean duplicateCounts) {
        if (values.putIfAbsent(which, value) != null && duplicateCounts && duplicate == null) {
            duplicate = which;
        }
    }

    /**
     * Parses an {@code Expires} value: decimal digits only, 0..2147483647. Returns -1 for anything else.
     */
    public static long parseEpoch(String v) {
        int n = v.length();
        if (n == 0 || n > 10) {
            return -1;
        }
        long r = 0;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            r = r * 10 + (c - '0');
        }
        return r > Checks.MAX_EPOCH ? -1 : r;
    }
}
