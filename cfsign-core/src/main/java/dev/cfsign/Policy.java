package dev.cfsign;

import java.time.Instant;
import java.util.Optional;

/**
 * What a signature grants: a resource (URL, or pattern with {@code *}/{@code ?} for custom policies) until an
 * expiration, optionally from a start time and for an IPv4 range.
 *
 * <p>A {@link CannedPolicy} is rebuilt by CloudFront from the request and is never sent; a {@link CustomPolicy}
 * travels with the URL ({@code Policy=}) or cookie ({@code CloudFront-Policy}). Both are plain immutable values.
 *
 * @since 0.1
 */
public sealed interface Policy permits CannedPolicy, CustomPolicy {

    /** The resource the policy grants; empty for a custom policy that will take the signed URL as its resource. */
    Optional<String> resource();

    /** {@code DateLessThan}: the first second at which access is denied. */
    Instant expiresAt();

    /** The exact policy JSON that is signed, compact and in CloudFront's key order. */
    String toJson();

    /** A canned policy: exactly one URL, until {@code expiresAt}. */
    static CannedPolicy canned(String resourceUrl, Instant expiresAt) {
        return new CannedPolicy(resourceUrl, expiresAt);
    }

    /** A builder for a custom policy. */
    static CustomPolicy.Builder custom() {
        return CustomPolicy.builder();
    }
}
