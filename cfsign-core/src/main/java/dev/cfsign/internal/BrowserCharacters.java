package dev.cfsign.internal;

/**
 * Which characters a browser sends exactly as written, decided by the WHATWG URL standard (the parser browsers
 * implement, https://url.spec.whatwg.org/#percent-encoded-bytes) for {@code http}/{@code https} URLs, checked against
 * headless Chromium. A signed URL may hold only those: anything a browser re-encodes changes the bytes CloudFront
 * rebuilds the canned policy from. Table and sources: docs/cloudfront-rules.md §4.
 *
 * <ul>
 *   <li>Both sections: the C0 controls, space, non-ASCII and {@code " < >} are percent-encoded (query percent-encode
 *       set; the path set includes it).</li>
 *   <li>Path: the path percent-encode set adds {@code ? ^ ` { }}; {@code \} becomes {@code /} in special URLs;
 *       {@code |} is left alone by the standard but percent-encoded by Chromium, so browsers disagree.</li>
 *   <li>Query: the special-query percent-encode set adds {@code '}; {@code | ^ ` { } \ [ ]} are sent as written.</li>
 * </ul>
 */
public final class BrowserCharacters {
    private BrowserCharacters() {}

    /** Characters outside the shared sets that browsers send as written in a path. */
    private static final String PATH_EXTRA = "'[]";
    /** Characters outside the shared sets that browsers send as written in a query. */
    private static final String QUERY_EXTRA = "?|^`{}\\[]";
    /** Letters, digits and these go as written in both (RFC 3986 unreserved and sub-delims, ':', '/', '@'). */
    private static final String SHARED = "-._~!$&()*+,;=:/@";

    /** Why a browser would not send {@code c} as written in a path, or null when it would. */
    public static String inPath(char c) {
        if (shared(c) || PATH_EXTRA.indexOf(c) >= 0) {
            return null;
        }
        if (c == '\\') {
            return "which browsers turn into '/' in http(s) URLs";
        }
        if (c == '|') {
            return "which browsers disagree on: the URL standard keeps it, Chromium sends %7C";
        }
        return encoded(c, "path");
    }

    /** Why a browser would not send {@code c} as written in a query, or null when it would. */
    public static String inQuery(char c) {
        if (shared(c) || QUERY_EXTRA.indexOf(c) >= 0) {
            return null;
        }
        return encoded(c, c == '\'' ? "special-query" : "query");
    }

    private static boolean shared(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SHARED.indexOf(c) >= 0;
    }

    private static String encoded(char c, String set) {
        return "which a browser percent-encodes before sending (WHATWG URL standard, " + set + " percent-encode set)";
    }
}
