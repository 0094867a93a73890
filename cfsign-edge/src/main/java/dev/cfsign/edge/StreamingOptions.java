package dev.cfsign.edge;

import java.net.URI;
import java.util.Optional;

/**
 * The edge's streaming options (see the README's "Streaming video"): manifest signing, CORS for players on another
 * origin, and how a missing object answers. Immutable; start from {@link #DEFAULTS}.
 *
 * @param signManifests      rewrite HLS playlists and DASH MPDs fetched with URL credentials so every covered URI
 *                           carries them ({@code --sign-manifests})
 * @param corsOrigin         the origin allowed to read responses ({@code --cors ORIGIN}, {@code *} for any), if any
 * @param hideMissingObjects answer a missing object {@code 403 AccessDenied} instead of {@code 404 NoSuchKey}, as an
 *                           S3 bucket behind origin access control without {@code s3:ListBucket} does
 * @since 0.2
 */
public record StreamingOptions(boolean signManifests, Optional<String> corsOrigin, boolean hideMissingObjects) {
    /** No manifest signing, no CORS, {@code 404 NoSuchKey} for missing objects. */
    public static final StreamingOptions DEFAULTS = new StreamingOptions(false, Optional.empty(), false);

    public StreamingOptions {
        corsOrigin.ifPresent(StreamingOptions::requireOrigin);
    }

    public StreamingOptions withSignManifests(boolean on) {
        return new StreamingOptions(on, corsOrigin, hideMissingObjects);
    }

    /** @throws IllegalArgumentException unless {@code origin} is {@code *} or {@code scheme://host[:port]} */
    public StreamingOptions withCorsOrigin(String origin) {
        return new StreamingOptions(signManifests, Optional.ofNullable(origin), hideMissingObjects);
    }

    public StreamingOptions withHideMissingObjects(boolean on) {
        return new StreamingOptions(signManifests, corsOrigin, on);
    }

    private static void requireOrigin(String origin) {
        if (origin.equals("*")) {
            return;
        }
        URI u;
        try {
            u = URI.create(origin);
        } catch (IllegalArgumentException e) {
            u = null;
        }
        if (u == null || u.getScheme() == null || u.getHost() == null || !(u.getRawPath() == null
                || u.getRawPath().isEmpty()) || u.getRawQuery() != null || u.getRawUserInfo() != null
                || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
            throw new IllegalArgumentException("The CORS origin must be * or scheme://host[:port] with nothing after"
                    + " it, as browsers send it in Origin (https://player.example.com).");
        }
    }
}
