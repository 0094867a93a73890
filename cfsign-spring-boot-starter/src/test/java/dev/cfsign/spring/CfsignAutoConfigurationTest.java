package dev.cfsign.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfsign.CloudFrontEnvironment;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.ConfigurationException;
import dev.cfsign.HashAlgorithm;
import dev.cfsign.SignedUrl;
import dev.cfsign.ViewerRequest;
import dev.cfsign.keys.KeyType;
import dev.cfsign.keys.SigningKey;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** Every condition of the auto-configuration, on an {@link ApplicationContextRunner} (no web server). */
class CfsignAutoConfigurationTest {
    private static final String DOMAIN = "d111111abcdef8.cloudfront.net";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CfsignAutoConfiguration.class,
                    CfsignHealthAutoConfiguration.class));

    private static String[] properties(String... more) {
        String[] base = {"cfsign.key-pair-id=" + TestKeys.ID, "cfsign.private-key=" + TestKeys.privatePem(),
                "cfsign.domain=" + DOMAIN};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** Core's verifier, built here from the public key alone, is the judge of what the starter's signer made. */
    private static boolean verifies(SignedUrl url, SigningKey key) {
        CloudFrontVerifier judge = CloudFrontVerifier.builder().trust(TestKeys.ID, key.verificationKey().orElseThrow())
                .acceptedHashAlgorithms(HashAlgorithm.SHA1, HashAlgorithm.SHA256).build();
        return judge.check(ViewerRequest.of(url.url())).isAllowed();
    }

    @Test
    void signerFromPemTextProperties() {
        runner.withPropertyValues(properties()).run(context -> {
            CloudFrontSigner signer = context.getBean(CloudFrontSigner.class);
            SignedUrl url = signer.signObject("videos/intro.mp4", Duration.ofMinutes(5));
            assertThat(url.url()).startsWith("https://" + DOMAIN + "/videos/intro.mp4?Expires=");
            assertThat(verifies(url, TestKeys.KEY)).isTrue();
            assertThat(verifies(url, TestKeys.OTHER)).isFalse();
            assertThat(signer.hashAlgorithm()).isEqualTo(HashAlgorithm.SHA1);
            assertThat(context).doesNotHaveBean(CloudFrontVerifier.class);
        });
    }

    @Test
    void privateKeyFromPathsAndResources(@TempDir Path dir) throws IOException {
        Path pem = Files.writeString(dir.resolve("private_key.pem"), TestKeys.privatePem());
        Path der = Files.write(dir.resolve("private_key.der"), TestKeys.KEY.jcaPrivateKey().getEncoded());
        for (String location : new String[] {"file:" + pem, "file:" + der, "classpath:private_key.pem", pem.toString()}) {
            URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
            runner.withClassLoader(loader).withPropertyValues("cfsign.key-pair-id=" + TestKeys.ID,
                    "cfsign.private-key=" + location, "cfsign.custom-domain=cdn.example.com").run(context -> {
                        SignedUrl url = context.getBean(CloudFrontSigner.class).signObject("a.txt", Duration.ofMinutes(1));
                        assertThat(url.url()).as(location).startsWith("https://cdn.example.com/a.txt?");
                        assertThat(verifies(url, TestKeys.KEY)).as(location).isTrue();
                    });
        }
    }

    @Test
    void seedVariablesAloneWork() {
        runner.withPropertyValues(CloudFrontEnvironment.KEY_ID + "=" + TestKeys.ID,
                CloudFrontEnvironment.PRIVATE_KEY + "=" + TestKeys.privatePem().replace("\n", "\\n"),
                CloudFrontEnvironment.PUBLIC_KEY + "=" + TestKeys.publicPem(),
                CloudFrontEnvironment.CUSTOM_DOMAIN + "=cdn.example.com").run(context -> {
                    SignedUrl url = context.getBean(CloudFrontSigner.class).signObject("a b.txt", Duration.ofMinutes(1));
                    assertThat(url.url()).startsWith("https://cdn.example.com/a%20b.txt?Expires=");
                    assertThat(verifies(url, TestKeys.KEY)).isTrue();
                    assertThat(context.getBean(CloudFrontLinks.class).defaultExpiry())
                            .isEqualTo(CloudFrontSigner.DEFAULT_OBJECT_VALIDITY);
                });
    }

    @Test
    void seedVariablesAreCheckedByCoresReader() {
        runner.withPropertyValues(CloudFrontEnvironment.PRIVATE_KEY + "=" + TestKeys.privatePem(),
                CloudFrontEnvironment.PUBLIC_KEY + "=" + TestKeys.OTHER.verificationKey().orElseThrow().toPem())
                .run(context -> {
                    ConfigurationException e = startupFailure(context.getStartupFailure());
                    assertThat(e.problems()).extracting(ConfigurationException.Problem::variable).containsExactlyInAnyOrder(
                            CloudFrontEnvironment.KEY_ID, CloudFrontEnvironment.PUBLIC_KEY, CloudFrontEnvironment.DOMAIN);
                });
    }

    @Test
    void nothingConfiguredMeansNoBeans() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(CloudFrontSigner.class);
            assertThat(context).doesNotHaveBean(CloudFrontVerifier.class);
            assertThat(context).doesNotHaveBean(CloudFrontLinks.class);
            assertThat(context).doesNotHaveBean(CfsignHealthAutoConfiguration.HEALTH_INDICATOR);
        });
    }

    @Test
    void optionsApply() {
        runner.withPropertyValues(properties("cfsign.hash-algorithm=sha256", "cfsign.expiry-granularity=5m",
                "cfsign.default-expiry=2h")).run(context -> {
                    CloudFrontSigner signer = context.getBean(CloudFrontSigner.class);
                    assertThat(signer.hashAlgorithm()).isEqualTo(HashAlgorithm.SHA256);
                    CloudFrontLinks links = context.getBean(CloudFrontLinks.class);
                    assertThat(links.signer()).isSameAs(signer);
                    SignedUrl first = links.signObject("a.txt");
                    assertThat(first.url()).contains("Hash-Algorithm=SHA256");
                    assertThat(verifies(first, TestKeys.KEY)).isTrue();
                    // 2 h, rounded up to the 5-minute window: and within the window the same link (the cache).
                    assertThat(first.expiresAt()).isBetween(Instant.now().plus(Duration.ofHours(2)).minusSeconds(5),
                            Instant.now().plus(Duration.ofHours(2)).plus(Duration.ofMinutes(5)));
                    assertThat(first.expiresAt().getEpochSecond() % 300).isZero();
                    assertThat(links.signObject("a.txt").url()).isEqualTo(first.url());
                });
    }

    @Test
    void applicationBeansWin() {
        CloudFrontSigner own = CloudFrontSigner.builder().keyPairId("KOWNSIGNER0001").signingKey(TestKeys.OTHER).build();
        CloudFrontVerifier ownVerifier = CloudFrontVerifier.builder().trust("KOWNSIGNER0001",
                TestKeys.OTHER.verificationKey().orElseThrow()).build();
        runner.withBean(CloudFrontSigner.class, () -> own).withBean(CloudFrontVerifier.class, () -> ownVerifier)
                .withPropertyValues(properties("cfsign.trust." + TestKeys.ID + "=" + TestKeys.publicPem())).run(context -> {
                    assertThat(context.getBean(CloudFrontSigner.class)).isSameAs(own);
                    assertThat(context.getBean(CloudFrontVerifier.class)).isSameAs(ownVerifier);
                    assertThat(context.getBean(CloudFrontLinks.class).signer()).isSameAs(own);
                });
    }

    @Test
    void linksBackOffToo() {
        CloudFrontLinks own = new CloudFrontLinks(CloudFrontSigner.builder().keyPairId(TestKeys.ID)
                .signingKey(TestKeys.KEY).build(), Duration.ofSeconds(30));
        runner.withBean(CloudFrontLinks.class, () -> own).withPropertyValues(properties())
                .run(context -> assertThat(context.getBean(CloudFrontLinks.class)).isSameAs(own));
    }

    @Test
    void verifierFromTrustedKeys(@TempDir Path dir) throws IOException {
        Path other = Files.writeString(dir.resolve("other.pem"), TestKeys.OTHER.verificationKey().orElseThrow().toPem());
        runner.withPropertyValues(properties("cfsign.trust." + TestKeys.ID + "=" + TestKeys.publicPem(),
                "cfsign.trust.KOTHERKEY00001=file:" + other)).run(context -> {
                    CloudFrontVerifier verifier = context.getBean(CloudFrontVerifier.class);
                    assertThat(verifier.trustedKeys().keyPairIds()).containsExactlyInAnyOrder(TestKeys.ID, "KOTHERKEY00001");
                    SignedUrl url = context.getBean(CloudFrontSigner.class).signObject("a.txt", Duration.ofMinutes(1));
                    assertThat(verifier.check(ViewerRequest.of(url.url())).isAllowed()).isTrue();
                    String tampered = url.url().replace("a.txt", "b.txt");
                    assertThat(verifier.check(ViewerRequest.of(tampered)).isAllowed()).isFalse();
                });
    }

    @Test
    void verifierWithoutSigner() {
        runner.withPropertyValues("cfsign.trust." + TestKeys.ID + "=" + TestKeys.publicPem()).run(context -> {
            assertThat(context).hasSingleBean(CloudFrontVerifier.class);
            assertThat(context).doesNotHaveBean(CloudFrontSigner.class);
        });
    }

    @Test
    void everyProblemInOneFailureWithoutKeyMaterial() {
        String brokenKey = "-----BEGIN PRIVATE KEY-----\n" + TestKeys.secretBody() + "\n-----END PRIVATE KEY-----";
        runner.withPropertyValues("cfsign.key-pair-id=123456789012", "cfsign.private-key=" + brokenKey,
                "cfsign.default-expiry=soon", "cfsign.hash-algorithm=MD5", "cfsign.expiry-granularity=-5m",
                "cfsign.trust.KOTHERKEY00001=classpath:no/such/key.pem", "cfsign.custom-domain=ftp://cdn.example.com")
                .run(context -> {
                    ConfigurationException e = startupFailure(context.getStartupFailure());
                    assertThat(e.problems()).extracting(ConfigurationException.Problem::variable).containsExactlyInAnyOrder(
                            "cfsign.key-pair-id", "cfsign.private-key", "cfsign.default-expiry", "cfsign.hash-algorithm",
                            "cfsign.trust.KOTHERKEY00001", "cfsign.custom-domain", "cfsign.expiry-granularity");
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("7 problems", "https://", "cfsign.key-pair-id", "account ID",
                            "cfsign.default-expiry", "duration", "SHA1, SHA256", "classpath:no/such/key.pem")
                            .doesNotContain(TestKeys.secretBody()).doesNotContain("soon");
                    assertThat(analysis.getAction()).contains("cfsign.private-key", "AWS_CLOUDFRONT_");
                });
    }

    /** A short base64 value (as a DER key given once more in base64 would be) is neither a file nor named back. */
    @Test
    void shortBase64ValueIsNotEchoed() {
        String value = TestKeys.secretBody().repeat(3).replaceAll("\\s", "").substring(0, 120);
        runner.withPropertyValues("cfsign.key-pair-id=K2JCJMDEHXQW5F", "cfsign.private-key=" + value)
                .run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("cfsign.private-key", "120 characters")
                            .doesNotContain(value.substring(0, 16)).doesNotContain(value.substring(60, 76));
                });
    }

    @Test
    void trustedKeyUnderOwnIdMustMatch() {
        runner.withPropertyValues(properties("cfsign.trust." + TestKeys.ID + "="
                + TestKeys.OTHER.verificationKey().orElseThrow().toPem())).run(context -> {
                    ConfigurationException e = startupFailure(context.getStartupFailure());
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.variable()).isEqualTo("cfsign.trust." + TestKeys.ID);
                        assertThat(p.message()).contains("would be denied");
                    });
                });
    }

    @Test
    void healthUpWithDetails() {
        runner.withPropertyValues(properties("cfsign.trust." + TestKeys.ID + "=" + TestKeys.publicPem())).run(context -> {
            Health h = Health.of(context.getBean(CfsignHealthAutoConfiguration.HEALTH_INDICATOR));
            assertThat(h.status()).isEqualTo("UP");
            assertThat(h.details()).containsEntry("keyPairId", TestKeys.ID).containsEntry("keyType", "ECDSA P-256")
                    .containsEntry("acceptedByKeyGroups", true).containsEntry("publicKeyMatches", true)
                    .containsEntry("publicKeySource", "trusted")
                    .containsEntry("publicKey", TestKeys.publicKey().fingerprint());
            assertThat(h.details().toString()).doesNotContain(TestKeys.secretBody());
        });
    }

    @Test
    void healthDownForKeyGroupsRefusedKeyOrWrongTrustedKey() {
        SigningKey rsa1024 = SigningKey.generate(KeyType.RSA_1024);
        runner.withBean(CloudFrontSigner.class, () -> CloudFrontSigner.builder().keyPairId(TestKeys.ID).signingKey(rsa1024)
                .build()).run(context -> {
                    Health h = Health.of(context.getBean(CfsignHealthAutoConfiguration.HEALTH_INDICATOR));
                    assertThat(h.status()).isEqualTo("DOWN");
                    assertThat(h.details()).containsEntry("acceptedByKeyGroups", false).containsEntry("keyType", "RSA-1024");
                });
        runner.withBean(CloudFrontSigner.class, () -> CloudFrontSigner.builder().keyPairId(TestKeys.ID)
                .signingKey(TestKeys.KEY).build()).withBean(CloudFrontVerifier.class, () -> CloudFrontVerifier.builder()
                .trust(TestKeys.ID, TestKeys.OTHER.verificationKey().orElseThrow()).build()).run(context -> {
                    Health h = Health.of(context.getBean(CfsignHealthAutoConfiguration.HEALTH_INDICATOR));
                    assertThat(h.status()).isEqualTo("DOWN");
                    assertThat(h.details()).containsEntry("publicKeyMatches", false);
                });
    }

    @Test
    void healthCanBeTurnedOffAndNeedsActuator() {
        runner.withPropertyValues(properties("management.health.cfsign.enabled=false"))
                .run(context -> assertThat(context).doesNotHaveBean(CfsignHealthAutoConfiguration.HEALTH_INDICATOR));
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health", "org.springframework.boot.actuate"))
                .withPropertyValues(properties()).run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CloudFrontSigner.class);
                    assertThat(context).doesNotHaveBean(CfsignHealthAutoConfiguration.HEALTH_INDICATOR);
                });
    }

    /** A real start-up: Boot finds the analyzer through spring.factories and prints its report. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void startupFailureIsReportedByTheAnalyzer(CapturedOutput output) {
        String secret = TestKeys.secretBody();
        SpringApplication app = new SpringApplication(Plain.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("cfsign.key-pair-id", "K2JCJMDEHXQW5F K", "cfsign.private-key",
                "-----BEGIN PRIVATE KEY-----\n" + secret + "\n-----END PRIVATE KEY-----", "cfsign.hash-algorithm", "MD5"));
        assertThatThrownBy(app::run).isInstanceOf(Exception.class);
        assertThat(output.toString()).contains("APPLICATION FAILED TO START", "The cfsign configuration has"
                + " 3 problems:", "cfsign.key-pair-id", "cfsign.private-key", "cfsign.hash-algorithm", "AWS_CLOUDFRONT_*")
                .doesNotContain(secret);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(CfsignAutoConfiguration.class)
    static class Plain {}

    @Test
    void metadataDescribesEveryProperty() throws IOException {
        String json;
        try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String p : new String[] {"key-pair-id", "private-key", "domain", "custom-domain", "default-expiry",
                "hash-algorithm", "expiry-granularity", "trust"}) {
            assertThat(json).contains("\"name\": \"cfsign." + p + "\"");
        }
        assertThat(json.split("\"description\"", -1)).hasSizeGreaterThan(8);
        // The documented default is the one the code uses (core's constant), in Spring's duration syntax.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"name\": \"cfsign.default-expiry\"[^}]*"
                + "\"defaultValue\": \"([^\"]+)\"").matcher(json);
        assertThat(m.find()).isTrue();
        assertThat(ApplicationConversionService.getSharedInstance().convert(m.group(1), Duration.class))
                .isEqualTo(new CfsignProperties().getDefaultExpiry()).isEqualTo(CloudFrontSigner.DEFAULT_OBJECT_VALIDITY);
        assertThat(json).contains("\"name\": \"management.health.cfsign.enabled\"");
    }

    private static ConfigurationException startupFailure(Throwable failure) {
        Throwable t = failure;
        while (t != null && !(t instanceof ConfigurationException)) {
            t = t.getCause();
        }
        assertThat(t).as("a ConfigurationException in %s", failure).isNotNull();
        return (ConfigurationException) t;
    }

    private static FailureAnalysis analyze(Throwable failure) {
        FailureAnalysis analysis = new CfsignFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        return analysis;
    }

    /** Actuator's {@code Health}, read by reflection: its package differs between Boot 3.5 and 4.0. */
    record Health(String status, Map<String, Object> details) {
        @SuppressWarnings("unchecked")
        static Health of(Object indicator) throws ReflectiveOperationException {
            Object health = indicator.getClass().getMethod("health").invoke(indicator);
            Object status = health.getClass().getMethod("getStatus").invoke(health);
            return new Health((String) status.getClass().getMethod("getCode").invoke(status),
                    (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health));
        }
    }
}
