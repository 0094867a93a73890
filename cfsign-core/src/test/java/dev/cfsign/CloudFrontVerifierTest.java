package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfsign.internal.CloudFrontBase64;
import dev.cfsign.internal.PolicyJson;
import dev.cfsign.keys.VerificationKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CloudFrontVerifierTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final long EXP = NOW.getEpochSecond() + 600;
    static final String ID = "K2JCJMDEHXQW5F";
    static final CloudFrontVerifier V = CloudFrontVerifier.builder().trust(ID, TestKeys.pub(TestKeys.RSA))
            .trust("KEC", TestKeys.pub(TestKeys.EC)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    static String canned(String url, long exp, HashAlgorithm h) {
        String sig = TestKeys.sign(TestKeys.RSA, h, PolicyJson.canned(url, exp));
        return url + (url.contains("?") ? "&" : "?") + "Expires=" + exp + "&Signature=" + sig + "&Key-Pair-Id=" + ID
                + (h == HashAlgorithm.SHA256 ? "&Hash-Algorithm=SHA256" : "");
    }

    static String custom(String url, String policy) {
        String sig = TestKeys.sign(TestKeys.RSA, HashAlgorithm.SHA1, policy);
        return url + (url.contains("?") ? "&" : "?") + "Policy="
                + CloudFrontBase64.encode(policy.getBytes(StandardCharsets.UTF_8)) + "&Signature=" + sig + "&Key-Pair-Id=" + ID;
    }

    static DenialReason reason(String url) {
        return V.check(ViewerRequest.of(url)).denialReason().orElse(null);
    }

    @Test
    void check_cannedUrl_allowed() {
        VerifiedRequest v = V.verify(ViewerRequest.of(canned("https://d.net/a.jpg?x=1", EXP, HashAlgorithm.SHA1)));

        assertThat(v.resource()).contains("https://d.net/a.jpg?x=1");
        assertThat(v.policyJson()).isEqualTo(PolicyJson.canned("https://d.net/a.jpg?x=1", EXP));
    }

    @Test
    void check_userParamsAfterKeyPairId_allowed() {
        String signed = canned("https://d.net/a.jpg?x=1", EXP, HashAlgorithm.SHA1);
        String moved = signed.replace("?x=1&", "?") + "&x=1";

        assertThat(V.check(ViewerRequest.of(moved)).isAllowed()).isTrue();
    }

    @Test
    void check_paramsInJsOrder_allowed() {
        String sig = TestKeys.sign(TestKeys.RSA, HashAlgorithm.SHA1, PolicyJson.canned("https://d.net/a", EXP));

        assertThat(reason("https://d.net/a?Expires=" + EXP + "&Key-Pair-Id=" + ID + "&Signature=" + sig)).isNull();
    }

    @Test
    void check_queryReordered_badSignature() {
        String signed = canned("https://d.net/a?x=1&y=2", EXP, HashAlgorithm.SHA1);

        assertThat(reason(signed.replace("x=1&y=2", "y=2&x=1"))).isEqualTo(DenialReason.BAD_SIGNATURE);
    }

    @Test
    void check_queryReencoded_badSignature() {
        String signed = canned("https://d.net/a?n=a%20b", EXP, HashAlgorithm.SHA1);

        assertThat(reason(signed.replace("a%20b", "a+b"))).isEqualTo(DenialReason.BAD_SIGNATURE);
    }

    @Test
    void check_schemeChanged_badSignature() {
        assertThat(reason(canned("https://d.net/a", EXP, HashAlgorithm.SHA1).replace("https:", "http:")))
                .isEqualTo(DenialReason.BAD_SIGNATURE);
    }

    @Test
    void check_signedUrlAndCookies_urlTakesPrecedence() {
        String good = canned("https://d.net/a", EXP, HashAlgorithm.SHA1);
        String cookieSig = TestKeys.sign(TestKeys.RSA, HashAlgorithm.SHA1, PolicyJson.canned("https://d.net/a", EXP));
        ViewerRequest badUrlGoodCookies = ViewerRequest.builder().url("https://d.net/a?Key-Pair-Id=" + ID)
                .cookieHeader("CloudFront-Expires=" + EXP + "; CloudFront-Signature=" + cookieSig
                        + "; CloudFront-Key-Pair-Id=" + ID).build();
        ViewerRequest goodUrlBadCookies = ViewerRequest.builder().url(good)
                .cookieHeader("CloudFront-Expires=1; CloudFront-Signature=AAAA; CloudFront-Key-Pair-Id=nope").build();

        assertThat(V.check(badUrlGoodCookies).denialReason()).contains(DenialReason.MISSING_EXPIRES_OR_POLICY);
        assertThat(V.verify(goodUrlBadCookies).source()).isEqualTo(CredentialSource.URL);
    }

    @Test
    void check_noCredentials_missingKeyWithXmlBody() {
        VerificationResult r = V.check(ViewerRequest.of("https://d.net/a?x=1"));

        assertThat(r.denialReason()).contains(DenialReason.NO_CREDENTIALS);
        assertThat(r.cloudFrontError().orElseThrow().xmlBody()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Error><Code>MissingKey</Code><Message>Missing Key-Pair-Id query parameter or cookie value</Message></Error>");
    }

    @Test
    void check_emptyKeyPairId_missingKey() {
        String url = canned("https://d.net/a", EXP, HashAlgorithm.SHA1).replace("Key-Pair-Id=" + ID, "Key-Pair-Id=");

        assertThat(reason(url)).isEqualTo(DenialReason.MISSING_KEY_PAIR_ID);
    }

    @Test
    void check_bothExpiresAndPolicy_accessDenied() {
        String url = canned("https://d.net/a", EXP, HashAlgorithm.SHA1) + "&Policy=eyJ9";

        VerificationResult r = V.check(ViewerRequest.of(url));

        assertThat(r.denialReason()).contains(DenialReason.BOTH_EXPIRES_AND_POLICY);
        assertThat(r.cloudFrontError()).contains(CloudFrontError.ACCESS_DENIED);
    }

    @Test
    void check_missingSignature_denied() {
        assertThat(reason("https://d.net/a?Expires=" + EXP + "&Key-Pair-Id=" + ID)).isEqualTo(DenialReason.MISSING_SIGNATURE);
    }

    @Test
    void check_unknownHashAlgorithm_denied() {
        assertThat(reason(canned("https://d.net/a", EXP, HashAlgorithm.SHA1) + "&Hash-Algorithm=MD5"))
                .isEqualTo(DenialReason.UNSUPPORTED_HASH_ALGORITHM);
        assertThat(reason(canned("https://d.net/a", EXP, HashAlgorithm.SHA1) + "&Hash-Algorithm=sha256"))
                .isEqualTo(DenialReason.UNSUPPORTED_HASH_ALGORITHM);
    }

    @Test
    void check_explicitSha1Parameter_allowed() {
        assertThat(reason(canned("https://d.net/a", EXP, HashAlgorithm.SHA1) + "&Hash-Algorithm=SHA1")).isNull();
    }

    @Test
    void check_sha1NotAccepted_denied() {
        CloudFrontVerifier sha256Only = CloudFrontVerifier.builder().trust(ID, TestKeys.pub(TestKeys.RSA))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).acceptedHashAlgorithms(HashAlgorithm.SHA256).build();

        assertThat(sha256Only.check(ViewerRequest.of(canned("https://d.net/a", EXP, HashAlgorithm.SHA1)))
                .denialReason()).contains(DenialReason.UNSUPPORTED_HASH_ALGORITHM);
        assertThat(sha256Only.check(ViewerRequest.of(canned("https://d.net/a", EXP, HashAlgorithm.SHA256)))
                .isAllowed()).isTrue();
    }

    @Test
    void check_signatureStandardBase64_malformedSignature() {
        String url = "https://d.net/a?Expires=" + EXP + "&Signature=ab+/cd==&Key-Pair-Id=" + ID;

        VerificationResult r = V.check(ViewerRequest.of(url));

        assertThat(r.denialReason()).contains(DenialReason.MALFORMED_SIGNATURE);
        assertThat(r.cloudFrontError().orElseThrow().xmlBody()).contains("<Message>Could not unencode Signature</Message>");
    }

    @Test
    void check_millisecondExpires_malformedPolicy() {
        String url = "https://d.net/a?Expires=1767290400000&Signature=AAAA&Key-Pair-Id=" + ID;

        assertThat(V.check(ViewerRequest.of(url)).cloudFrontError()).contains(CloudFrontError.MALFORMED_POLICY);
    }

    @Test
    void check_expiredButBadSignature_reportsBadSignatureNotExpired() {
        String url = canned("https://d.net/a", NOW.getEpochSecond() - 10, HashAlgorithm.SHA1);
        String tampered = url.replace("https://d.net/a", "https://d.net/b");

        assertThat(reason(url)).isEqualTo(DenialReason.EXPIRED);
        assertThat(reason(tampered)).isEqualTo(DenialReason.BAD_SIGNATURE);
    }

    @Test
    void check_unsignedMalformedPolicy_badSignatureNotMalformed() {
        String policy = "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1767290400000}}}]}";
        String url = "https://d.net/a?Policy=" + CloudFrontBase64.encode(policy.getBytes(StandardCharsets.UTF_8))
                + "&Signature=" + TestKeys.sign(TestKeys.RSA, HashAlgorithm.SHA1, "other") + "&Key-Pair-Id=" + ID;

        assertThat(reason(url)).isEqualTo(DenialReason.BAD_SIGNATURE);
    }

    @Test
    void check_signedMalformedPolicy_malformedPolicy() {
        String policy = "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1767290400000}}}]}";

        assertThat(reason(custom("https://d.net/a", policy))).isEqualTo(DenialReason.MALFORMED_POLICY);
    }

    @Test
    void check_customPolicyWithEscapedSeparator_allowed() {
        String policy = PolicyJson.custom("https://d.net/doc.pdf\\?v=*", EXP, null, null);

        assertThat(reason(custom("https://d.net/doc.pdf?v=3", policy))).isNull();
    }

    @Test
    void check_customPolicyWithoutResource_allowsAnyUrl() {
        String policy = PolicyJson.custom(null, EXP, null, null);

        assertThat(reason(custom("https://other.example/anything?q=1", policy))).isNull();
    }

    @Test
    void check_jsonInjectionResource_exactResourceOnly() {
        String resource = "https://example.com/file\",\"Resource\":\"*\",\"x\":\"";
        String policy = PolicyJson.custom(resource, EXP, null, null);

        assertThat(reason(custom("https://example.com/other", policy))).isEqualTo(DenialReason.RESOURCE_MISMATCH);
    }

    @Test
    void check_clockSkew_toleratesExpiryAndStart() {
        CloudFrontVerifier skewed = CloudFrontVerifier.builder().trust(ID, TestKeys.pub(TestKeys.RSA))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).clockSkew(Duration.ofSeconds(30)).build();
        String expired = canned("https://d.net/a", NOW.getEpochSecond() - 29, HashAlgorithm.SHA1);
        String tooOld = canned("https://d.net/a", NOW.getEpochSecond() - 30, HashAlgorithm.SHA1);
        String early = custom("https://d.net/a", PolicyJson.custom("https://d.net/a", EXP, NOW.getEpochSecond() + 29, null));

        assertThat(skewed.check(ViewerRequest.of(expired)).isAllowed()).isTrue();
        assertThat(skewed.check(ViewerRequest.of(tooOld)).denialReason()).contains(DenialReason.EXPIRED);
        assertThat(skewed.check(ViewerRequest.of(early)).isAllowed()).isTrue();
        assertThat(reason(early)).isEqualTo(DenialReason.NOT_YET_VALID);
    }

    @Test
    void builder_skewNegativeOrAboveCap_rejected() {
        assertThatThrownBy(() -> CloudFrontVerifier.builder().clockSkew(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloudFrontVerifier.builder().clockSkew(Duration.ofMinutes(11)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 minutes");
    }

    @Test
    void builder_noKeys_rejected() {
        assertThatThrownBy(() -> CloudFrontVerifier.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toString_configuration_showsIdsAlgorithmsSkewButNoKeyMaterial() {
        String s = V.toString();
        String spki = Base64.getEncoder().encodeToString(TestKeys.RSA.getPublic().getEncoded());

        assertThat(s).contains(ID, "KEC", "SHA1", "SHA256", "PT0S", "RSA-2048", "ECDSA P-256");
        assertThat(s).doesNotContain(spki.substring(40, 80));
    }

    @Test
    void verify_denied_messageHasNoSignatureOrSignedUrl() {
        String url = canned("https://d.net/secret?x=1", NOW.getEpochSecond() - 1, HashAlgorithm.SHA1);
        String sig = url.substring(url.indexOf("Signature=") + 10, url.indexOf("&Key-Pair-Id"));
        List<String> messages = new ArrayList<>();
        for (String u : List.of(url, url.replace("/secret", "/s"), url.replace("Key-Pair-Id=" + ID, "Key-Pair-Id=X"),
                url.replace(sig, sig.substring(1)))) {
            assertThatThrownBy(() -> V.verify(ViewerRequest.of(u))).isInstanceOfSatisfying(VerificationException.class,
                    e -> messages.add(e.getMessage() + e.cloudFrontError() + e.reason()));
        }

        assertThat(messages).hasSize(4).allSatisfy(m -> assertThat(m).doesNotContain(sig.substring(0, 20), "x=1", "Expires="));
    }

    @Test
    void verify_ecdsaZeroSignature_badSignature() {
        String url = "https://d.net/a?Expires=" + EXP + "&Signature=" + CloudFrontBase64.encode(new byte[] {0x30, 6, 2, 1, 0, 2, 1, 0})
                + "&Key-Pair-Id=KEC";

        assertThat(reason(url)).isEqualTo(DenialReason.BAD_SIGNATURE);
    }

    @Test
    void cloudFrontError_allCodes_exactXmlBodies() {
        assertThat(CloudFrontError.ACCESS_DENIED.xmlBody()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Error><Code>AccessDenied</Code><Message>Access denied</Message></Error>");
        assertThat(CloudFrontError.INVALID_KEY.xmlBody()).endsWith("<Code>InvalidKey</Code><Message>Unknown Key</Message></Error>");
        assertThat(CloudFrontError.MALFORMED_POLICY.xmlBody()).endsWith("<Code>MalformedPolicy</Code><Message>Malformed Policy</Message></Error>");
        assertThat(CloudFrontError.values()).allSatisfy(e -> assertThat(e.httpStatus()).isEqualTo(e == CloudFrontError.BAD_REQUEST ? 400 : 403));
    }

    /** Vectors from the smithy-rs cross-SDK suite (docs/cloudfront-rules.md §6.1), RSA-1024 and ECDSA keys given there. */
    @Test
    void check_sepVectors_allowed() throws Exception {
        String rsaPub = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC9V3AbaAks3cqqpghX4dF3i4rgrZROm11G7HAG5ewFCEs20DSs4DtRcEQQ"
                + "zHXX2MjkP9pwz8y4YACthCr/nRIuP2BHS4NnGzmsY34Up+snMDPgudNi7PwrcRyAnKrOHELOwU5RX5N9oMuzqpC0207bSBjF"
                + "mrAQEBy4WyWbLQ6drwIDAQAB";
        String ecPub = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEu9ASuRjljtB5UHKHZcGDihuOTYO3HWoCGMkYGVBCHd4LBWONyrUD3ICi"
                + "1ENTTzicrhXGArZIuOtFLDldU4U8Tw==";
        CloudFrontVerifier v = CloudFrontVerifier.builder()
                .trust("K1TESTKEY", VerificationKey.of(KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(rsaPub)))))
                .trust("K2ECDSATEST", VerificationKey.of(KeyFactory.getInstance("EC")
                        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(ecPub)))))
                .clock(Clock.fixed(Instant.ofEpochSecond(1767200001), ZoneOffset.UTC)).build();
        String basic = "https://d111111abcdef8.cloudfront.net/image.jpg?Expires=1767290400&Signature=iONoMLnhiCy9q1~WB9Gk"
                + "R2DiHz18I85i3o6kZ64REf-fCSOg-AyXEZiq7fJuS~DT-kbZXjVpgIQqI4sCTcBW9XpO6dyJ5sh8Igk3V~OVncS9acGVnI~ZhHBWiGhU8Gm"
                + "kEMAhn6R2RGO-wKGClrXdJGEUE26XoALdHUzHbmU6AGI_&Key-Pair-Id=K1TESTKEY";
        String ec = "https://d111111abcdef8.cloudfront.net/video.mp4?Expires=1767290400&Signature=MEQCIDS3JTjLLIRne5G3fDjf6"
                + "MwgCmckmYVlJhqGVMl0Q4reAiBjXw1FMf9j03wqAHeE4LfRPjOVkp-jWhmDfHVwd7kkpA__&Key-Pair-Id=K2ECDSATEST";
        String cookiePolicy = "eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kMTExMTExYWJjZGVmOC5jbG91ZGZyb250Lm5ldC8qIiwiQ2"
                + "9uZGl0aW9uIjp7IkRhdGVMZXNzVGhhbiI6eyJBV1M6RXBvY2hUaW1lIjoxNzY3MjkwNDAwfSwiSXBBZGRyZXNzIjp7IkFXUzpTb3VyY2VJc"
                + "CI6IjEwLjAuMC4wLzgifX19XX0_";
        String cookieSig = "r28Jnd0t9aq7cu0k9jGWl4L0YsRxgueZtGRw5oEEspU9-eIPGM~ZGMQh36~5HpKC5c67cZjDgJcsqrCacmTHMZZx613gbeY"
                + "Asx2-hEatU8URiuNHnVp4hPV3HqtbuZ6Din9iEZUpOBYVg6DWGEFJRCQ7SPouBhhJdYDZZOPHGpA_";
        ViewerRequest cookies = ViewerRequest.builder().url("https://d111111abcdef8.cloudfront.net/any/file.bin")
                .viewerIp(java.net.InetAddress.getByName("10.1.2.3"))
                .cookieHeader("CloudFront-Policy=" + cookiePolicy + "; CloudFront-Signature=" + cookieSig
                        + "; CloudFront-Key-Pair-Id=K1TESTKEY").build();

        assertThat(v.check(ViewerRequest.of(basic)).isAllowed()).isTrue();
        assertThat(v.check(ViewerRequest.of(ec)).isAllowed()).isTrue();
        assertThat(v.check(cookies).isAllowed()).isTrue();
    }

    @Test
    void check_eightThreadsSharedVerifier_sameAnswersAsSingleThreaded() throws Exception {
        List<ViewerRequest> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String url = canned("https://d.net/f" + i + "?n=" + i, EXP - (i % 3 == 0 ? 1000 : 0),
                    i % 2 == 0 ? HashAlgorithm.SHA1 : HashAlgorithm.SHA256);
            requests.add(ViewerRequest.of(i % 5 == 0 ? url.replace("/f", "/g") : url));
            String ecUrl = "https://d.net/e" + i + "?Expires=" + EXP + "&Signature="
                    + TestKeys.sign(TestKeys.EC, HashAlgorithm.SHA1, PolicyJson.canned("https://d.net/e" + i, EXP))
                    + "&Key-Pair-Id=KEC";
            requests.add(ViewerRequest.of(i % 7 == 0 ? ecUrl.replace("/e", "/x") : ecUrl));
        }
        List<String> expected = new ArrayList<>();
        for (ViewerRequest r : requests) {
            expected.add(V.check(r).denialReason().map(Enum::name).orElse("ALLOWED"));
        }
        assertThat(expected).contains("ALLOWED", "BAD_SIGNATURE", "EXPIRED");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int round = 0; round < 8; round++) {
                        for (int i = 0; i < requests.size(); i++) {
                            String got = V.check(requests.get(i)).denialReason().map(Enum::name).orElse("ALLOWED");
                            if (!got.equals(expected.get(i))) {
                                mismatches.add(i + ": " + got + " != " + expected.get(i));
                            }
                        }
                    }
                    return mismatches;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parseUnverified_customUrl_exposesPartsWithoutSignature() {
        String policy = PolicyJson.custom("https://d.net/*", EXP, null, null);
        String url = custom("https://d.net/a", policy) + "&Hash-Algorithm=SHA256";

        SignedRequestParts parts = SignedRequestParts.parseUnverified(url);

        assertThat(parts.keyPairId()).contains(ID);
        assertThat(parts.policyJson()).contains(policy);
        assertThat(parts.expiresAt()).contains(Instant.ofEpochSecond(EXP));
        assertThat(parts.hashAlgorithm()).contains(HashAlgorithm.SHA256);
        assertThat(parts.isCannedPolicy()).isFalse();
        assertThat(parts.toString()).contains("UNVERIFIED").doesNotContain("Signature=");
    }

    @Test
    void parseUnverified_cannedCookies_rebuildsPolicy() {
        SignedRequestParts parts = SignedRequestParts.parseUnverifiedCookies("https://d.net/a?x=1",
                "CloudFront-Expires=" + EXP + "; CloudFront-Signature=AAAA; CloudFront-Key-Pair-Id=" + ID);

        assertThat(parts.source()).isEqualTo(CredentialSource.COOKIES);
        assertThat(parts.policyJson()).contains(PolicyJson.canned("https://d.net/a?x=1", EXP));
        assertThat(parts.hashAlgorithm()).contains(HashAlgorithm.SHA1);
    }

    @Test
    void ecdsaOrder_p256_matchesKey() {
        BigInteger n = ((java.security.interfaces.ECPublicKey) TestKeys.EC.getPublic()).getParams().getOrder();
        assertThat(n.toString(16)).isEqualToIgnoringCase("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
    }
}
