package dev.cfsign;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as the CloudFront edge sees it: scheme, {@code Host} (with a port only for local use), the raw
 * percent-encoded path and query exactly as on the wire, the {@code Cookie} header values and the viewer's IP.
 * Nothing is decoded or normalised, because CloudFront compares these bytes with what was signed.
 *
 * <p>Immutable and thread-safe; the {@link Builder} is not thread-safe. {@link #toString()} shows no query string
 * and no cookie values, since both may carry credentials.
 *
 * @since 0.1
 */
public final class ViewerRequest {
    private final String scheme;
    private final String host;
    private final int port;
    private final String rawPath;
    private final String rawQuery;
    private final List<String> cookieHeaders;
    private final InetAddress viewerIp;

    private ViewerRequest(Builder b) {
        this.scheme = b.scheme;
        this.host = b.host;
        this.port = b.port;
        this.rawPath = b.rawPath;
        this.rawQuery = b.rawQuery;
        this.cookieHeaders = List.copyOf(b.cookieHeaders);
        this.viewerIp = b.viewerIp;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The request for a URL, with no cookies and no viewer IP. */
    public static ViewerRequest of(String url) {
        return builder().url(url).build();
    }

    /** The request for a URL from a viewer IP, with no cookies. */
    public static ViewerRequest fromUrl(String url, InetAddress viewerIp) {
        return builder().url(url).viewerIp(viewerIp).build();
    }

    /** {@code http} or {@code https}, lower case. */
    public String scheme() {
        return scheme;
    }

    public String host() {
        return host;
    }

    /** The explicit port, or -1 (CloudFront itself only serves 80 and 443, which never appear in signed URLs). */
    public int port() {
        return port;
    }

    /** {@code host} or {@code host:port}, as in the {@code Host} header. */
    public String authority() {
        return port < 0 ? host : host + ":" + port;
    }

    /** The percent-encoded path, starting with {@code /}. */
    public String rawPath() {
        return rawPath;
    }

    /** The raw query string without {@code ?}, or empty when the URL had none. */
    public Optional<String> rawQuery() {
        return Optional.ofNullable(rawQuery);
    }

    /** The raw query, or null. */
    String rawQueryOrNull() {
        return rawQuery;
    }

    /** The {@code Cookie} header values, in order. */
    public List<String> cookieHeaders() {
        return cookieHeaders;
    }

    public Optional<InetAddress> viewerIp() {
        return Optional.ofNullable(viewerIp);
    }

    InetAddress viewerIpOrNull() {
        return viewerIp;
    }

    /** {@code scheme://authority/path}, without query: safe to log. */
    public String urlWithoutQuery() {
        return scheme + "://" + authority() + rawPath;
    }

    /** The full URL, query included. It may carry a signature: do not log it. */
    public String url() {
        return urlWithoutQuery() + (rawQuery == null ? "" : "?" + rawQuery);
    }

    @Override
    public String toString() {
        return "ViewerRequest[" + urlWithoutQuery() + (rawQuery == null ? "" : "?…") + ", cookies="
                + cookieHeaders.size() + ", ip=" + (viewerIp == null ? "none" : viewerIp.getHostAddress()) + "]";
    }

    /** Builds a {@link ViewerRequest}. Not thread-safe. */
    public static final class Builder {
        private String scheme;
        private String host;
        private int port = -1;
        private String rawPath = "/";
        private String rawQuery;
        private final List<String> cookieHeaders = new ArrayList<>();
        private InetAddress viewerIp;

        private Builder() {}

        /**
         * Sets scheme, host, port, raw path and raw query from an absolute {@code http(s)} URL, exactly as written
         * (no decoding, no re-encoding). A fragment is dropped; the default port of the scheme is dropped.
         *
         * @throws IllegalArgumentException when the text is not an absolute http(s) URL
         */
        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            int sep = url.indexOf("://");
            if (sep <= 0) {
                throw new IllegalArgumentException("Not an absolute URL: it must start with http:// or https://");
            }
            scheme(url.substring(0, sep));
            String rest = url.substring(sep + 3);
            int hash = rest.indexOf('#');
            if (hash >= 0) {
                rest = rest.substring(0, hash);
            }
            int q = rest.indexOf('?');
            String query = null;
            if (q >= 0) {
                query = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "/" : rest.substring(slash);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                authority = authority.substring(at + 1);
            }
            int colon = authority.lastIndexOf(':');
            int p = -1;
            if (colon >= 0 && authority.indexOf(']') < colon) {
                String ps = authority.substring(colon + 1);
                authority = authority.substring(0, colon);
                if (!ps.isEmpty()) {
                    try {
                        p = Integer.parseInt(ps);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("The port in the URL is not a number");
                    }
                }
            }
            if (("https".equals(scheme) && p == 443) || ("http".equals(scheme) && p == 80)) {
                p = -1;
            }
            host(authority);
            port(p);
            rawPath(path);
            rawQuery(query);
            return this;
        }

        public Builder scheme(String scheme) {
            String s = Objects.requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
            if (!s.equals("http") && !s.equals("https")) {
                throw new IllegalArgumentException("The scheme must be http or https");
            }
            this.scheme = s;
            return this;
        }

        /** The {@code Host} CloudFront sees (the distribution domain or an alternate domain name). */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isEmpty()) {
                throw new IllegalArgumentException("The host is empty");
            }
            this.host = host;
            return this;
        }

        /** An explicit port for local use, or -1 for none. */
        public Builder port(int port) {
            if (port < -1 || port > 65535) {
                throw new IllegalArgumentException("The port must be -1 (none) or 0..65535");
            }
            this.port = port;
            return this;
        }

        /** The percent-encoded path as on the wire; empty means {@code /}. */
        public Builder rawPath(String rawPath) {
            Objects.requireNonNull(rawPath, "rawPath");
            this.rawPath = rawPath.isEmpty() ? "/" : rawPath;
            if (this.rawPath.charAt(0) != '/') {
                throw new IllegalArgumentException("The raw path must start with '/'");
            }
            return this;
        }

        /** The query string as on the wire, without {@code ?}; null for none. */
        public Builder rawQuery(String rawQuery) {
            this.rawQuery = rawQuery;
            return this;
        }

        /** Adds one {@code Cookie} header value ({@code a=1; b=2}). Repeatable. */
        public Builder cookieHeader(String value) {
            cookieHeaders.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder viewerIp(InetAddress viewerIp) {
            this.viewerIp = viewerIp;
            return this;
        }

        public ViewerRequest build() {
            if (scheme == null || host == null) {
                throw new IllegalStateException("A viewer request needs a scheme and a host (or url(...))");
            }
            return new ViewerRequest(this);
        }
    }
}
