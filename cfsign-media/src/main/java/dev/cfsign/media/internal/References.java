package dev.cfsign.media.internal;

import dev.cfsign.SignedRequestParts;
import java.net.URI;
import java.net.URISyntaxException;

/** How a URI reference inside a manifest is resolved and given a signing query, shared by both rewriters. */
public final class References {
    private References() {}

    /**
     * The absolute http(s) URL a player requests for {@code reference} in a manifest at {@code base} (RFC 3986
     * resolution), or null when it cannot be known: not parseable, another scheme ({@code skd:}, {@code data:}), or
     * a path that climbs above the root.
     */
    public static String resolve(String base, String reference) {
        if (base == null) {
            return null;
        }
        try {
            URI resolved = new URI(base).resolve(new URI(reference));
            String scheme = resolved.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || resolved.getRawAuthority() == null) {
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
     * The query to add for {@code reference}, or null: unresolvable, not granted, or already carrying CloudFront
     * credentials (a pre-signed URI keeps its own).
     */
    public static String queryFor(String base, String effectiveReference, QuerySource source) {
        String url = resolve(base, effectiveReference);
        if (url == null || SignedRequestParts.parseUnverified(url).hasCredentials()) {
            return null;
        }
        return source.queryFor(url);
    }

    /**
     * {@code text} (the reference as written) with {@code query} added before any fragment, after {@code ?} or
     * {@code &} as the effective reference (variables substituted) needs. {@code amp} is how {@code &} is written.
     */
    public static String append(String text, String effectiveReference, String query, String amp) {
        int hash = text.indexOf('#');
        int end = hash < 0 ? text.length() : hash;
        int effHash = effectiveReference.indexOf('#');
        String eff = effHash < 0 ? effectiveReference : effectiveReference.substring(0, effHash);
        int q = eff.indexOf('?');
        String sep;
        if (q < 0) {
            sep = "?";
        } else if (q == eff.length() - 1 || eff.endsWith("&")) {
            sep = "";
        } else {
            sep = amp;
        }
        return text.substring(0, end) + sep + query.replace("&", amp) + text.substring(end);
    }
}
