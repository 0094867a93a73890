package dev.cfsign.media.internal;

import dev.cfsign.SignedRequestParts;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * How URI references inside a manifest are resolved against one base URL and given a signing query, shared by both
 * rewriters. The base is parsed once; a plain relative reference ({@code seg-1.ts}, {@code low/index.m3u8}), the bulk
 * of any playlist, resolves by appending it to the base's folder, which is what RFC 3986 resolution gives for it.
 */
public final class References {
    private final URI base;
    private final String folder;

    /** @param base the absolute URL references resolve against; null or unusable: nothing resolves */
    public References(String base) {
        URI b = null;
        String f = null;
        if (base != null) {
            try {
                b = new URI(base);
                String path = b.getRawPath();
                if (isHttp(b.getScheme()) && b.getRawAuthority() != null && path != null && path.startsWith("/")) {
                    f = b.getScheme() + "://" + b.getRawAuthority() + path.substring(0, path.lastIndexOf('/') + 1);
                }
            } catch (URISyntaxException e) {
                b = null;
            }
        }
        this.base = b;
        this.folder = f;
    }

    /**
     * The absolute http(s) URL a player requests for {@code reference} (RFC 3986 resolution, fragment dropped), or
     * null when it cannot be known: not parseable, another scheme ({@code skd:}, {@code data:}), or a path that
     * climbs above the root.
     */
    public String resolve(String reference) {
        if (base == null) {
            return null;
        }
        if (folder != null && isPlainRelative(reference)) {
            return folder + reference;
        }
        try {
            URI resolved = base.resolve(new URI(reference));
            if (!isHttp(resolved.getScheme()) || resolved.getRawAuthority() == null) {
                return null;
            }
            String path = resolved.getRawPath();
            if (path == null || path.isEmpty() || path.startsWith("/..") || path.contains("/../")) {
                return null;
            }
            String s = resolved.toString();
            int hash = s.indexOf('#');
            return hash < 0 ? s : s.substring(0, hash);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The query to add for a reference (variables substituted), or null: unresolvable, not granted, or already
     * carrying CloudFront credentials (a pre-signed URI keeps its own).
     */
    public String queryFor(String effectiveReference, QuerySource source) {
        String url = resolve(effectiveReference);
        if (url == null || (url.indexOf('?') >= 0 && SignedRequestParts.parseUnverified(url).hasCredentials())) {
            return null;
        }
        return source.queryFor(url);
    }

    /**
     * Appends {@code text} (the reference as written) to {@code out} with {@code query} added before any fragment,
     * after {@code ?} or {@code &} as the effective reference needs; {@code amp} is how {@code &} is written.
     */
    public static void append(StringBuilder out, String text, String effectiveReference, String query, String amp) {
        int hash = text.indexOf('#');
        int end = hash < 0 ? text.length() : hash;
        int effHash = effectiveReference.indexOf('#');
        int effEnd = effHash < 0 ? effectiveReference.length() : effHash;
        int q = effectiveReference.indexOf('?');
        out.append(text, 0, end);
        if (q < 0 || q >= effEnd) {
            out.append('?');
        } else if (q != effEnd - 1 && effectiveReference.charAt(effEnd - 1) != '&') {
            out.append(amp);
        }
        if (amp.equals("&")) {
            out.append(query);
        } else {
            out.append(query.replace("&", amp));
        }
        out.append(text, end, text.length());
    }

    /** No scheme, no authority, no absolute path, no dot segment, no query or fragment, only path characters. */
    private static boolean isPlainRelative(String ref) {
        int n = ref.length();
        if (n == 0 || ref.charAt(0) == '/' || ref.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = ref.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '~' || c == '%' || c == '+' || c == '=' || c == ',' || c == '@'
                    || (c == '.' && ref.charAt(i - 1) != '/') || (c == '/' && i + 1 < n && ref.charAt(i + 1) != '/'
                            && ref.charAt(i + 1) != '.');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHttp(String scheme) {
        return "http".equals(scheme) || "https".equals(scheme);
    }
}
