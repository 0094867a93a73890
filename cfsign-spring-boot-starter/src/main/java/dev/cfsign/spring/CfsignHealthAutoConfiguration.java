package dev.cfsign.spring;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CloudFrontVerifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * An Actuator health indicator named {@code cfsign} for the {@link CloudFrontSigner} bean (see {@link KeyHealth}), on
 * Spring Boot 4.0 or 3.5, unless {@code management.health.cfsign.enabled=false}. Runs after
 * {@link CfsignAutoConfiguration} so that the signer bean is known.
 *
 * @since 0.1
 */
@AutoConfiguration(after = CfsignAutoConfiguration.class)
@ConditionalOnBean(CloudFrontSigner.class)
@ConditionalOnProperty(prefix = "management.health.cfsign", name = "enabled", matchIfMissing = true)
public class CfsignHealthAutoConfiguration {
    /** The health indicator's bean name; Actuator reports it as {@code cfsign}. */
    public static final String HEALTH_INDICATOR = "cfsignHealthIndicator";

    /** Spring Boot 4.0's health API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class HealthConfiguration {
        @Bean(name = HEALTH_INDICATOR)
        @ConditionalOnMissingBean(name = HEALTH_INDICATOR)
        CfsignHealthIndicator cfsignHealthIndicator(CloudFrontSigner signer, ObjectProvider<CloudFrontVerifier> verifier) {
            return new CfsignHealthIndicator(signer, verifier::getIfAvailable);
        }
    }

    /** Spring Boot 3.5's health API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = LegacyHealthIndicator.INDICATOR)
    @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
    @Import(LegacyHealthIndicator.class)
    static class LegacyHealthConfiguration {}
}
