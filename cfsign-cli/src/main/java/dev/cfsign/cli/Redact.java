package dev.cfsign.cli;

import java.util.regex.Pattern;

/**
 * Last line of defence for text written to stderr: folds it onto one line and replaces every long base64-like run
 * (a PEM body, a signature, an encoded policy) with {@code <redacted>}. Messages are written to be safe in the first
 * place; this catches what a cause's message might still carry.
 */
final class Redact {
    /** 24+ characters of the standard, URL-safe or CloudFront base64 alphabets. */
    private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9+/=_~-]{24,}");
    private static final Pattern SIGNED_QUERY = Pattern.compile("(?i)(Signature|Policy)=[^&\\s;]*");

    private Redact() {}

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replaceAll("\\s*\\R\\s*", " ").strip();
        t = SIGNED_QUERY.matcher(t).replaceAll("$1=<redacted>");
        return LONG_TOKEN.matcher(t).replaceAll(m -> looksLikeWords(m.group()) ? m.group() : "<redacted>");
    }

    /** As {@link #oneLine} for each line of {@code text}, keeping its line breaks and each line's indentation. */
    static String lines(String text) {
        if (text == null) {
            return "";
        }
        return String.join("\n", text.strip().lines()
                .map(l -> l.substring(0, l.length() - l.stripLeading().length()) + oneLine(l)).toList());
    }

    /**
     * Keeps identifiers (AWS_CLOUDFRONT_CUSTOM_DOMAIN, EXPIRATION_NOT_IN_FUTURE, junit1234 directories: they lack one
     * of upper case, lower case or digits, which random base64 of this length practically always has) and file paths
     * made of short segments.
     */
    private static boolean looksLikeWords(String s) {
        boolean upper = s.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
        boolean lower = s.chars().anyMatch(c -> c >= 'a' && c <= 'z');
        boolean digit = s.chars().anyMatch(c -> c >= '0' && c <= '9');
        if (!(upper && lower && digit)) {
            return true;
        }
        if (s.startsWith("/") || s.startsWith("~/")) {
            for (String segment : s.split("/")) {
                if (segment.length() >= 24) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
