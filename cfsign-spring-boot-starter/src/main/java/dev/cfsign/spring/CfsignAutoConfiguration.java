package dev.cfsign.spring;

import dev.cfsign.CloudFrontEnvironment;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CloudFrontVerifier;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configuration: a {@link CloudFrontSigner} from {@code cfsign.*} (or, with no cfsign key set, the seed's
 * {@code AWS_CLOUDFRONT_*} variables), a {@link CloudFrontVerifier} when {@code cfsign.trust.*} is set, a
 * {@link CloudFrontLinks} with the default expiry. Each backs off when the application defines its own bean.
 *
 * @since 0.1
 */
@AutoConfiguration
public class CfsignAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    @Conditional(SigningKeyConfigured.class)
    public CloudFrontSigner cloudFrontSigner(Environment environment, ResourceLoader resourceLoader) {
        return CfsignSettings.bind(environment, resourceLoader).signer();
    }

    /** Asks for the signer first, so a broken configuration fails once, with the signer's and the trust's problems. */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(TrustConfigured.class)
    public CloudFrontVerifier cloudFrontVerifier(Environment environment, ResourceLoader resourceLoader,
            ObjectProvider<CloudFrontSigner> signer) {
        signer.getIfAvailable();
        return CfsignSettings.bind(environment, resourceLoader).verifier();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CloudFrontSigner.class)
    public CloudFrontLinks cloudFrontLinks(CloudFrontSigner signer, Environment environment, ResourceLoader resourceLoader) {
        return new CloudFrontLinks(signer, CfsignSettings.bind(environment, resourceLoader).defaultExpiry());
    }

    /** A signing key is given: {@code cfsign.key-pair-id} / {@code cfsign.private-key}, or the seed's variables. */
    static final class SigningKeyConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            ConditionMessage.Builder message = ConditionMessage.forCondition("cfsign signing key");
            if (CfsignSettings.keyFromProperties(env)) {
                return ConditionOutcome.match(message.found("property").items(CfsignSettings.KEY_PAIR_ID + " or "
                        + CfsignSettings.PRIVATE_KEY));
            }
            if (env.containsProperty(CloudFrontEnvironment.KEY_ID) || env.containsProperty(CloudFrontEnvironment.PRIVATE_KEY)) {
                return ConditionOutcome.match(message.found("variable").items(CloudFrontEnvironment.KEY_ID + " or "
                        + CloudFrontEnvironment.PRIVATE_KEY));
            }
            return ConditionOutcome.noMatch(message.didNotFind("property or variable").items(CfsignSettings.KEY_PAIR_ID,
                    CfsignSettings.PRIVATE_KEY, CloudFrontEnvironment.KEY_ID, CloudFrontEnvironment.PRIVATE_KEY));
        }
    }

    /** At least one {@code cfsign.trust.<ID>} is set. */
    static final class TrustConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionMessage.Builder message = ConditionMessage.forCondition("cfsign trusted keys");
            boolean any = Binder.get(context.getEnvironment())
                    .bind(CfsignSettings.TRUST, Bindable.mapOf(String.class, String.class))
                    .map(Map::size).orElse(0) > 0;
            return any ? ConditionOutcome.match(message.found("property").items(CfsignSettings.TRUST + ".*"))
                    : ConditionOutcome.noMatch(message.didNotFind("property").items(CfsignSettings.TRUST + ".*"));
        }
    }
}
