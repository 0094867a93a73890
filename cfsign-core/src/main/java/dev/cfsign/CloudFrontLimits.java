package dev.cfsign;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * CloudFront's request limits and the statuses it answers when they are exceeded, defined once for the signer (which
 * refuses to make a URL CloudFront would refuse) and the local edge (which refuses requests CloudFront would).
 * Source: the CloudFront quotas page (SPEC §1.9).
 *
 * <p><b>What the URL limit counts:</b> the request target as it travels on the HTTP request line — the path, plus
 * {@code ?} and the query when there is one — in bytes, as sent (percent-encoded, UTF-8). The scheme and host are
 * not counted: they are not part of the request line, and the edge never sees the host the viewer typed. The signer
 * counts its signed URL the same way, so a URL it makes is never one the edge refuses for length.
 *
 * @since 0.1
 */
public final class CloudFrontLimits {
    /** At most this many bytes of path and query ({@link #requestTargetBytes}). */
    public static final int MAX_URL_BYTES = 8192;
    /** At most this many bytes of request line plus headers. */
    public static final int MAX_REQUEST_HEADER_BYTES = 20480;
    /** CloudFront's status for a URL over {@link #MAX_URL_BYTES}. */
    public static final int URL_TOO_LONG_STATUS = 414;
    /** CloudFront's status for a request line and headers over {@link #MAX_REQUEST_HEADER_BYTES}. */
    public static final int REQUEST_HEADER_TOO_LARGE_STATUS = 494;

    private CloudFrontLimits() {}

    /** The bytes the URL limit counts for a request with this raw path and raw query ({@code null}: none). */
    public static long requestTargetBytes(String rawPath, String rawQuery) {
        Objects.requireNonNull(rawPath, "rawPath");
        long n = rawPath.getBytes(StandardCharsets.UTF_8).length;
        if (rawQuery != null) {
            n += 1 + rawQuery.getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }

    /**
     * The bytes the URL limit counts for an absolute URL ({@code https://host/path?query}): everything from the
     * path on; the fragment, never sent, is not counted.
     */
    public static long requestTargetBytes(String absoluteUrl) {
        Objects.requireNonNull(absoluteUrl, "absoluteUrl");
        int scheme = absoluteUrl.indexOf("://");
        int start = scheme < 0 ? 0 : absoluteUrl.indexOf('/', scheme + 3);
        if (start < 0) {
            return 1; // "https://host" is requested as "/"
        }
        int hash = absoluteUrl.indexOf('#', start);
        String target = hash < 0 ? absoluteUrl.substring(start) : absoluteUrl.substring(start, hash);
        return target.getBytes(StandardCharsets.UTF_8).length;
    }
}
