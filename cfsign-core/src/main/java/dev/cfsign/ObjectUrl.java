package dev.cfsign;

import dev.cfsign.internal.UrlChecks;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds the URL of an S3 object key behind CloudFront, percent-encoding each path segment (spaces, {@code +},
 * {@code %}, {@code #}, {@code ?}, unicode...) so that the URL a browser sends is exactly the one that is signed.
 *
 * <p>Only the unreserved characters {@code A-Z a-z 0-9 - . _ ~} stay as they are; {@code /} separates segments.
 * Example: {@code ObjectUrl.of("cdn.example.com", "videos/my file+1.mp4")} is
 * {@code https://cdn.example.com/videos/my%20file%2B1.mp4}.
 *
 * @since 0.1
 */
public final class ObjectUrl {
    private ObjectUrl() {}

    /**
     * @param baseUrl   a host ({@code cdn.example.com}), or a URL with scheme and optional path prefix
     *                  ({@code https://cdn.example.com/media/}); without a scheme, {@code https://} is used
     * @param objectKey the S3 object key; one leading {@code /} is dropped
     * @throws SigningException ({@link SigningException.Reason#INVALID_OBJECT_KEY}) for an empty key or a key with
     *     {@code .} or {@code ..} segments, which browsers would rewrite
     */
    public static String of(String baseUrl, String objectKey) {
        return normalizeBase(baseUrl) + "/" + encodeKey(objectKey);
    }

    /** The base URL with scheme and without trailing {@code /}: {@code cdn.example.com/} → {@code https://cdn.example.com}. */
    public static String normalizeBase(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String b = baseUrl.strip();
        if (!b.contains("://")) {
            b = "https://" + b;
        }
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        int sep = b.indexOf("://");
        if (sep <= 0) {
            throw new SigningException(SigningException.Reason.INVALID_URL, "The base URL must be a host name such as"
                    + " cdn.example.com, optionally with https:// or http:// in front.");
        }
        int hostStart = sep + 3;
        int hostEnd = b.indexOf('/', hostStart);
        String scheme = b.substring(0, hostStart).toLowerCase(Locale.ROOT);
        String host = (hostEnd < 0 ? b.substring(hostStart) : b.substring(hostStart, hostEnd)).toLowerCase(Locale.ROOT);
        String prefix = hostEnd < 0 ? "" : b.substring(hostEnd);
        if (!scheme.equals("https://") && !scheme.equals("http://")) {
            throw new SigningException(SigningException.Reason.INVALID_URL, "The base URL must use https:// or http://.");
        }
        if (host.isEmpty() || !host.matches("[a-z0-9.-]+(:[0-9]{1,5})?") || prefix.contains("?") || prefix.contains("#")) {
            throw new SigningException(SigningException.Reason.INVALID_URL, "The base URL must be a host name such as"
                    + " cdn.example.com or d111111abcdef8.cloudfront.net, optionally with a scheme and a path prefix.");
        }
        String base = scheme + host + prefix;
        try {
            UrlChecks.forSigning(base + "/");
        } catch (SigningException e) {
            // Found by fuzzing: "a:0" or "a:443" passed the pattern above, but no URL on such a base can be signed.
            throw new SigningException(SigningException.Reason.INVALID_URL, "The base URL cannot carry signed URLs: "
                    + e.getMessage(), e);
        }
        return base;
    }

    /** Percent-encodes an S3 key segment by segment, keeping {@code /}. */
    public static String encodeKey(String objectKey) {
        Objects.requireNonNull(objectKey, "objectKey");
        String key = objectKey.startsWith("/") ? objectKey.substring(1) : objectKey;
        if (key.isEmpty()) {
            throw new SigningException(SigningException.Reason.INVALID_OBJECT_KEY, "The object key is empty.");
        }
        StringBuilder sb = new StringBuilder(key.length() + 16);
        boolean first = true;
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new SigningException(SigningException.Reason.INVALID_OBJECT_KEY, "The object key has a '.' or '..'"
                        + " segment: browsers resolve these before sending, so such an object cannot be served by a"
                        + " signed URL. Rename the object.");
            }
            if (!first) {
                sb.append('/');
            }
            first = false;
            encodeSegment(sb, segment);
        }
        return sb.toString();
    }

    private static void encodeSegment(StringBuilder sb, String segment) {
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
    }
}
