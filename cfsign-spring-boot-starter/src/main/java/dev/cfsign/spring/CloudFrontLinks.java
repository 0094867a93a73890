package dev.cfsign.spring;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CustomPolicy;
import dev.cfsign.SignedCookies;
import dev.cfsign.SignedUrl;
import java.time.Duration;
import java.util.Objects;

/**
 * The signer with the application's default validity ({@code cfsign.default-expiry}): what a controller needs to hand
 * out a link or a set of cookies in one call. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CloudFrontLinks {
    private final CloudFrontSigner signer;
    private final Duration defaultExpiry;

    /** @param defaultExpiry how long links and cookies are valid, positive */
    public CloudFrontLinks(CloudFrontSigner signer, Duration defaultExpiry) {
        this.signer = Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(defaultExpiry, "defaultExpiry");
        if (defaultExpiry.isNegative() || defaultExpiry.isZero()) {
            throw new IllegalArgumentException("defaultExpiry must be positive");
        }
        this.defaultExpiry = defaultExpiry;
    }

    public CloudFrontSigner signer() {
        return signer;
    }

    public Duration defaultExpiry() {
        return defaultExpiry;
    }

    /** A canned-policy link to a full URL, valid for the default expiry. */
    public SignedUrl signUrl(String url) {
        return signer.signUrl(url, defaultExpiry);
    }

    /** A canned-policy link to an S3 object key on the configured domain, valid for the default expiry. */
    public SignedUrl signObject(String objectKey) {
        return signer.signObject(objectKey, defaultExpiry);
    }

    /**
     * Custom-policy cookies for a resource, typically a folder such as {@code https://cdn.example.com/videos/*},
     * valid for the default expiry. Write them with {@link ServletCookies} or {@link WebFluxCookies}.
     */
    public SignedCookies signCookies(String resource) {
        return signer.signCookies(CustomPolicy.builder().resource(resource)
                .expiresAt(signer.clock().instant().plus(defaultExpiry)).build());
    }

    @Override
    public String toString() {
        return "CloudFrontLinks[" + signer + ", default expiry " + defaultExpiry + "]";
    }
}
