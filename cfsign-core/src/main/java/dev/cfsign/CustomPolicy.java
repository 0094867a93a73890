package dev.cfsign;

import dev.cfsign.internal.Checks;
import dev.cfsign.internal.PolicyJson;
import dev.cfsign.internal.ResourceMatcher;
import dev.cfsign.internal.SigningParameters;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A custom policy: a resource pattern with {@code *} and {@code ?} wildcards, an expiration ({@code DateLessThan},
 * required), an optional start ({@code DateGreaterThan}) and an optional IPv4 range ({@code IpAddress}).
 *
 * <p>When no resource is set, signing a URL uses that URL as the resource. Immutable and thread-safe; the
 * {@link Builder} is not thread-safe.
 *
 * @since 0.1
 */
public final class CustomPolicy implements Policy {
    private final String resource;
    private final Instant expiresAt;
    private final Instant activeFrom;
    private final IpRange ipRange;

    private CustomPolicy(String resource, Instant expiresAt, Instant activeFrom, IpRange ipRange) {
        this.resource = resource;
        this.expiresAt = expiresAt;
        this.activeFrom = activeFrom;
        this.ipRange = ipRange;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<String> resource() {
        return Optional.ofNullable(resource);
    }

    @Override
    public Instant expiresAt() {
        return expiresAt;
    }

    /** {@code DateGreaterThan}: access is denied until after this second. */
    public Optional<Instant> activeFrom() {
        return Optional.ofNullable(activeFrom);
    }

    /** {@code IpAddress}: the viewer IPs allowed. */
    public Optional<IpRange> ipRange() {
        return Optional.ofNullable(ipRange);
    }

    /**
     * Whether this policy's resource grants {@code url} (an absolute http(s) URL); a policy without a resource grants
     * any URL. The verifier's own matcher, so a URL this says yes to is one CloudFront accepts under this policy.
     */
    public boolean covers(String url) {
        return resource == null || resourceCovers(resource, url);
    }

    /**
     * Whether the policy resource {@code resource} (with {@code *} and {@code ?} wildcards) grants {@code url}, by the
     * verifier's matcher; CloudFront's signing parameters in the URL's query are ignored, as CloudFront does.
     *
     * @return false as well when {@code url} is not an absolute http(s) URL
     * @since 0.2
     */
    public static boolean resourceCovers(String resource, String url) {
        Objects.requireNonNull(resource, "resource");
        ViewerRequest r;
        try {
            r = ViewerRequest.of(url);
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            return false;
        }
        return ResourceMatcher.matches(resource, r.scheme(), r.authority(), r.rawPath(),
                SigningParameters.fromQuery(r.rawQuery().orElse(null)).remainingQuery());
    }

    /** A copy of this policy for the given resource. */
    public CustomPolicy withResource(String resource) {
        Checks.requireResource(resource, "policy resource");
        return new CustomPolicy(resource, expiresAt, activeFrom, ipRange);
    }

    /** A copy expiring at {@code expiresAt} (used when the signer rounds expiries up to a granularity). */
    CustomPolicy withExpiresAt(Instant expiresAt) {
        return new CustomPolicy(resource, Instant.ofEpochSecond(expiresAt.getEpochSecond()), activeFrom, ipRange);
    }

    /** The policy JSON; without a resource, the {@code Resource} field is omitted (CloudFront then grants any URL). */
    @Override
    public String toJson() {
        return PolicyJson.custom(resource, expiresAt.getEpochSecond(),
                activeFrom == null ? null : activeFrom.getEpochSecond(), ipRange == null ? null : ipRange.cidr());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomPolicy && ((CustomPolicy) o).toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "CustomPolicy" + toJson();
    }

    /** Builds a {@link CustomPolicy}. Not thread-safe. */
    public static final class Builder {
        private String resource;
        private Instant expiresAt;
        private Instant activeFrom;
        private IpRange ipRange;

        private Builder() {}

        /**
         * The resource: a full URL or a pattern such as {@code https://d111111abcdef8.cloudfront.net/videos/*}.
         * Must be ASCII without spaces (percent-encode first). Leave unset to use the URL being signed.
         */
        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        /** {@code DateLessThan}, required. Fractions of a second are dropped. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** {@code DateGreaterThan}, optional: the link works only after this second. */
        public Builder activeFrom(Instant activeFrom) {
            this.activeFrom = activeFrom;
            return this;
        }

        /** {@code IpAddress}: an IPv4 address (becomes {@code /32}) or CIDR block. */
        public Builder ipRange(String ipRange) {
            this.ipRange = ipRange == null ? null : IpRange.parse(ipRange);
            return this;
        }

        public Builder ipRange(IpRange ipRange) {
            this.ipRange = ipRange;
            return this;
        }

        /**
         * @throws SigningException when the expiration is missing, the start is not before it, an epoch is out
         *     of CloudFront's range, or the resource is not a matchable ASCII string
         */
        public CustomPolicy build() {
            Checks.requireExpiration(expiresAt);
            Instant exp = Instant.ofEpochSecond(expiresAt.getEpochSecond());
            Instant start = null;
            if (activeFrom != null) {
                Checks.requireEpochInRange(activeFrom, "active date (DateGreaterThan)");
                start = Instant.ofEpochSecond(activeFrom.getEpochSecond());
                if (!start.isBefore(exp)) {
                    throw new SigningException(SigningException.Reason.ACTIVE_AFTER_EXPIRATION,
                            "The active date (DateGreaterThan, " + start + ") must be before the expiration date"
                                    + " (DateLessThan, " + exp + "). Move the start earlier or the expiration later.");
                }
            }
            if (resource != null) {
                Checks.requireResource(resource, "policy resource");
            }
            return new CustomPolicy(resource, exp, start, ipRange);
        }
    }
}
