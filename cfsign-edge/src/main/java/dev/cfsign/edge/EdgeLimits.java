package dev.cfsign.edge;

import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.IncompleteSetupException;
import dev.cfsign.Remedy;
import dev.cfsign.TrustedKeys;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The limits and consistency rules of an {@link EdgeConfig}: what each {@link EdgeConfig.Builder} setter accepts and
 * what {@link EdgeConfig.Builder#build()} requires of the whole. The builder only records values; the config file and
 * the {@code cfsign serve} flags reach these rules through its setters, so there is one answer for each.
 */
final class EdgeLimits {
    static final int DEFAULT_VERIFICATION_CACHE_SIZE = 10_000;
    private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    private EdgeLimits() {}

    static int port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port must be 0 (any free port) or 1..65535");
        }
        return port;
    }

    static URI origin(URI origin) {
        Objects.requireNonNull(origin, "origin");
        String s = origin.getScheme();
        if (s == null || !(s.equals("http") || s.equals("https")) || origin.getHost() == null) {
            throw new IllegalArgumentException("The origin must be an absolute http:// or https:// URL");
        }
        if (origin.getRawQuery() != null || origin.getRawFragment() != null) {
            throw new IllegalArgumentException("The origin URL takes no query or fragment");
        }
        return origin;
    }

    /** A scheme and host only, with or without one trailing slash. */
    static URI publicUrl(String publicUrl) {
        Objects.requireNonNull(publicUrl, "publicUrl");
        String s = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        URI u;
        try {
            u = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The public URL is not a URL: use https://d111111abcdef8.cloudfront.net");
        }
        if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                || u.getHost() == null || !(u.getRawPath() == null || u.getRawPath().isEmpty())
                || u.getRawQuery() != null || u.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The public URL is a scheme and host only, like"
                    + " https://d111111abcdef8.cloudfront.net (no path, query or user)");
        }
        return u;
    }

    static Duration clockSkew(Duration clockSkew) {
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(CloudFrontVerifier.MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("The clock skew must be between 0 and 10 minutes");
        }
        return clockSkew;
    }

    static int verificationCacheSize(int entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("The verification cache holds at least one entry");
        }
        return entries;
    }

    static Duration timeout(Duration timeout, String what) {
        Objects.requireNonNull(timeout, what);
        if (timeout.toMillis() < 1 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("The " + what + " must be between 1 ms and 1 hour");
        }
        return timeout;
    }

    /**
     * Whether paths no behavior matches need a signature: as set, else true unless some behavior protects a pattern
     * (no configuration protects everything; {@code protect /private/*} means "only /private/*").
     */
    static boolean defaultRequiresSignature(Boolean set, List<Behavior> behaviors) {
        return set != null ? set : behaviors.stream().noneMatch(Behavior::requiresSignature);
    }

    /** An edge needs something to serve, and a trusted key whenever any path needs a signature. */
    static void requireComplete(boolean hasOrigin, boolean defaultSigned, List<Behavior> behaviors, TrustedKeys keys) {
        if (!hasOrigin) {
            throw new IncompleteSetupException("The edge has nothing to serve.", Remedy.SET_ORIGIN);
        }
        boolean anySigned = defaultSigned || behaviors.stream().anyMatch(Behavior::requiresSignature);
        if (anySigned && keys.size() == 0) {
            throw new IncompleteSetupException("No public key is trusted, so the protected paths could never"
                    + " be served.", Remedy.TRUST_A_KEY);
        }
    }
}
