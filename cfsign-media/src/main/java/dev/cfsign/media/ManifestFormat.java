package dev.cfsign.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The manifest formats cfsign rewrites: HLS playlists and DASH MPDs.
 *
 * @since 0.2
 */
public enum ManifestFormat {
    /** An HLS playlist (RFC 8216bis), master or media, {@code .m3u8}. */
    HLS("application/vnd.apple.mpegurl", ".m3u8"),
    /** A DASH media presentation description, {@code .mpd}. */
    DASH("application/dash+xml", ".mpd");

    /** How many leading bytes {@link #detect} looks at. */
    public static final int DETECT_BYTES = 1024;

    private final String contentType;
    private final String extension;

    ManifestFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The registered media type. */
    public String contentType() {
        return contentType;
    }

    /** The file extension, with its dot. */
    public String extension() {
        return extension;
    }

    /** The format named by a path's extension ({@code .m3u8}, {@code .mpd}, any case), if any. */
    public static Optional<ManifestFormat> forPath(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        for (ManifestFormat f : values()) {
            if (p.endsWith(f.extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The format of a manifest from its first bytes (up to {@link #DETECT_BYTES}): {@code #EXTM3U} starts a playlist,
     * an XML document whose first element is {@code MPD} is an MPD. A byte-order mark and leading white space are
     * skipped.
     *
     * @throws ManifestException when it is neither
     */
    public static ManifestFormat detect(byte[] head, int length) {
        String s = new String(head, 0, Math.min(length, DETECT_BYTES), StandardCharsets.ISO_8859_1);
        if (s.startsWith("\u00ef\u00bb\u00bf")) {
            s = s.substring(3);
        }
        s = s.stripLeading();
        if (s.startsWith("#EXTM3U")) {
            return HLS;
        }
        if (s.startsWith("<")) {
            int i = 0;
            while (i >= 0 && i < s.length()) {
                int lt = s.indexOf('<', i);
                if (lt < 0 || lt + 1 >= s.length()) {
                    break;
                }
                char c = s.charAt(lt + 1);
                if (c != '?' && c != '!') {
                    String name = s.substring(lt + 1).split("[\\s/>]", 2)[0];
                    if (name.equals("MPD") || name.endsWith(":MPD")) {
                        return DASH;
                    }
                    break;
                }
                i = s.indexOf('>', lt);
            }
        }
        throw new ManifestException(ManifestException.Reason.UNKNOWN_FORMAT, "The content is neither an HLS playlist"
                + " (its first line must be #EXTM3U) nor a DASH MPD (an XML document whose root element is MPD).");
    }
}
