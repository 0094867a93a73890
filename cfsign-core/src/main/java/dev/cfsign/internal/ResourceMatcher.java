package dev.cfsign.internal;

import java.util.Locale;

/**
 * Matches a custom policy's {@code Resource} against a request, the way the CloudFront Developer Guide describes:
 *
 * <ul>
 *   <li>{@code *} matches zero or more characters, {@code ?} exactly one, {@code \?} a literal {@code ?};</li>
 *   <li>the pattern and the URL are split into protocol, domain, path and query, and a wildcard matches only within
 *       its own section;</li>
 *   <li>a trailing {@code *} in the path implies {@code *} in the query ({@code http://h/a*} ≡
 *       {@code http://h/a*\?*});</li>
 *   <li>a pattern that ends with {@code *} in the domain implies {@code *}{@code /*\?*} (any path, any query);</li>
 *   <li>a pattern without a protocol that starts with {@code *} means any protocol ({@code *example.com} ≡
 *       {@code *://*example.com/});</li>
 *   <li>{@code "*"} matches everything.</li>
 * </ul>
 *
 * The path/query separator in the pattern is {@code \?}. SDKs write it unescaped; an unescaped {@code ?} is then
 * tried both as the separator and as a one-character wildcard, and the pattern matches if either reading does.
 * Protocol and domain compare case-insensitively (host names are); path and query compare exactly, in their
 * percent-encoded wire form.
 */
public final class ResourceMatcher {
    private ResourceMatcher() {}

    /**
     * @param scheme    {@code http} or {@code https}
     * @param authority host, or host:port
     * @param rawPath   the percent-encoded path, starting with {@code /}
     * @param query     the query without signing parameters, or null when there is none
     */
    public static boolean matches(String pattern, String scheme, String authority, String rawPath, String query) {
        if (pattern.equals("*")) {
            return true;
        }
        String proto;
        String rest;
        int sep = pattern.indexOf("://");
        int firstSlash = pattern.indexOf('/');
        if (sep >= 0 && firstSlash == sep + 1) {
            proto = pattern.substring(0, sep);
            rest = pattern.substring(sep + 3);
        } else if (pattern.startsWith("*")) {
            proto = "*";
            rest = pattern;
        } else {
            return false;
        }
        if (!glob(proto.toLowerCase(Locale.ROOT), scheme.toLowerCase(Locale.ROOT))) {
            return false;
        }
        int slash = rest.indexOf('/');
        String domain = slash < 0 ? rest : rest.substring(0, slash);
        if (!glob(domain.toLowerCase(Locale.ROOT), authority.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String q = query == null ? "" : query;
        if (slash < 0) {
            // Trailing '*' in the domain: any path, any query. Otherwise the pattern names the root only.
            return domain.endsWith("*") || (rawPath.equals("/") && q.isEmpty());
        }
        String pathAndQuery = rest.substring(slash);
        int escaped = pathAndQuery.indexOf("\\?");
        if (escaped >= 0) {
            return sections(pathAndQuery.substring(0, escaped), pathAndQuery.substring(escaped + 2), rawPath, q);
        }
        // No escaped separator: try "no query section", then each unescaped '?' as the separator.
        if (sections(pathAndQuery, null, rawPath, q)) {
            return true;
        }
        for (int i = pathAndQuery.indexOf('?'); i >= 0; i = pathAndQuery.indexOf('?', i + 1)) {
            if (sections(pathAndQuery.substring(0, i), pathAndQuery.substring(i + 1), rawPath, q)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sections(String pathPattern, String queryPattern, String rawPath, String query) {
        if (!glob(pathPattern, rawPath)) {
            return false;
        }
        if (queryPattern == null) {
            return query.isEmpty() || pathPattern.endsWith("*");
        }
        return glob(queryPattern, query);
    }

    /**
     * Wildcard match of one section: {@code *} any run, {@code ?} one character, {@code \?} a literal '?'.
     * Linear-time greedy matching with a single backtrack point.
     */
    public static boolean glob(String p, String t) {
        int pi = 0;
        int ti = 0;
        int starP = -1;
        int starT = -1;
        int pn = p.length();
        int tn = t.length();
        while (ti < tn) {
            if (pi < pn) {
                char pc = p.charAt(pi);
                if (pc == '*') {
                    starP = ++pi;
                    starT = ti;
                    continue;
                }
                if (pc == '\\' && pi + 1 < pn && p.charAt(pi + 1) == '?') {
                    if (t.charAt(ti) == '?') {
                        pi += 2;
                        ti++;
                        continue;
                    }
                } else if (pc == '?' || pc == t.charAt(ti)) {
                    pi++;
                    ti++;
                    continue;
                }
            }
            if (starP >= 0) {
                pi = starP;
                ti = ++starT;
                continue;
            }
            return false;
        }
        while (pi < pn && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == pn;
    }
}
