package dev.cfsign.spring;

import dev.cfsign.CloudFrontEnvironment;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.ConfigurationException;
import dev.cfsign.ConfigurationException.Problem;
import dev.cfsign.SigningException;
import dev.cfsign.TrustedKeys;
import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * The {@code cfsign.*} properties (or the {@code AWS_CLOUDFRONT_*} variables) turned into a signer and a verifier,
 * with every problem collected into one {@link ConfigurationException} so one start-up shows all there is to fix.
 */
final class CfsignSettings {
    private static final String P = CfsignProperties.PREFIX + ".";
    static final String KEY_PAIR_ID = P + "key-pair-id";
    static final String PRIVATE_KEY = P + "private-key";
    static final String DOMAIN = P + "domain";
    static final String CUSTOM_DOMAIN = P + "custom-domain";
    static final String TRUST = P + "trust";

    private final Environment environment;
    private final KeySources keys;
    private final CfsignProperties properties;
    private final List<Problem> bindProblems;

    private CfsignSettings(Environment environment, ResourceLoader loader, CfsignProperties properties,
            List<Problem> bindProblems) {
        this.environment = environment;
        this.keys = new KeySources(loader);
        this.properties = properties;
        this.bindProblems = List.copyOf(bindProblems);
    }

    /** Binds {@code cfsign.*}; a value that cannot be converted becomes a problem instead of stopping the binding. */
    static CfsignSettings bind(Environment environment, ResourceLoader loader) {
        List<Problem> problems = new ArrayList<>();
        BindHandler collecting = new BindHandler() {
            @Override
            public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                    Exception error) {
                problems.add(new Problem(name.toString(), "cannot be read as " + expected(target) + "."));
                return null;
            }
        };
        CfsignProperties props = new CfsignProperties();
        Binder.get(environment).bind(CfsignProperties.PREFIX, Bindable.ofInstance(props), collecting);
        Duration expiry = props.getDefaultExpiry();
        if (expiry == null || expiry.isNegative() || expiry.isZero()) {
            problems.add(new Problem(P + "default-expiry", "must be positive, e.g. 12h."));
        }
        return new CfsignSettings(environment, loader, props, problems);
    }

    private static String expected(Bindable<?> target) {
        Class<?> type = target.getType().resolve(Object.class);
        if (type == Duration.class) {
            return "a duration (e.g. 30s, 10m, 2h, 20d or PT10M)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        return "a " + type.getSimpleName();
    }

    /** True when the signing key is given by {@code cfsign.*} rather than by {@code AWS_CLOUDFRONT_*}. */
    static boolean keyFromProperties(Environment environment) {
        Binder binder = Binder.get(environment);
        return binder.bind(KEY_PAIR_ID, String.class).isBound() || binder.bind(PRIVATE_KEY, String.class).isBound();
    }

    Duration defaultExpiry() {
        throwIfAny(bindProblems);
        return properties.getDefaultExpiry();
    }

    /** The signer; the trusted keys are checked too, so one failure lists the problems of both. */
    CloudFrontSigner signer() {
        List<Problem> problems = new ArrayList<>(bindProblems);
        CloudFrontSigner.Builder builder = keyFromProperties(environment) ? fromProperties(problems) : fromVariables(problems);
        options(builder, problems);
        TrustedKeys trusted = trustedKeys(problems);
        throwIfAny(problems);
        CloudFrontSigner signer = builder.build();
        checkTrustMatches(signer, trusted);
        return signer;
    }

    /** The verifier for {@code cfsign.trust.*}. */
    CloudFrontVerifier verifier() {
        List<Problem> problems = new ArrayList<>(bindProblems);
        TrustedKeys trusted = trustedKeys(problems);
        throwIfAny(problems);
        return CloudFrontVerifier.builder().trust(trusted).build();
    }

    /** The settings that apply whichever way the key came: domain, hash algorithm, expiry granularity. */
    private void options(CloudFrontSigner.Builder builder, List<Problem> problems) {
        boolean custom = properties.getCustomDomain() != null;
        String base = custom ? properties.getCustomDomain() : properties.getDomain();
        if (base != null) {
            try {
                builder.baseUrl(base);
            } catch (SigningException e) {
                problems.add(new Problem(custom ? CUSTOM_DOMAIN : DOMAIN, e.getMessage()));
            }
        }
        if (properties.getExpiryGranularity() != null) {
            try {
                builder.expiryGranularity(properties.getExpiryGranularity());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(P + "expiry-granularity", "must be a whole number of seconds, at least 1s."));
            }
        }
        if (properties.getHashAlgorithm() != null) {
            builder.hashAlgorithm(properties.getHashAlgorithm());
        }
    }

    private CloudFrontSigner.Builder fromProperties(List<Problem> problems) {
        CloudFrontSigner.Builder builder = CloudFrontSigner.builder();
        String id = properties.getKeyPairId();
        if (id == null || id.isBlank()) {
            problems.add(new Problem(KEY_PAIR_ID, "missing: set it to the ID CloudFront shows for the public key"
                    + " (CloudFront console → Public keys), e.g. K2JCJMDEHXQW5F."));
        } else {
            try {
                builder.keyPairId(id);
            } catch (SigningException e) {
                problems.add(new Problem(KEY_PAIR_ID, e.getMessage()));
            }
        }
        String key = properties.getPrivateKey();
        if (key == null || key.isBlank()) {
            problems.add(new Problem(PRIVATE_KEY, "missing: set it to file:/path/private_key.pem, classpath:… or the"
                    + " PEM text."));
        } else {
            SigningKey signingKey = keys.signingKey(PRIVATE_KEY, key, problems);
            if (signingKey != null) {
                builder.signingKey(signingKey);
            }
        }
        return builder;
    }

    /** The seed's variables, read by core's one reader; a {@code cfsign.*} domain makes theirs optional. */
    private CloudFrontSigner.Builder fromVariables(List<Problem> problems) {
        Map<String, String> variables = new VariablesView(environment);
        boolean domainGiven = properties.getCustomDomain() != null || properties.getDomain() != null;
        try {
            CloudFrontEnvironment env = domainGiven ? CloudFrontEnvironment.fromWithoutDomain(variables)
                    : CloudFrontEnvironment.from(variables);
            return env.signer();
        } catch (ConfigurationException e) {
            problems.addAll(e.problems());
            return CloudFrontSigner.builder(); // to check the options too, all problems at once
        }
    }

    private TrustedKeys trustedKeys(List<Problem> problems) {
        TrustedKeys.Builder trusted = TrustedKeys.builder();
        for (Map.Entry<String, String> e : properties.getTrust().entrySet()) {
            String property = TRUST + "." + e.getKey();
            if (e.getValue() == null || e.getValue().isBlank()) {
                problems.add(new Problem(property, "empty: give the public key as a resource location or PEM text."));
                continue;
            }
            VerificationKey key = keys.verificationKey(property, e.getValue(), problems);
            if (key != null) {
                try {
                    trusted.add(e.getKey(), key);
                } catch (IllegalArgumentException ex) {
                    problems.add(new Problem(property, ex.getMessage()));
                }
            }
        }
        return trusted.build();
    }

    /** A trusted key under the signer's own ID must be the signer's public key: else every link is denied. */
    private static void checkTrustMatches(CloudFrontSigner signer, TrustedKeys trusted) {
        trusted.find(signer.keyPairId()).ifPresent(pub -> {
            if (!signer.signingKey().matches(pub)) {
                throw new ConfigurationException(List.of(new Problem(TRUST + "." + signer.keyPairId(), "is not the public"
                        + " key of the signing key (" + signer.signingKey().keyType().displayName() + "): links signed by"
                        + " this application would be denied. Trust the public key derived from the private key.")));
            }
        });
    }

    private static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    /**
     * The Spring environment as the variable map core's reader takes: any name it asks for is looked up in every
     * property source (so variables can also come from application.properties or test properties).
     */
    static final class VariablesView extends AbstractMap<String, String> {
        /** {@code AWS_CLOUDFRONT_}, taken from core's own variable names. */
        private static final String VARIABLE_PREFIX = CloudFrontEnvironment.KEY_ID.substring(0,
                CloudFrontEnvironment.KEY_ID.length() - "KEY_ID".length());

        private final Environment environment;

        VariablesView(Environment environment) {
            this.environment = environment;
        }

        @Override
        public String get(Object name) {
            return name instanceof String s ? environment.getProperty(s) : null;
        }

        @Override
        public boolean containsKey(Object name) {
            return get(name) != null;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            Map<String, String> all = new LinkedHashMap<>();
            if (environment instanceof ConfigurableEnvironment c) {
                c.getPropertySources().stream().filter(s -> s instanceof EnumerablePropertySource<?>)
                        .flatMap(s -> Arrays.stream(((EnumerablePropertySource<?>) s).getPropertyNames()))
                        .filter(n -> n.startsWith(VARIABLE_PREFIX))
                        .forEach(n -> all.putIfAbsent(n, environment.getProperty(n)));
            }
            return all.entrySet();
        }
    }
}
