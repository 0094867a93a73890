package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudFrontSignerTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static CloudFrontSigner rsa(HashAlgorithm h) {
        return CloudFrontSigner.builder().keyPairId("K2JCJMDEHXQW5F").signingKey(TestKeys.signingKey(TestKeys.RSA_2048))
                .hashAlgorithm(h).clock(CLOCK).build();
    }

    static final CloudFrontSigner SIGNER = rsa(HashAlgorithm.SHA1);

    static SigningException.Reason reasonOf(Throwable t) {
        return ((SigningException) t).reason();
    }

    @Test
    void signUrl_duration_expiresRelativeToInjectedClock() {
        SignedUrl url = SIGNER.signUrl("https://cdn.example.com/a.txt", Duration.ofHours(2));
        assertThat(url.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(url.url()).contains("?Expires=" + NOW.plus(Duration.ofHours(2)).getEpochSecond() + "&Signature=");
    }

    @Test
    void signUrl_fractionalExpiry_isTruncatedToWholeSeconds() {
        SignedUrl url = SIGNER.signUrl("https://cdn.example.com/a.txt", NOW.plusMillis(90_500));
        assertThat(url.expiresAt()).isEqualTo(NOW.plusSeconds(90));
    }

    @Test
    void signUrl_noPath_signsSlash() {
        SignedUrl url = SIGNER.signUrl("https://cdn.example.com", NOW.plusSeconds(60));
        assertThat(url.url()).startsWith("https://cdn.example.com/?Expires=");
        assertThat(url.policy().resource()).contains("https://cdn.example.com/");
    }

    @Test
    void signUrl_emptyQuery_dropsLoneQuestionMark() {
        SignedUrl url = SIGNER.signUrl("https://cdn.example.com/a.txt?", NOW.plusSeconds(60));
        assertThat(url.url()).startsWith("https://cdn.example.com/a.txt?Expires=");
        assertThat(url.unsignedUrl()).isEqualTo("https://cdn.example.com/a.txt");
    }

    @Test
    void signUrl_sha256_appendsHashAlgorithmLastAndSignsWithSha256() {
        SignedUrl url = rsa(HashAlgorithm.SHA256).signUrl("https://cdn.example.com/a.txt?x=1", NOW.plusSeconds(60));
        assertThat(url.url()).matches("https://cdn\\.example\\.com/a\\.txt\\?x=1&Expires=\\d+&Signature=[A-Za-z0-9~_-]+"
                + "&Key-Pair-Id=K2JCJMDEHXQW5F&Hash-Algorithm=SHA256");
        byte[] policy = url.policy().toJson().getBytes(StandardCharsets.UTF_8);
        String sig = SepVectorsTest.signatureOf(url.url());
        assertThat(TestKeys.jdkVerify("SHA256withRSA", TestKeys.RSA_2048.getPublic(), policy, sig)).isTrue();
        assertThat(TestKeys.jdkVerify("SHA1withRSA", TestKeys.RSA_2048.getPublic(), policy, sig)).isFalse();
    }

    @Test
    void signUrl_ecdsa_producesDerSignatureThatVerifies() {
        CloudFrontSigner ec = CloudFrontSigner.builder().keyPairId("K2ECDSA").signingKey(TestKeys.signingKey(TestKeys.EC_P256))
                .clock(CLOCK).build();
        for (HashAlgorithm h : HashAlgorithm.values()) {
            CloudFrontSigner s = CloudFrontSigner.builder().keyPairId("K2ECDSA")
                    .signingKey(TestKeys.signingKey(TestKeys.EC_P256)).hashAlgorithm(h).clock(CLOCK).build();
            SignedUrl url = s.signUrl("https://cdn.example.com/v.mp4", NOW.plusSeconds(60));
            byte[] der = TestKeys.cfDecode(SepVectorsTest.signatureOf(url.url()));
            assertThat(der[0]).isEqualTo((byte) 0x30); // ASN.1 SEQUENCE, as CloudFront expects
            assertThat(TestKeys.jdkVerify(h.jcaAlgorithm("EC"), TestKeys.EC_P256.getPublic(),
                    url.policy().toJson().getBytes(StandardCharsets.UTF_8), SepVectorsTest.signatureOf(url.url()))).isTrue();
        }
        assertThat(ec.toString()).contains("ECDSA P-256").contains("SHA1withECDSA");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cdn.example.com/a.txt                              | INVALID_URL",
        "/videos/a.mp4                                      | INVALID_URL",
        "ftp://cdn.example.com/a.txt                        | INVALID_URL",
        "HTTPS://cdn.example.com/a.txt                      | INVALID_URL",
        "https://CDN.example.com/a.txt                      | INVALID_URL",
        "https://cdn.example.com/a.txt#part                 | INVALID_URL",
        "https://cdn.example.com/my file.txt                | INVALID_URL",
        "https://cdn.example.com/caf\u00e9.txt              | INVALID_URL",
        "https://cdn.example.com/a<b>.txt                   | INVALID_URL",
        "https://cdn.example.com/a\\b.txt                   | INVALID_URL",
        "https://cdn.example.com/a{b}.txt                   | INVALID_URL",
        "https://cdn.example.com/100%.txt                   | INVALID_URL",
        "https://cdn.example.com/%zz.txt                    | INVALID_URL",
        "https://user@cdn.example.com/a.txt                 | INVALID_URL",
        "https:///a.txt                                     | INVALID_URL",
        "https://cdn.example.com/a/../b.txt                 | INVALID_URL",
        "https://cdn.example.com/a/%2E%2E/b.txt             | INVALID_URL",
        "https://cdn.example.com/a.txt?Expires=1            | ALREADY_SIGNED",
        "https://cdn.example.com/a.txt?x=1&Signature=abc    | ALREADY_SIGNED",
        "https://cdn.example.com/a.txt?Key-Pair-Id=K        | ALREADY_SIGNED",
        "https://cdn.example.com/a.txt?Policy=e30_          | ALREADY_SIGNED",
        "https://cdn.example.com/a.txt?Hash-Algorithm=SHA1  | ALREADY_SIGNED",
        "https://cdn.example.com/videos/*                   | WILDCARD_IN_CANNED_POLICY",
        "https://cdn.example.com/a*.txt?x=1                 | WILDCARD_IN_CANNED_POLICY",
        "https://cdn.example.com/a^b.txt                    | INVALID_URL",
    })
    void signUrl_badUrl_refusedWithReasonAndWithoutEchoingTheUrl(String url, SigningException.Reason reason) {
        assertThatThrownBy(() -> SIGNER.signUrl(url, NOW.plusSeconds(60)))
                .isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(reason))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(url).doesNotContain("cdn.example.com"));
    }

    /** RFC 6266 {@code filename*=}: in a canned query '*' is a literal character, as the AWS SDK for JavaScript signs it. */
    @Test
    void signUrl_literalStarInCannedQuery_signedAndVerified() {
        String url = "https://cdn.example.com/r.pdf?response-content-disposition=attachment%3B%20filename*%3DUTF-8%27%27r%C3%A9sum%C3%A9.pdf&v={1|2}";
        SignedUrl signed = SIGNER.signUrl(url, NOW.plusSeconds(60));

        assertThat(signed.url()).startsWith(url + "&Expires=");
        assertThat(CloudFrontVerifier.builder().trust("K2JCJMDEHXQW5F", TestKeys.pub(TestKeys.RSA))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().check(ViewerRequest.of(signed.url())).isAllowed())
                .isTrue();
    }

    @Test
    void signUrl_ownParameterNamedLikeSigningParameterButDifferentCase_isSignedAsGiven() {
        SignedUrl url = SIGNER.signUrl("https://cdn.example.com/a.txt?expires=soon", NOW.plusSeconds(60));
        assertThat(url.url()).startsWith("https://cdn.example.com/a.txt?expires=soon&Expires=");
    }

    @Test
    void signUrl_expiryNotAfterNow_refused() {
        assertThatThrownBy(() -> SIGNER.signUrl("https://cdn.example.com/a.txt", NOW))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(SigningException.Reason.EXPIRATION_NOT_IN_FUTURE))
                .hasMessageContaining("not after the current time");
        assertThatThrownBy(() -> SIGNER.signUrl("https://cdn.example.com/a.txt", Duration.ofSeconds(-5)))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(SigningException.Reason.EXPIRATION_NOT_IN_FUTURE));
    }

    @Test
    void signUrl_epochBeyond2038_refused() {
        CloudFrontSigner s = CloudFrontSigner.builder().keyPairId("K1").signingKey(TestKeys.signingKey(TestKeys.RSA_2048))
                .clock(CLOCK).build();
        assertThatThrownBy(() -> s.signUrl("https://cdn.example.com/a.txt", Instant.ofEpochSecond(2147483648L)))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(SigningException.Reason.EPOCH_OUT_OF_RANGE))
                .hasMessageContaining("2147483647");
        assertThat(s.signUrl("https://cdn.example.com/a.txt", Instant.ofEpochSecond(2147483647L)).url())
                .contains("Expires=2147483647&");
    }

    @Test
    void signUrl_millisecondsMistakenForSeconds_refusedAsOutOfRange() {
        // A classic bug (docs/cloudfront-rules.md §5.5): Date.now()-style milliseconds used as an epoch.
        Instant millisAsSeconds = Instant.ofEpochSecond(NOW.toEpochMilli());
        assertThatThrownBy(() -> SIGNER.signUrl("https://cdn.example.com/a.txt", millisAsSeconds))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(SigningException.Reason.EPOCH_OUT_OF_RANGE));
    }

    @Test
    void signUrl_customWithoutResource_usesTheUrlAsResource() {
        SignedUrl url = SIGNER.signUrl("https://cdn.example.com/a.txt?x=1", CustomPolicy.builder().expiresAt(NOW.plusSeconds(60)).build());
        assertThat(url.isCustomPolicy()).isTrue();
        assertThat(url.policy().resource()).contains("https://cdn.example.com/a.txt?x=1");
        assertThat(url.url()).startsWith("https://cdn.example.com/a.txt?x=1&Policy=");
    }

    @Test
    void signCookies_customWithoutResource_refused() {
        assertThatThrownBy(() -> SIGNER.signCookies(CustomPolicy.builder().expiresAt(NOW.plusSeconds(60)).build()))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(SigningException.Reason.INVALID_RESOURCE));
    }

    @Test
    void customPolicy_nonAsciiOrSpaceResource_refused() {
        for (String r : List.of("https://cdn.example.com/caf\u00e9/*", "https://cdn.example.com/my file/*", "", "https://x/\u0000")) {
            assertThatThrownBy(() -> CustomPolicy.builder().resource(r).expiresAt(NOW.plusSeconds(60)).build())
                    .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(SigningException.Reason.INVALID_RESOURCE));
        }
    }

    @Test
    void toSetCookieHeaders_defaults_areSecureHttpOnlySessionCookiesOnRootPath() {
        SignedCookies c = SIGNER.signCookies(CustomPolicy.builder().resource("https://cdn.example.com/videos/*")
                .expiresAt(NOW.plusSeconds(3600)).build());
        List<String> headers = c.toSetCookieHeaders();
        assertThat(headers).hasSize(3);
        assertThat(headers.get(0)).startsWith("CloudFront-Policy=").endsWith("; Path=/; Secure; HttpOnly");
        assertThat(headers.get(1)).startsWith("CloudFront-Signature=");
        assertThat(headers.get(2)).isEqualTo("CloudFront-Key-Pair-Id=K2JCJMDEHXQW5F; Path=/; Secure; HttpOnly");
        assertThat(String.join("", headers)).doesNotContain("Expires=").doesNotContain("Max-Age").doesNotContain("Domain");
    }

    @Test
    void toSetCookieHeaders_customAttributes_renderedInOrder() {
        SignedCookies c = rsa(HashAlgorithm.SHA256).signCookies("https://cdn.example.com/a.txt", NOW.plusSeconds(3600));
        CookieAttributes attrs = CookieAttributes.builder().domain(".example.com").path("/videos")
                .sameSite(CookieAttributes.SameSite.LAX).maxAge(Duration.ofMinutes(30)).build();
        List<String> headers = c.toSetCookieHeaders(attrs);
        assertThat(headers).hasSize(4);
        assertThat(headers.get(3)).isEqualTo(
                "CloudFront-Hash-Algorithm=SHA256; Domain=example.com; Path=/videos; Max-Age=1800; Secure; HttpOnly; SameSite=Lax");
        assertThat(c.toCookieHeader()).startsWith("CloudFront-Expires=").contains("; CloudFront-Signature=")
                .endsWith("; CloudFront-Key-Pair-Id=K2JCJMDEHXQW5F; CloudFront-Hash-Algorithm=SHA256");
    }

    @Test
    void cookieAttributes_invalidCombinations_refused() {
        assertThatThrownBy(() -> CookieAttributes.builder().domain("cloudfront.net").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cloudfront.net");
        assertThatThrownBy(() -> CookieAttributes.builder().sameSite(CookieAttributes.SameSite.NONE).secure(false).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Secure");
        assertThatThrownBy(() -> CookieAttributes.builder().path("videos").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CookieAttributes.builder().domain("Evil.com; x").build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_signedUrlAndCookies_hideSignatureQueryAndValues() {
        SignedUrl url = SIGNER.signUrl("https://cdn.example.com/a.txt?secret-token=abc", NOW.plusSeconds(60));
        SignedCookies cookies = SIGNER.signCookies("https://cdn.example.com/a.txt", NOW.plusSeconds(60));
        String sig = SepVectorsTest.signatureOf(url.url());
        assertThat(url.toString()).doesNotContain(sig).doesNotContain(sig.substring(0, 16)).doesNotContain("secret-token")
                .contains("https://cdn.example.com/a.txt").contains("K2JCJMDEHXQW5F");
        String cookieSig = cookies.get(SignedCookies.SIGNATURE).orElseThrow();
        assertThat(cookies.toString()).doesNotContain(cookieSig.substring(0, 16)).contains("CloudFront-Signature=<redacted>");
        assertThat(cookies.cookies().get(1).toString()).isEqualTo("CloudFront-Signature=<redacted>");
        assertThat(SIGNER.toString()).contains("K2JCJMDEHXQW5F").contains("RSA-2048").contains("SHA1withRSA");
    }

    @Test
    void builder_missingPieces_fail() {
        assertThatThrownBy(() -> CloudFrontSigner.builder().signingKey(TestKeys.signingKey(TestKeys.RSA_2048)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keyPairId");
        assertThatThrownBy(() -> CloudFrontSigner.builder().keyPairId("K1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("signingKey");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                        | empty",
        "123456789012                              | account ID",
        "a1b2c3d4-5678-90ab-cdef-123456789012      | key group ID",
        "-----BEGIN PUBLIC KEY-----                | not an ID",
        "K2 JC                                     | only letters",
    })
    void keyPairId_commonMixUps_refusedWithHint(String id, String hint) {
        assertThatThrownBy(() -> CloudFrontSigner.builder().keyPairId(id))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(SigningException.Reason.INVALID_KEY_PAIR_ID))
                .hasMessageContaining(hint.equals("not an ID") ? "looks like a key" : hint);
    }

    @Test
    void signObject_usesBaseUrlAndEncodesKey() {
        CloudFrontSigner s = CloudFrontSigner.builder().keyPairId("K1").signingKey(TestKeys.signingKey(TestKeys.RSA_2048))
                .clock(CLOCK).baseUrl("https://cdn.example.com/").build();
        SignedUrl url = s.signObject("/videos/my clip+1.mp4");
        assertThat(url.unsignedUrl()).isEqualTo("https://cdn.example.com/videos/my%20clip%2B1.mp4");
        assertThat(url.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(20)));
        CloudFrontSigner noBase = CloudFrontSigner.builder().keyPairId("K1")
                .signingKey(TestKeys.signingKey(TestKeys.RSA_2048)).build();
        assertThatThrownBy(() -> noBase.signObject("a.txt")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_CLOUDFRONT_CUSTOM_DOMAIN");
    }

    @Test
    void signUrl_sharedAcrossThreads_givesIdenticalDeterministicResults() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            urls.add("https://cdn.example.com/file-" + i + ".bin");
        }
        List<String> expected = urls.stream().map(u -> SIGNER.signUrl(u, NOW.plusSeconds(600)).url()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < urls.size(); i++) {
                        String u = SIGNER.signUrl(urls.get(i), NOW.plusSeconds(600)).url();
                        seen.add(u);
                        if (!u.equals(expected.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
            assertThat(seen).hasSize(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void canonicalUrl_isTheResourceSignUrlUses() {
        for (String u : List.of("https://cdn.example.com", "https://cdn.example.com/a?", "https://cdn.example.com/a?x=1")) {
            assertThat(CloudFrontSigner.canonicalUrl(u)).isEqualTo(SIGNER.signUrl(u, NOW.plusSeconds(60)).unsignedUrl());
        }
        assertThatThrownBy(() -> CloudFrontSigner.canonicalUrl("https://cdn.example.com/a b"))
                .isInstanceOf(SigningException.class);
    }

    @Test
    void parseUnverified_signedUrls_readBackWhatWasSigned() {
        SignedUrl custom = SIGNER.signUrl("https://cdn.example.com/v/a.mp4?q=1", CustomPolicy.builder()
                .resource("https://cdn.example.com/v/*").expiresAt(NOW.plusSeconds(600)).activeFrom(NOW.minusSeconds(5))
                .ipRange("198.51.100.0/24").build());
        SignedRequestParts parts = SignedRequestParts.parseUnverified(custom.url());
        assertThat(parts.isCannedPolicy()).isFalse();
        assertThat(parts.resource()).contains("https://cdn.example.com/v/*");
        assertThat(parts.activeFrom()).contains(NOW.minusSeconds(5));
        assertThat(parts.ipRange()).contains("198.51.100.0/24");
        assertThat(parts.expiresAt()).contains(NOW.plusSeconds(600));
        SignedRequestParts canned = SignedRequestParts.parseUnverified(SIGNER.signUrl("https://cdn.example.com/a?x=1",
                NOW.plusSeconds(60)).url());
        assertThat(canned.resource()).contains("https://cdn.example.com/a?x=1");
        assertThat(canned.activeFrom()).isEmpty();
        assertThat(canned.toString()).doesNotContain(SepVectorsTest.signatureOf(custom.url()).substring(0, 16));
    }

    @Test
    void signUrl_signedUrlOver8192Bytes_urlTooLongWithoutEchoingTheUrl() {
        String base = "https://cdn.example.com/a.txt?q=";
        // RSA-2048 adds "&Expires=...&Signature=<344>&Key-Pair-Id=K2JCJMDEHXQW5F" (about 400 bytes).
        String fits = base + "x".repeat(CloudFrontSigner.MAX_URL_BYTES - base.length() - 500);
        assertThat(SIGNER.signUrl(fits, NOW.plusSeconds(60)).url().length()).isLessThanOrEqualTo(CloudFrontSigner.MAX_URL_BYTES);

        String tooLong = base + "y".repeat(CloudFrontSigner.MAX_URL_BYTES - base.length() - 100);
        assertThatThrownBy(() -> SIGNER.signUrl(tooLong, NOW.plusSeconds(60)))
                .isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(SigningException.Reason.URL_TOO_LONG))
                .hasMessageContaining("8192 bytes").hasMessageContaining("Shorten the URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("yyyyyyyyyyyyyyyy"));
    }

    @Test
    void signUrl_customPolicyPushesUrlOver8192Bytes_urlTooLongSuggestsWildcardOrCookies() {
        // The Policy parameter repeats the resource in base64 (4/3 longer): a 4,000-byte URL no longer fits.
        String url = "https://cdn.example.com/" + "p".repeat(4000);
        CustomPolicy policy = CustomPolicy.builder().expiresAt(NOW.plusSeconds(60)).build();

        assertThatThrownBy(() -> SIGNER.signUrl(url, policy))
                .isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(SigningException.Reason.URL_TOO_LONG))
                .hasMessageContaining("wildcard").hasMessageContaining("cookies");
        assertThat(SIGNER.signCookies(policy.withResource(url)).cookies()).isNotEmpty();
    }

    /**
     * Found by UrlFuzzTest#canonicalUrl: "https://host:/a" was signed as written, but browsers drop an empty port
     * (and a default one), so the request never matched the signature.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"https://cdn.example.com:/a.txt",
        "https://cdn.example.com:443/a.txt", "http://cdn.example.com:80/a.txt", "https://cdn.example.com:0443/a.txt",
        "https://cdn.example.com:x/a.txt", "https://cdn.example.com:70000/a.txt", "https://cdn.example.com:?a=1",
        "http://c]d]x.com:8]080/a/", "http://cdn.example.com]/a", "http://[::1/a", "http://[::1]x/a", "http://a[::1]/a"})
    void signUrl_portBrowsersRewrite_invalidUrl(String url) {
        assertThatThrownBy(() -> SIGNER.signUrl(url, NOW.plusSeconds(60)))
                .isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(SigningException.Reason.INVALID_URL))
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("port", "IPv6"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"http://localhost:8080/a.txt", "https://cdn.example.com:8443/a",
        "http://127.0.0.1:1/a", "http://[::1]:8080/a", "http://[::1]/a"})
    void signUrl_explicitNonDefaultPort_signedAsWritten(String url) {
        assertThat(CloudFrontSigner.canonicalUrl(url)).isEqualTo(url);
        assertThat(ViewerRequest.of(url).url()).isEqualTo(url);
    }
}
