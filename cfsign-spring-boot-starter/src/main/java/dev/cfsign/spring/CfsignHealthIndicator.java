package dev.cfsign.spring;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CloudFrontVerifier;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Actuator health (Spring Boot 4.0): {@code UP} when the signing key is usable with CloudFront key groups. */
final class CfsignHealthIndicator implements HealthIndicator {
    private final CloudFrontSigner signer;
    private final Supplier<CloudFrontVerifier> verifier;

    CfsignHealthIndicator(CloudFrontSigner signer, Supplier<CloudFrontVerifier> verifier) {
        this.signer = signer;
        this.verifier = verifier;
    }

    @Override
    public Health health() {
        KeyHealth h = KeyHealth.of(signer, verifier.get());
        return (h.up() ? Health.up() : Health.down()).withDetails(h.details()).build();
    }
}
