package dev.cfsign.internal;

import dev.cfsign.SigningException;
import dev.cfsign.SigningException.Reason;
import java.util.Locale;

/**
 * Checks a URL before it is signed, so that what the browser sends is byte for byte what was signed.
 * The URL is never echoed in messages: it may already be a signed URL, which is a bearer credential.
 */
public final class UrlChecks {
    private UrlChecks() {}

    /** CloudFront's signing parameters; a URL to be signed must not carry them already. */
    public static final String[] SIGNING_PARAMETERS = {"Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm"};

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
                    + " http://. To sign an S3 object key, use ObjectUrl.of(baseUrl, key) or CloudFrontSigner.signObject(key, ...).");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '#') {
                throw new SigningException(Reason.INVALID_URL, "The URL has a fragment ('#' at position " + i + "): browsers"
                        + " never send fragments, so remove it (or percent-encode a literal '#' as %23).");
            }
            if (c == '%') {
                if (i + 2 >= url.length() || !isHex(url.charAt(i + 1)) || !isHex(url.charAt(i + 2))) {
                    throw new SigningException(Reason.INVALID_URL, "The URL has a '%' at position " + i + " that is not"
                            + " followed by two hex digits: encode a literal '%' as %25.");
                }
            } else if (!isUrlChar(c)) {
                throw new SigningException(Reason.INVALID_URL, "The URL has " + Checks.describe(c) + " at position " + i
                        + ", which a client must percent-encode before sending: percent-encode it (space → %20,"
                        + " non-ASCII as UTF-8 bytes, e.g. é → %C3%A9) and sign the encoded URL. ObjectUrl does this for S3 keys.");
            }
        }
        int authorityStart = scheme.length();
        int pathStart = authorityStart;
        while (pathStart < url.length() && url.charAt(pathStart) != '/' && url.charAt(pathStart) != '?') {
            pathStart++;
        }
        String authority = url.substring(authorityStart, pathStart);
        if (authority.isEmpty() || authority.startsWith(":")) {
            throw new SigningException(Reason.INVALID_URL, "The URL has no host name.");
        }
        if (authority.indexOf('@') >= 0) {
            throw new SigningException(Reason.INVALID_URL, "The URL contains user information ('user@host'): browsers do"
                    + " not send it, so CloudFront would rebuild a different resource. Remove it.");
        }
        if (!authority.equals(authority.toLowerCase(Locale.ROOT))) {
            throw new SigningException(Reason.INVALID_URL, "The URL's host has upper-case letters: browsers send host"
                    + " names lower-case, and CloudFront compares the signed resource byte for byte. Use lower case.");
        }
        int queryStart = url.indexOf('?', pathStart);
        String path = queryStart < 0 ? url.substring(pathStart) : url.substring(pathStart, queryStart);
        String query = queryStart < 0 ? null : url.substring(queryStart + 1);
        checkDotSegments(path);
        if (path.isEmpty()) {
            path = "/";
        }
        if (query != null) {
            checkQuery(query);
        }
        String base = url.substring(0, pathStart) + path;
        boolean hasQuery = query != null && !query.isEmpty();
        return new Target(hasQuery ? base + "?" + query : base, hasQuery);
    }

    private static void checkDotSegments(String path) {
        for (String segment : path.split("/", -1)) {
            String s = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (s.equals(".") || s.equals("..")) {
                throw new SigningException(Reason.INVALID_URL, "The URL's path has a '.' or '..' segment: browsers remove"
                        + " them before sending, so the request would not match the signature. Sign the resolved path.");
            }
        }
    }

    private static void checkQuery(String query) {
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            int eq = query.indexOf('=', start);
            String name = query.substring(start, eq >= 0 && eq < end ? eq : end);
            for (String p : SIGNING_PARAMETERS) {
                if (p.equals(name)) {
                    throw new SigningException(Reason.ALREADY_SIGNED, "The URL already has the query parameter '" + p
                            + "', which CloudFront reserves for signatures: sign the URL without Expires, Policy, Signature,"
                            + " Key-Pair-Id and Hash-Algorithm (is it signed already?), or rename your own parameter.");
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** RFC 3986 unreserved and reserved characters (without '%', handled apart). */
    static boolean isUrlChar(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return "-._~:/?[]@!$&'()*+,;=".indexOf(c) >= 0;
    }
}
