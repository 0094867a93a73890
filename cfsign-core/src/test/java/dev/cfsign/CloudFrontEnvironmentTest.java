package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfsign.keys.KeyType;
import dev.cfsign.keys.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;

/** The seed recipe's AWS_CLOUDFRONT_* configuration, read from a map (tests never touch the real environment). */
class CloudFrontEnvironmentTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final KeyPair PAIR = TestKeys.RSA_2048;
    static final String PRIVATE_PEM = SigningKey.of(PAIR.getPrivate()).exportPkcs8Pem();
    static final String PUBLIC_PEM = TestKeys.pub(PAIR).toPem();
    /** As the seed recipe's users store it: one line with literal \n, in double quotes. */
    static final String PRIVATE_ONE_LINE = "\"" + PRIVATE_PEM.replace("\n", "\\n") + "\"";

    static Map<String, String> seed() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_CLOUDFRONT_KEY_ID", "K2JCJMDEHXQW5F");
        env.put("AWS_CLOUDFRONT_PRIVATE_KEY", PRIVATE_ONE_LINE);
        env.put("AWS_CLOUDFRONT_PUBLIC_KEY", PUBLIC_PEM.replace("\n", "\\n"));
        env.put("AWS_CLOUDFRONT_DISTRIBUTION_ID", "E2QWRUHEXAMPLE");
        env.put("AWS_CLOUDFRONT_CUSTOM_DOMAIN", "https://cdn.example.com/");
        return env;
    }

    @Test
    void fromEnvironment_seedConfiguration_signsObjectOnCustomDomainLikeTheSdk() {
        CloudFrontSigner signer = CloudFrontEnvironment.from(seed()).signer().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        SignedUrl url = signer.signObject("/videos/intro 2024.mp4", Duration.ofDays(20));
        assertThat(url.unsignedUrl()).isEqualTo("https://cdn.example.com/videos/intro%202024.mp4");
        // Independent oracle: the AWS SDK signs the same encoded URL with the same key to the same bytes.
        String sdk = CloudFrontUtilities.create().getSignedUrlWithCannedPolicy(r -> r.resourceUrl(url.unsignedUrl())
                .privateKey(PAIR.getPrivate()).keyPairId("K2JCJMDEHXQW5F").expirationDate(NOW.plus(Duration.ofDays(20)))).url();
        assertThat(url.url()).isEqualTo(sdk);
    }

    @Test
    void fromEnvironment_withoutClock_defaultsToTwentyDaysFromNow() {
        SignedUrl url = CloudFrontSigner.fromEnvironment(seed()).signObject("a.txt");
        assertThat(Duration.between(Instant.now(), url.expiresAt())).isBetween(Duration.ofDays(20).minusMinutes(1), Duration.ofDays(20));
    }

    @Test
    void fromEnvironment_domainOnly_usesTheCloudFrontDomain() {
        Map<String, String> env = seed();
        env.remove("AWS_CLOUDFRONT_CUSTOM_DOMAIN");
        env.put("AWS_CLOUDFRONT_DOMAIN", "d111111abcdef8.cloudfront.net");
        assertThat(CloudFrontEnvironment.from(env).baseUrl()).contains("https://d111111abcdef8.cloudfront.net");
        env.put("AWS_CLOUDFRONT_CUSTOM_DOMAIN", "cdn.example.com");
        assertThat(CloudFrontEnvironment.from(env).baseUrl()).contains("https://cdn.example.com");
    }

    @Test
    void fromEnvironment_ecKeyInSec1FormWithoutPublicKey_loads() {
        Map<String, String> env = seed();
        env.put("AWS_CLOUDFRONT_PRIVATE_KEY", dev.cfsign.keys.Fixtures.text("ec-p256.sec1.pem"));
        env.remove("AWS_CLOUDFRONT_PUBLIC_KEY");
        assertThat(CloudFrontEnvironment.from(env).signingKey().keyType()).isEqualTo(KeyType.EC_P256);
    }

    @Test
    void fromEnvironment_everythingMissing_listsEveryVariableInOneError() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> CloudFrontEnvironment.from(Map.of()));
        assertThat(e.problems()).extracting(ConfigurationException.Problem::variable)
                .containsExactly("AWS_CLOUDFRONT_KEY_ID", "AWS_CLOUDFRONT_PRIVATE_KEY", "AWS_CLOUDFRONT_DOMAIN");
        assertThat(e.getMessage()).contains("3 problems").contains("AWS_CLOUDFRONT_CUSTOM_DOMAIN");
        assertThat(e.reason()).isEqualTo(ConfigurationException.Reason.INVALID_CONFIGURATION);
    }

    @Test
    void fromEnvironment_distributionIdInsteadOfDomain_explainsTheDifference() {
        Map<String, String> env = seed();
        env.remove("AWS_CLOUDFRONT_CUSTOM_DOMAIN");
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> CloudFrontEnvironment.from(env));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.variable()).isEqualTo("AWS_CLOUDFRONT_DOMAIN");
            assertThat(p.message()).contains("not a domain");
        });
        env.put("AWS_CLOUDFRONT_DOMAIN", "E2QWRUHEXAMPLE");
        e = catchThrowableOfType(ConfigurationException.class, () -> CloudFrontEnvironment.from(env));
        assertThat(e.getMessage()).contains("looks like a distribution ID");
    }

    @Test
    void fromEnvironment_wrongValues_everyProblemReportedWithoutSecrets() {
        Map<String, String> env = seed();
        env.put("AWS_CLOUDFRONT_KEY_ID", PUBLIC_PEM);                       // django-storages mix-up (SPEC §4.1)
        env.put("AWS_CLOUDFRONT_PUBLIC_KEY", TestKeys.pub(TestKeys.RSA_OTHER).toPem()); // another key: the classic 403
        env.put("AWS_CLOUDFRONT_DISTRIBUTION_ID", "d111111abcdef8.cloudfront.net");
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> CloudFrontEnvironment.from(env));
        assertThat(e.problems()).extracting(ConfigurationException.Problem::variable).containsExactly(
                "AWS_CLOUDFRONT_KEY_ID", "AWS_CLOUDFRONT_PUBLIC_KEY", "AWS_CLOUDFRONT_DISTRIBUTION_ID");
        assertThat(e.getMessage()).contains("looks like a key").contains("does not belong");
        dev.cfsign.keys.Fixtures.assertNoKeyMaterial(e.getMessage(), PRIVATE_PEM);
        dev.cfsign.keys.Fixtures.assertNoKeyMaterial(e.getMessage(), PUBLIC_PEM);
    }

    @Test
    void fromEnvironment_privateKeyVariableHoldsAPath_saysSo() {
        Map<String, String> env = seed();
        env.put("AWS_CLOUDFRONT_PRIVATE_KEY", "/etc/cloudfront/private_key.pem");
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> CloudFrontEnvironment.from(env));
        assertThat(e.problems()).extracting(ConfigurationException.Problem::variable).contains("AWS_CLOUDFRONT_PRIVATE_KEY");
        assertThat(e.getMessage()).containsIgnoringCase("path");
    }

    @Test
    void toString_environment_showsNoKeyMaterial() {
        String s = CloudFrontEnvironment.from(seed()).toString();
        assertThat(s).contains("K2JCJMDEHXQW5F").contains("RSA-2048");
        dev.cfsign.keys.Fixtures.assertNoKeyMaterial(s, PRIVATE_PEM);
    }

    @Test
    void everyVariable_quotedOrPadded_readTheSameWay() {
        Map<String, String> env = seed();
        env.put("AWS_CLOUDFRONT_KEY_ID", " \"K2JCJMDEHXQW5F\" ");
        env.put("AWS_CLOUDFRONT_CUSTOM_DOMAIN", "'cdn.example.com'\r\n");
        env.put("AWS_CLOUDFRONT_DISTRIBUTION_ID", "\"E2QWRUHEXAMPLE\"");
        CloudFrontEnvironment e = CloudFrontEnvironment.from(env);
        assertThat(e.keyPairId()).isEqualTo("K2JCJMDEHXQW5F");
        assertThat(e.baseUrl()).contains("https://cdn.example.com");
        assertThat(e.distributionId()).contains("E2QWRUHEXAMPLE");
    }

    @Test
    void distributionIdAsDomain_refusedForSigningAndVerifyingAlike() {
        Map<String, String> env = seed();
        env.remove("AWS_CLOUDFRONT_CUSTOM_DOMAIN");
        env.put("AWS_CLOUDFRONT_DOMAIN", "E2QWRUHAPOMQZL");
        for (Runnable read : List.<Runnable>of(() -> CloudFrontEnvironment.from(env),
                () -> CloudFrontEnvironment.forVerifying(env), () -> CloudFrontEnvironment.check(env))) {
            ConfigurationException e = catchThrowableOfType(ConfigurationException.class, read::run);
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.variable()).isEqualTo("AWS_CLOUDFRONT_DOMAIN");
                assertThat(p.message()).contains("distribution ID").contains("d111111abcdef8.cloudfront.net");
            });
        }
    }

    @Test
    void forVerifying_publicKeyOrDerived_nothingSetIsEmpty() {
        Map<String, String> env = seed();
        env.remove("AWS_CLOUDFRONT_PRIVATE_KEY");
        CloudFrontEnvironment pub = CloudFrontEnvironment.forVerifying(env).orElseThrow();
        assertThat(pub.verificationKey()).contains(TestKeys.pub(PAIR));
        assertThatThrownBy(pub::signingKey).isInstanceOf(IllegalStateException.class);

        Map<String, String> priv = seed();
        priv.remove("AWS_CLOUDFRONT_PUBLIC_KEY");
        assertThat(CloudFrontEnvironment.forVerifying(priv).orElseThrow().verificationKey()).contains(TestKeys.pub(PAIR));

        assertThat(CloudFrontEnvironment.forVerifying(Map.of("HOME", "/root"))).isEmpty();
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> CloudFrontEnvironment.forVerifying(Map.of("AWS_CLOUDFRONT_KEY_ID", "K2JCJMDEHXQW5F")));
        assertThat(e.problems()).extracting(ConfigurationException.Problem::variable)
                .containsExactly("AWS_CLOUDFRONT_PUBLIC_KEY");
    }

    @Test
    void check_onlyWhatIsSet_accountIdAsKeyIdRefused() {
        CloudFrontEnvironment.check(Map.of("AWS_CLOUDFRONT_DOMAIN", "d111111abcdef8.cloudfront.net"));
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> CloudFrontEnvironment.check(Map.of("AWS_CLOUDFRONT_KEY_ID", "123456789012")));
        assertThat(e.problems()).extracting(ConfigurationException.Problem::variable)
                .containsExactly("AWS_CLOUDFRONT_KEY_ID");
    }

    @Test
    void withEnvFile_fileReplacesEveryCloudFrontVariable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, "export AWS_CLOUDFRONT_KEY_ID='KFILE'\r\nOTHER=from-file\r\n");
        Map<String, String> merged = CloudFrontEnvironment.withEnvFile(Map.of("AWS_CLOUDFRONT_KEY_ID", "KENV",
                "AWS_CLOUDFRONT_PUBLIC_KEY", "stale", "OTHER", "env", "HOME", "/root"), file);
        assertThat(merged).containsExactlyInAnyOrderEntriesOf(Map.of("AWS_CLOUDFRONT_KEY_ID", "KFILE",
                "OTHER", "from-file", "HOME", "/root"));
    }

    @Test
    void baseUrlOf_namesTheSource() {
        assertThat(CloudFrontEnvironment.baseUrlOf("--base-url", "cdn.example.com/")).isEqualTo("https://cdn.example.com");
        assertThatThrownBy(() -> CloudFrontEnvironment.baseUrlOf("--base-url", "https://E2QWRUHAPOMQZL"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("--base-url: ");
    }
}
