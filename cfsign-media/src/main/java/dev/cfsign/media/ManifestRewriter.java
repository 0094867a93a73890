package dev.cfsign.media;

import dev.cfsign.CustomPolicy;
import dev.cfsign.SignedRequestParts;
import dev.cfsign.SigningParameter;
import dev.cfsign.media.internal.HlsRewriter;
import dev.cfsign.media.internal.MpdRewriter;
import dev.cfsign.media.internal.QuerySource;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Copies an HLS playlist or DASH MPD so that every URI it refers to that the grant covers carries a signing query.
 * Streaming, in bounded memory; bytes are copied one for one (the text is read as ISO-8859-1, so any encoding and
 * even malformed UTF-8 pass through unchanged), only queries are added.
 *
 * <p>A URI is covered when it resolves (against the manifest URL, and in an MPD its {@code BaseURL}s) to an http(s)
 * URL that the policy resource matches, by core's own matcher ({@link CustomPolicy#resourceCovers}). URIs on other
 * hosts or outside the folder, {@code skd://} and {@code data:} URIs, and URIs that already carry CloudFront
 * parameters are left exactly as they are. Immutable and thread-safe.
 *
 * @see ManifestSigner the front door that signs and rewrites
 * @since 0.2
 */
public final class ManifestRewriter {
    /** The longest HLS line, or MPD tag or text run, accepted: far above any real manifest's, a bound on memory. */
    public static final int MAX_TOKEN_CHARS = 1 << 20;

    private final QuerySource source;

    ManifestRewriter(QuerySource source) {
        this.source = source;
    }

    /**
     * Appends the same signing query to every URI that {@code resource} covers: what an edge does with the
     * parameters of the request that fetched the manifest.
     *
     * @param resource     a policy resource, such as {@code https://cdn.example.com/videos/*}
     * @param signingQuery CloudFront's parameters without a leading {@code ?}, such as
     *                     {@code Policy=…&Signature=…&Key-Pair-Id=…}
     * @throws ManifestException when the query holds anything but CloudFront's parameters in URL-safe characters
     */
    public static ManifestRewriter appending(String resource, String signingQuery) {
        Objects.requireNonNull(resource, "resource");
        requireSigningQuery(signingQuery);
        return new ManifestRewriter(url -> CustomPolicy.resourceCovers(resource, url) ? signingQuery : null);
    }

    /**
     * Appends the CloudFront parameters of the request that fetched the manifest ({@code Policy}/{@code Expires},
     * {@code Signature}, {@code Key-Pair-Id}, {@code Hash-Algorithm}, in their order and encoding as received) to
     * every URI that {@code resource} covers; the request's other parameters are not carried.
     *
     * @param rawRequestQuery the request's raw query string, without {@code ?}
     * @throws ManifestException when the query has no CloudFront parameters
     */
    public static ManifestRewriter carryingSigningParameters(String resource, String rawRequestQuery) {
        StringBuilder q = new StringBuilder(rawRequestQuery == null ? 0 : rawRequestQuery.length());
        if (rawRequestQuery != null) {
            for (String pair : rawRequestQuery.split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (SigningParameter.isQueryName(name)) {
                    q.append(q.length() == 0 ? "" : "&").append(pair);
                }
            }
        }
        return appending(resource, q.toString());
    }

    private static void requireSigningQuery(String q) {
        Objects.requireNonNull(q, "signingQuery");
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '~' || c == '.' || c == '=' || c == '&' || c == '%';
            if (!ok) {
                throw new ManifestException(ManifestException.Reason.INVALID_QUERY, "The signing query may hold only"
                        + " letters, digits and - _ ~ . = & %, as CloudFront's parameters do (character " + i + ").");
            }
        }
        SignedRequestParts parts = SignedRequestParts.parseUnverified("http://h/?" + q);
        if (q.isEmpty() || !parts.hasCredentials()) {
            throw new ManifestException(ManifestException.Reason.INVALID_QUERY, "The signing query has no CloudFront"
                    + " parameters: give Policy (or Expires), Signature and Key-Pair-Id, without a leading '?'.");
        }
    }

    /**
     * Rewrites a manifest, detecting its format from its first bytes; {@code out} is flushed, neither stream closed.
     *
     * @param manifestUrl the URL the player fetches the manifest from: relative URIs resolve against it
     * @throws ManifestException for content that is neither format or a line beyond {@link #MAX_TOKEN_CHARS}
     */
    public ManifestFormat rewrite(String manifestUrl, InputStream in, OutputStream out) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 8192);
        buffered.mark(ManifestFormat.DETECT_BYTES);
        byte[] head = buffered.readNBytes(ManifestFormat.DETECT_BYTES);
        buffered.reset();
        ManifestFormat format = ManifestFormat.detect(head, head.length);
        rewrite(manifestUrl, format, buffered, out);
        return format;
    }

    /** Rewrites a manifest of a known format; {@code out} is flushed, neither stream closed. */
    public void rewrite(String manifestUrl, ManifestFormat format, InputStream in, OutputStream out)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.ISO_8859_1), 8192);
        rewrite(manifestUrl, format, new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 8192),
                writer);
        writer.flush();
    }

    /**
     * Rewrites a manifest given as characters, detecting its format from its first characters; {@code out} is
     * flushed, neither closed.
     */
    public ManifestFormat rewrite(String manifestUrl, Reader in, Writer out) throws IOException {
        BufferedReader buffered = new BufferedReader(in, 8192);
        buffered.mark(ManifestFormat.DETECT_BYTES);
        char[] head = new char[ManifestFormat.DETECT_BYTES];
        int n = buffered.read(head, 0, head.length);
        while (n >= 0 && n < head.length) {
            int more = buffered.read(head, n, head.length - n);
            if (more < 0) {
                break;
            }
            n += more;
        }
        buffered.reset();
        // Detection looks at ASCII markers only, so the characters' low bytes are enough.
        byte[] bytes = new byte[Math.max(n, 0)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (head[i] == '\ufeff' ? ' ' : head[i]);
        }
        ManifestFormat format = ManifestFormat.detect(bytes, bytes.length);
        rewrite(manifestUrl, format, buffered, out);
        out.flush();
        return format;
    }

    private void rewrite(String manifestUrl, ManifestFormat format, Reader reader, Writer writer) throws IOException {
        Objects.requireNonNull(manifestUrl, "manifestUrl");
        Objects.requireNonNull(format, "format");
        try {
            if (format == ManifestFormat.HLS) {
                HlsRewriter.rewrite(manifestUrl, source, reader, writer, MAX_TOKEN_CHARS);
            } else {
                MpdRewriter.rewrite(manifestUrl, source, reader, writer, MAX_TOKEN_CHARS);
            }
        } catch (dev.cfsign.media.internal.TooLong e) {
            throw new ManifestException(ManifestException.Reason.TOO_LONG, (format == ManifestFormat.HLS
                    ? "A playlist line" : "An MPD tag or text run") + " is longer than " + MAX_TOKEN_CHARS
                    + " characters, which no real manifest needs: check that the input is a manifest.");
        }
    }

    /** Rewrites a whole manifest held in memory, detecting its format. */
    public byte[] rewrite(String manifestUrl, byte[] manifest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(manifest.length + manifest.length / 2 + 1024);
        try {
            rewrite(manifestUrl, new ByteArrayInputStream(manifest), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "ManifestRewriter[signing query redacted]";
    }
}
