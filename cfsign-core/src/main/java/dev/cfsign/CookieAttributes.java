package dev.cfsign;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The attributes written with each {@code Set-Cookie} header. Defaults follow CloudFront's advice: {@code Secure},
 * {@code HttpOnly}, {@code Path=/}, no {@code Domain} (the cookie goes back only to the host that set it), no
 * {@code SameSite} (the browser's default, {@code Lax}) and no {@code Max-Age} (a session cookie; the policy's
 * expiry still applies).
 *
 * <p>To send cookies from {@code app.example.com} to a CloudFront alternate domain {@code cdn.example.com}, set
 * {@code domain("example.com")}. A cookie for {@code *.cloudfront.net} cannot be set.
 *
 * @since 0.1
 */
public final class CookieAttributes {
    /** The {@code SameSite} attribute. */
    public enum SameSite { STRICT, LAX, NONE;
        String attribute() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }
    }

    private static final CookieAttributes DEFAULTS = builder().build();

    private final String domain;
    private final String path;
    private final boolean secure;
    private final boolean httpOnly;
    private final SameSite sameSite;
    private final Duration maxAge;

    private CookieAttributes(Builder b) {
        this.domain = b.domain;
        this.path = b.path;
        this.secure = b.secure;
        this.httpOnly = b.httpOnly;
        this.sameSite = b.sameSite;
        this.maxAge = b.maxAge;
    }

    /** {@code Path=/; Secure; HttpOnly}, session cookie. */
    public static CookieAttributes defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    public String path() {
        return path;
    }

    public boolean secure() {
        return secure;
    }

    public boolean httpOnly() {
        return httpOnly;
    }

    public Optional<SameSite> sameSite() {
        return Optional.ofNullable(sameSite);
    }

    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    /** The attribute part of a {@code Set-Cookie} value, starting with {@code "; "}. */
    String render() {
        StringBuilder sb = new StringBuilder();
        if (domain != null) {
            sb.append("; Domain=").append(domain);
        }
        sb.append("; Path=").append(path);
        if (maxAge != null) {
            sb.append("; Max-Age=").append(maxAge.getSeconds());
        }
        if (secure) {
            sb.append("; Secure");
        }
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        if (sameSite != null) {
            sb.append("; SameSite=").append(sameSite.attribute());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "CookieAttributes[" + render().substring(2) + "]";
    }

    /** Builds {@link CookieAttributes}. Not thread-safe. */
    public static final class Builder {
        private String domain;
        private String path = "/";
        private boolean secure = true;
        private boolean httpOnly = true;
        private SameSite sameSite;
        private Duration maxAge;

        private Builder() {}

        /** The cookie domain, e.g. {@code example.com} to cover {@code cdn.example.com}. */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /** Default true. Signed cookies sent over plain HTTP can be stolen; turn off only for local tests. */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        public Builder httpOnly(boolean httpOnly) {
            this.httpOnly = httpOnly;
            return this;
        }

        public Builder sameSite(SameSite sameSite) {
            this.sameSite = sameSite;
            return this;
        }

        /** Makes the cookies persistent for this long (default: session cookies). */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        public CookieAttributes build() {
            if (domain != null) {
                String d = domain.startsWith(".") ? domain.substring(1) : domain;
                if (d.isEmpty() || !d.matches("[a-z0-9.-]+") || d.startsWith("-") || d.contains("..")) {
                    throw new IllegalArgumentException("Cookie domain must be a lower-case host name such as"
                            + " example.com or d111111abcdef8.cloudfront.net");
                }
                if (d.equals("cloudfront.net")) {
                    throw new IllegalArgumentException("A cookie cannot be set for all of cloudfront.net: use your"
                            + " distribution's own host (d111111abcdef8.cloudfront.net) or your alternate domain.");
                }
                domain = d;
            }
            if (!path.startsWith("/") || path.indexOf(';') >= 0 || path.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
                throw new IllegalArgumentException("Cookie path must start with '/' and contain no ';', spaces or"
                        + " control characters");
            }
            if (sameSite == SameSite.NONE && !secure) {
                throw new IllegalArgumentException("SameSite=None requires Secure: browsers drop such cookies otherwise");
            }
            if (maxAge != null && maxAge.isNegative()) {
                throw new IllegalArgumentException("maxAge must not be negative");
            }
            return new CookieAttributes(this);
        }
    }
}
