package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiryGranularityTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:01:10Z");

    /** Counts signatures actually computed, by wrapping the JDK's RSA provider. */
    static final class CountingProvider extends Provider {
        private static final long serialVersionUID = 1L;
        final AtomicInteger signs = new AtomicInteger();

        CountingProvider() throws Exception {
            super("Counting", "1", "counts SHA1withRSA signatures");
            Provider jdk = java.security.Signature.getInstance("SHA1withRSA", "SunRsaSign").getProvider();
            putService(new Service(this, "Signature", "SHA1withRSA", Counting.class.getName(), null, null) {
                @Override
                public Object newInstance(Object param) {
                    try {
                        return new Counting(java.security.Signature.getInstance("SHA1withRSA", jdk), signs);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
    }

    static final class Counting extends java.security.SignatureSpi {
        private final java.security.Signature delegate;
        private final AtomicInteger signs;

        Counting(java.security.Signature delegate, AtomicInteger signs) {
            this.delegate = delegate;
            this.signs = signs;
        }

        @Override protected void engineInitVerify(java.security.PublicKey k) throws java.security.InvalidKeyException { delegate.initVerify(k); }
        @Override protected void engineInitSign(java.security.PrivateKey k) throws java.security.InvalidKeyException { delegate.initSign(k); }
        @Override protected void engineUpdate(byte b) throws java.security.SignatureException { delegate.update(b); }
        @Override protected void engineUpdate(byte[] b, int o, int l) throws java.security.SignatureException { delegate.update(b, o, l); }
        @Override protected byte[] engineSign() throws java.security.SignatureException { signs.incrementAndGet(); return delegate.sign(); }
        @Override protected boolean engineVerify(byte[] s) throws java.security.SignatureException { return delegate.verify(s); }
        @Override @Deprecated protected void engineSetParameter(String p, Object v) { }
        @Override @Deprecated protected Object engineGetParameter(String p) { return null; }
    }

    @Test
    void expiryGranularity_roundsUpAndSignsEachUrlOncePerWindow() throws Exception {
        CountingProvider counting = new CountingProvider();
        CloudFrontSigner s = CloudFrontSigner.builder().keyPairId("K1").signingKey(TestKeys.signingKey(TestKeys.RSA_2048))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).provider(counting).expiryGranularity(Duration.ofMinutes(5)).build();
        int afterSelfTest = counting.signs.get();
        SignedUrl first = s.signUrl("https://cdn.example.com/thumb/1.jpg", Duration.ofHours(1));
        // 12:01:10 + 1h = 13:01:10, rounded up to 13:05:00
        assertThat(first.expiresAt()).isEqualTo(Instant.parse("2026-03-01T13:05:00Z"));
        for (int i = 0; i < 1000; i++) {
            assertThat(s.signUrl("https://cdn.example.com/thumb/1.jpg", Duration.ofHours(1)).url()).isEqualTo(first.url());
        }
        s.signUrl("https://cdn.example.com/thumb/2.jpg", Duration.ofHours(1));
        assertThat(counting.signs.get() - afterSelfTest).isEqualTo(2);
        // the cached signature is a real one
        assertThat(TestKeys.jdkVerify("SHA1withRSA", TestKeys.RSA_2048.getPublic(),
                first.policy().toJson().getBytes(StandardCharsets.UTF_8), SepVectorsTest.signatureOf(first.url()))).isTrue();
        assertThat(s.toString()).contains("granularity 300s");
    }

    @Test
    void expiryGranularity_alreadyAlignedExpiry_isKept() {
        CloudFrontSigner s = CloudFrontSigner.builder().keyPairId("K1").signingKey(TestKeys.signingKey(TestKeys.RSA_2048))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).expiryGranularity(Duration.ofMinutes(5)).build();
        Instant aligned = Instant.parse("2026-03-01T14:00:00Z");
        assertThat(s.signUrl("https://cdn.example.com/a", aligned).expiresAt()).isEqualTo(aligned);
        CustomPolicy p = CustomPolicy.builder().resource("https://cdn.example.com/*").expiresAt(Instant.parse("2026-03-01T14:00:01Z")).build();
        assertThat(s.signCookies(p).expiresAt()).isEqualTo(Instant.parse("2026-03-01T14:05:00Z"));
    }

    @Test
    void expiryGranularity_smallCache_staysBoundedAndCorrect() {
        CloudFrontSigner s = CloudFrontSigner.builder().keyPairId("K1").signingKey(TestKeys.signingKey(TestKeys.RSA_2048))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).expiryGranularity(Duration.ofMinutes(1)).signatureCacheSize(3).build();
        CloudFrontSigner exact = CloudFrontSigner.builder().keyPairId("K1").signingKey(TestKeys.signingKey(TestKeys.RSA_2048))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10; i++) {
                String u = "https://cdn.example.com/" + i;
                SignedUrl cached = s.signUrl(u, Duration.ofMinutes(10));
                assertThat(cached.url()).isEqualTo(exact.signUrl(u, cached.expiresAt()).url());
            }
        }
    }

    /** A cached URL is served again only while its expiry is still ahead of the signer's clock. */
    @Test
    void expiryGranularity_cachedUrl_stillRefusedOnceItsExpiryHasPassed() {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        CloudFrontSigner s = CloudFrontSigner.builder().keyPairId("K1").signingKey(TestKeys.signingKey(TestKeys.RSA_2048))
                .clock(moving).expiryGranularity(Duration.ofMinutes(5)).build();
        Instant expires = NOW.plus(Duration.ofMinutes(30));
        SignedUrl first = s.signUrl("https://cdn.example.com/a.jpg", expires);
        assertThat(s.signUrl("https://cdn.example.com/a.jpg", expires).url()).isEqualTo(first.url());

        now[0] = first.expiresAt();
        assertThatThrownBy(() -> s.signUrl("https://cdn.example.com/a.jpg", expires))
                .isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(((SigningException) e).reason())
                        .isEqualTo(SigningException.Reason.EXPIRATION_NOT_IN_FUTURE));
    }

    /** Refusals are not cached, and URL and cookie entries for the same resource do not mix. */
    @Test
    void expiryGranularity_refusedUrlsAndCookies_doNotPolluteTheUrlCache() {
        CloudFrontSigner s = CloudFrontSigner.builder().keyPairId("K1").signingKey(TestKeys.signingKey(TestKeys.RSA_2048))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).expiryGranularity(Duration.ofMinutes(5)).build();
        CloudFrontSigner exact = CloudFrontSigner.builder().keyPairId("K1").signingKey(TestKeys.signingKey(TestKeys.RSA_2048))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> s.signUrl("https://cdn.example.com/a.jpg#top", Duration.ofHours(1)))
                    .isInstanceOf(SigningException.class);
        }
        SignedCookies cookies = s.signCookies("https://cdn.example.com/a.jpg", Duration.ofHours(1));
        SignedUrl url = s.signUrl("https://cdn.example.com/a.jpg", Duration.ofHours(1));
        assertThat(url.url()).isEqualTo(exact.signUrl("https://cdn.example.com/a.jpg", url.expiresAt()).url());
        assertThat(url.url()).contains("Signature=" + cookies.get(SignedCookies.SIGNATURE).orElseThrow());
        // the same URL given in another form is a different key, and gets its own, canonical, signed URL
        SignedUrl bare = s.signUrl("https://cdn.example.com", Duration.ofHours(1));
        assertThat(bare.url()).startsWith("https://cdn.example.com/?Expires=")
                .isEqualTo(exact.signUrl("https://cdn.example.com/", bare.expiresAt()).url());
    }

    @Test
    void expiryGranularity_invalid_refused() {
        assertThatThrownBy(() -> CloudFrontSigner.builder().expiryGranularity(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloudFrontSigner.builder().signatureCacheSize(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
