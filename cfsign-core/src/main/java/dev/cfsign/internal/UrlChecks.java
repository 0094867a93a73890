package dev.cfsign.internal;

import dev.cfsign.PathSegments;
import dev.cfsign.Remedy;
import dev.cfsign.SigningException;
import dev.cfsign.SigningParameter;
import dev.cfsign.SigningException.Reason;

/**
 * Checks a URL before it is signed, so that what the browser sends is byte for byte what was signed (the characters
 * by {@link BrowserCharacters}, dot segments by {@link PathSegments}).
 * The URL is never echoed in messages: it may already be a signed URL, which is a bearer credential.
 */
public final class UrlChecks {
    private UrlChecks() {}

    /** The URL as it will be signed: with {@code /} for an empty path and no lone {@code ?}. */
    public record Target(String url, boolean hasQuery) {}

    public static Target forSigning(String url) {
        if (url == null || url.isEmpty()) {
            throw new SigningException(Reason.INVALID_URL, "The URL to sign is empty.");
        }
        String scheme;
        if (url.startsWith("https://")) {
            scheme = "https://";
        } else if (url.startsWith("http://")) {
            scheme = "http://";
        } else if (url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7)) {
            throw new SigningException(Reason.INVALID_URL, "The URL's scheme must be lower-case 'http://' or 'https://':"
                    + " browsers send it lower-case, and CloudFront compares the signed resource byte for byte.");
        } else {
            throw new SigningException(Reason.INVALID_URL, "The URL to sign must be absolute and start with https:// or"
                    + " http://.", Remedy.SIGN_OBJECT_KEY);
        }
        checkCharacters(url);
        int authorityStart = scheme.length();
        int pathStart = authorityStart;
        boolean upper = false;
        boolean userInfo = false;
        while (pathStart < url.length() && url.charAt(pathStart) != '/' && url.charAt(pathStart) != '?') {
            char c = url.charAt(pathStart);
            upper |= c >= 'A' && c <= 'Z';
            userInfo |= c == '@';
            pathStart++;
        }
        if (pathStart == authorityStart || url.charAt(authorityStart) == ':') {
            throw new SigningException(Reason.INVALID_URL, "The URL has no host name.");
        }
        if (userInfo) {
            throw new SigningException(Reason.INVALID_URL, "The URL contains user information ('user@host'): browsers do"
                    + " not send it, so CloudFront would rebuild a different resource. Remove it.");
        }
        if (upper) {
            throw new SigningException(Reason.INVALID_URL, "The URL's host has upper-case letters: browsers send host"
                    + " names lower-case, and CloudFront compares the signed resource byte for byte. Use lower case.");
        }
        checkPort(url, scheme, authorityStart, pathStart);
        int queryStart = url.indexOf('?', pathStart);
        int pathEnd = queryStart < 0 ? url.length() : queryStart;
        checkDotSegments(url, pathStart, pathEnd);
        if (queryStart >= 0) {
            checkQuery(url, queryStart + 1);
        }
        boolean hasQuery = queryStart >= 0 && queryStart + 1 < url.length();
        boolean emptyPath = pathStart == pathEnd;
        if (!emptyPath && (queryStart < 0 || hasQuery)) {
            return new Target(url, hasQuery); // the common case: signed exactly as given, no copy
        }
        String base = url.substring(0, pathStart) + (emptyPath ? "/" : url.substring(pathStart, pathEnd));
        return new Target(hasQuery ? base + url.substring(queryStart) : base, hasQuery);
    }

    /**
     * Refuses a port a browser would rewrite before sending: empty ({@code host:}), not a number, with leading zeros,
     * out of range, or the scheme's default ({@code :443} for https, {@code :80} for http), which browsers drop.
     */
    private static void checkPort(String url, String scheme, int from, int to) {
        String authority = url.substring(from, to);
        if (authority.indexOf('[') >= 0 || authority.indexOf(']') >= 0) {
            int close = authority.indexOf(']');
            boolean literal = authority.charAt(0) == '[' && authority.lastIndexOf('[') == 0 && close > 0
                    && authority.lastIndexOf(']') == close && (close == authority.length() - 1 || authority.charAt(close + 1) == ':');
            if (!literal) {
                throw new SigningException(Reason.INVALID_URL, "The URL's host has '[' or ']' outside an IPv6 literal"
                        + " such as [2001:db8::1]: browsers refuse such a host, so fix the host name.");
            }
        }
        int colon = url.lastIndexOf(':', to - 1);
        if (colon < from || url.lastIndexOf(']', to - 1) > colon) {
            return;
        }
        String port = url.substring(colon + 1, to);
        boolean digits = !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || port.charAt(0) == '0' || Integer.parseInt(port) > 65535) {
            throw new SigningException(Reason.INVALID_URL, "The URL's port must be a number from 1 to 65535 without"
                    + " leading zeros; browsers rewrite or refuse anything else (an empty port after ':' is dropped),"
                    + " so the request would not match the signature. Remove the ':' or give the port.");
        }
        if (port.equals(scheme.equals("https://") ? "443" : "80")) {
            throw new SigningException(Reason.INVALID_URL, "The URL names the default port :" + port + " of its"
                    + " scheme: browsers drop it before sending, so the request would not match the signature."
                    + " Remove :" + port + ".");
        }
    }

    /** Refuses dot segments ({@link PathSegments}): browsers resolve them before sending. */
    private static void checkDotSegments(String url, int from, int to) {
        if (PathSegments.hasDotSegment(url, from, to)) {
            throw new SigningException(Reason.INVALID_URL, "The URL's path has a '.' or '..' segment: browsers"
                    + " remove them before sending, so the request would not match the signature. Sign the"
                    + " resolved path.");
        }
    }

    private static void checkQuery(String url, int from) {
        QueryString.forEach(url.substring(from), (q, start, nameEnd, end) -> {
            SigningParameter p = SigningParameter.fromQueryName(q, start, nameEnd);
            if (p != null) {
                throw new SigningException(Reason.ALREADY_SIGNED, "The URL already has the query parameter '"
                        + p.queryName() + "', which CloudFront reserves for signatures: sign the URL without Expires,"
                        + " Policy, Signature, Key-Pair-Id and Hash-Algorithm (is it signed already?), or rename your"
                        + " own parameter.");
            }
        });
    }

    /** Every character must reach CloudFront as written: see {@link BrowserCharacters}. */
    private static void checkCharacters(String url) {
        boolean query = false;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '#') {
                throw new SigningException(Reason.INVALID_URL, "The URL has a fragment ('#' at position " + i + "): browsers"
                        + " never send fragments, so remove it (or percent-encode a literal '#' as %23).");
            }
            if (c == '%') {
                if (i + 2 >= url.length() || !PercentEncoding.isHex(url.charAt(i + 1))
                        || !PercentEncoding.isHex(url.charAt(i + 2))) {
                    throw new SigningException(Reason.INVALID_URL, "The URL has a '%' at position " + i + " that is not"
                            + " followed by two hex digits: encode a literal '%' as %25.");
                }
                continue;
            }
            if (c == '?' && !query) {
                query = true;
                continue;
            }
            String why = query ? BrowserCharacters.inQuery(c) : BrowserCharacters.inPath(c);
            if (why != null) {
                throw new SigningException(Reason.INVALID_URL, "The URL has " + Checks.describe(c) + " at position " + i
                        + " in its " + (query ? "query" : "path") + ", " + why + ". Percent-encode it ("
                        + (c > 0x20 && c < 0x7f ? "'" + c + "' is %" + String.format("%02X", (int) c)
                                : "space → %20, non-ASCII as UTF-8 bytes, e.g. é → %C3%A9")
                        + ") and sign the encoded URL.", Remedy.ENCODE_OBJECT_KEY);
            }
        }
    }
}
