package dev.cfsign.internal;

import java.util.List;

/**
 * CloudFront's signing parameters as found in one place: the query string ({@code Expires}, {@code Policy},
 * {@code Signature}, {@code Key-Pair-Id}, {@code Hash-Algorithm}) or the {@code Cookie} header
 * ({@code CloudFront-Expires}, ...). Parsed once, without regular expressions.
 *
 * <p>For a query string, {@link #remainingQuery} keeps every other parameter in its original order and encoding
 * (what a canned policy's resource is rebuilt from), or is null when nothing else remains.
 */
public final class SigningParameters {
    public static final String[] QUERY_NAMES = {"Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm"};
    public static final String COOKIE_PREFIX = "CloudFront-";

    public String expires;
    public String policy;
    public String signature;
    public String keyPairId;
    public String hashAlgorithm;
    /** The name of the first signing parameter given twice, or null. */
    public String duplicate;
    /** The query without the signing parameters, or null when none remains. */
    public String remainingQuery;

    private SigningParameters() {}

    /** True when at least one signing parameter is present. */
    public boolean any() {
        return expires != null || policy != null || signature != null || keyPairId != null || hashAlgorithm != null;
    }

    public static SigningParameters fromQuery(String rawQuery) {
        SigningParameters p = new SigningParameters();
        if (rawQuery == null) {
            return p;
        }
        StringBuilder rest = null;
        int n = rawQuery.length();
        int start = 0;
        while (start <= n) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            int eq = rawQuery.indexOf('=', start);
            int nameEnd = eq >= 0 && eq < end ? eq : end;
            int which = index(rawQuery, start, nameEnd);
            if (which >= 0) {
                String value = nameEnd < end ? percentDecode(rawQuery.substring(nameEnd + 1, end)) : "";
                p.set(which, value, QUERY_NAMES[which]);
            } else {
                if (rest == null) {
                    rest = new StringBuilder(n);
                } else {
                    rest.append('&');
                }
                rest.append(rawQuery, start, end);
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        p.remainingQuery = rest == null ? null : rest.toString();
        return p;
    }

    /** Reads {@code CloudFront-*} cookies from one or more {@code Cookie} header values; the first occurrence wins. */
    public static SigningParameters fromCookies(List<String> cookieHeaders) {
        SigningParameters p = new SigningParameters();
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
                if (eq > s && eq < e && header.startsWith(COOKIE_PREFIX, s)) {
                    int which = index(header, s + COOKIE_PREFIX.length(), eq);
                    if (which >= 0 && p.get(which) == null) {
                        String v = header.substring(eq + 1, e);
                        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
                            v = v.substring(1, v.length() - 1);
                        }
                        p.set(which, v, null);
                    }
                }
                start = end + 1;
            }
        }
        return p;
    }

    private static int index(String s, int from, int to) {
        int len = to - from;
        for (int i = 0; i < QUERY_NAMES.length; i++) {
            String name = QUERY_NAMES[i];
            if (name.length() == len && s.startsWith(name, from)) {
                return i;
            }
        }
        return -1;
    }

    private String get(int which) {
        switch (which) {
            case 0: return expires;
            case 1: return policy;
            case 2: return signature;
            case 3: return keyPairId;
            default: return hashAlgorithm;
        }
    }

    private void set(int which, String value, String nameForDuplicate) {
        if (get(which) != null) {
            if (duplicate == null && nameForDuplicate != null) {
                duplicate = nameForDuplicate;
            }
            return;
        }
        switch (which) {
            case 0: expires = value; break;
            case 1: policy = value; break;
            case 2: signature = value; break;
            case 3: keyPairId = value; break;
            default: hashAlgorithm = value; break;
        }
    }

    /** Decodes {@code %XX} escapes of ASCII characters; anything else is kept as it is. */
    static String percentDecode(String v) {
        if (v.indexOf('%') < 0) {
            return v;
        }
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length()) {
                int hi = Character.digit(v.charAt(i + 1), 16);
                int lo = Character.digit(v.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0 && hi < 8) {
                    sb.append((char) (hi * 16 + lo));
                    i += 2;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
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
