package dev.cfsign;

import dev.cfsign.internal.Checks;
import dev.cfsign.internal.PolicyJson;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A canned policy: one exact URL (no wildcards), valid until {@code expiresAt}. CloudFront rebuilds its JSON from
 * the request, so the resource must be the URL exactly as the client will send it.
 *
 * @param resourceUrl the exact URL, including the query string the client will send (without signing parameters)
 * @param expiresAt   {@code DateLessThan}, whole seconds (fractions are dropped)
 * @since 0.1
 */
public record CannedPolicy(String resourceUrl, Instant expiresAt) implements Policy {

    public CannedPolicy {
        Objects.requireNonNull(resourceUrl, "resourceUrl");
        Checks.requireExpiration(expiresAt);
        Checks.requireResource(resourceUrl, "resource URL");
        expiresAt = Instant.ofEpochSecond(expiresAt.getEpochSecond());
    }

    @Override
    public Optional<String> resource() {
        return Optional.of(resourceUrl);
    }

    @Override
    public String toJson() {
        return PolicyJson.canned(resourceUrl, expiresAt.getEpochSecond());
    }
}
