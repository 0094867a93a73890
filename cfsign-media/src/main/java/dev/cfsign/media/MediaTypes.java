package dev.cfsign.media;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The media types of streaming files by extension, as S3 should store them ({@code Content-Type} metadata) and
 * players expect them: Safari's native HLS and MSE players look at the type of playlists and segments.
 *
 * @since 0.2
 */
public final class MediaTypes {
    private static final Map<String, String> BY_EXTENSION = Map.of(
            ManifestFormat.HLS.extension(), ManifestFormat.HLS.contentType(),
            ManifestFormat.DASH.extension(), ManifestFormat.DASH.contentType(),
            ".ts", "video/mp2t",
            ".m4s", "video/iso.segment",
            ".mp4", "video/mp4",
            ".m4a", "audio/mp4",
            ".aac", "audio/aac",
            ".vtt", "text/vtt",
            ".key", "application/octet-stream");

    private MediaTypes() {}

    /** The type for a path's streaming extension ({@code .m3u8}, {@code .ts}, … any case), if it has one. */
    public static Optional<String> forPath(String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(path.substring(dot).toLowerCase(Locale.ROOT)));
    }
}
