package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Signatures must not depend on the provider: RSA byte-identical, ECDSA verifiable by the JDK. */
class CryptoProvidersTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static Provider jdkRsaProvider() throws Exception {
        return Signature.getInstance("SHA1withRSA", "SunRsaSign").getProvider();
    }

    static CloudFrontSigner signer(java.security.KeyPair pair, HashAlgorithm h, Provider p) {
        return CloudFrontSigner.builder().keyPairId("K1").signingKey(TestKeys.signingKey(pair)).hashAlgorithm(h)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).provider(p).build();
    }

    @Test
    void preferred_followsTheSystemProperty() {
        boolean disabled = "jdk".equals(System.getProperty("cfsign.crypto.provider"));
        if (disabled) {
            assertThat(CryptoProviders.preferred()).isEmpty();
            assertThat(CryptoProviders.describePreferred()).startsWith("JDK");
        } else {
            // The build puts the Corretto provider on the test class path for linux-x86_64.
            assumeTrue(System.getProperty("os.arch").equals("amd64"));
            assertThat(CryptoProviders.preferred()).isPresent();
            assertThat(CryptoProviders.describePreferred()).startsWith("AmazonCorrettoCryptoProvider");
            assertThat(signer(TestKeys.RSA_2048, HashAlgorithm.SHA1, null).provider().getName())
                    .isEqualTo("AmazonCorrettoCryptoProvider");
            assertThat(signer(TestKeys.RSA_2048, HashAlgorithm.SHA1, null).toString()).contains("AmazonCorrettoCryptoProvider");
        }
    }

    @Test
    void rsa_correttoAndJdk_produceIdenticalUrls() throws Exception {
        Provider corretto = CryptoProviders.corretto().orElse(null);
        assumeTrue(corretto != null, "Corretto provider not available here");
        for (HashAlgorithm h : HashAlgorithm.values()) {
            CloudFrontSigner a = signer(TestKeys.RSA_2048, h, corretto);
            CloudFrontSigner b = signer(TestKeys.RSA_2048, h, jdkRsaProvider());
            assertThat(a.provider().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
            assertThat(b.provider().getName()).isEqualTo("SunRsaSign");
            for (int i = 0; i < 50; i++) {
                String url = "https://cdn.example.com/file-" + i + ".mp4?q=" + i;
                assertThat(a.signUrl(url, NOW.plusSeconds(600 + i)).url()).isEqualTo(b.signUrl(url, NOW.plusSeconds(600 + i)).url());
            }
        }
    }

    @Test
    void ecdsa_corretto_signaturesVerifyWithTheJdk() {
        Provider corretto = CryptoProviders.corretto().orElse(null);
        assumeTrue(corretto != null, "Corretto provider not available here");
        for (HashAlgorithm h : HashAlgorithm.values()) {
            SignedUrl url = signer(TestKeys.EC_P256, h, corretto).signUrl("https://cdn.example.com/v.mp4", NOW.plusSeconds(60));
            assertThat(TestKeys.jdkVerify(h.jcaAlgorithm("EC"), TestKeys.EC_P256.getPublic(),
                    url.policy().toJson().getBytes(StandardCharsets.UTF_8), SepVectorsTest.signatureOf(url.url()))).isTrue();
        }
    }
}
