package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.SignedUrlDiagnosis.Problem;
import dev.cfsign.internal.CloudFrontBase64;
import dev.cfsign.internal.PolicyJson;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** One test per user complaint of docs/cloudfront-rules.md §5 (numbers in the names' comments). */
class SignedUrlDiagnosisTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final long EXP = NOW.getEpochSecond() + 600;
    static final String ID = "K2JCJMDEHXQW5F";
    static final SignedUrlDiagnosis D = SignedUrlDiagnosis.builder().keyPairId(ID).publicKey(TestKeys.pub(TestKeys.RSA))
            .otherKeys(TrustedKeys.builder().add("KOLD", TestKeys.pub(TestKeys.RSA_OTHER)).add("KEC", TestKeys.pub(TestKeys.EC)).build())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    static String signCanned(KeyPair k, HashAlgorithm h, String signedResource, String requestBase, long exp, String id) {
        String sig = TestKeys.sign(k, h, PolicyJson.canned(signedResource, exp));
        return requestBase + (requestBase.contains("?") ? "&" : "?") + "Expires=" + exp + "&Signature=" + sig
                + "&Key-Pair-Id=" + id;
    }

    static String signCustom(String policy, String url) {
        return url + (url.contains("?") ? "&" : "?") + "Policy=" + CloudFrontBase64.encode(policy.getBytes(StandardCharsets.UTF_8))
                + "&Signature=" + TestKeys.sign(TestKeys.RSA, HashAlgorithm.SHA1, policy) + "&Key-Pair-Id=" + ID;
    }

    static String good(String url) {
        return signCanned(TestKeys.RSA, HashAlgorithm.SHA1, url, url, EXP, ID);
    }

    @Test
    void diagnose_validUrl_ok() {
        assertThat(D.diagnose(good("https://d.net/a.jpg")).problem()).isEqualTo(Problem.OK);
    }

    @Test // §5.1
    void diagnose_unknownKeyId_wrongKeyPairId() {
        SignedUrlDiagnosis.Finding f = D.diagnose(good("https://d.net/a").replace("Key-Pair-Id=" + ID, "Key-Pair-Id=KNOPE"));

        assertThat(f.problem()).isEqualTo(Problem.WRONG_KEY_PAIR_ID);
        assertThat(f.explanation()).contains("KNOPE", ID, "InvalidKey");
    }

    @Test // §5.1
    void diagnose_accountIdOrPemAsKeyId_notAKeyPairId() {
        assertThat(D.diagnose(good("https://d.net/a").replace("Key-Pair-Id=" + ID, "Key-Pair-Id=123456789012")).explanation())
                .contains("account ID");
        assertThat(D.diagnose(good("https://d.net/a").replace("Key-Pair-Id=" + ID,
                "Key-Pair-Id=-----BEGIN%20PUBLIC%20KEY-----MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA")).problem())
                .isEqualTo(Problem.NOT_A_KEY_PAIR_ID);
    }

    @Test // §5.1
    void diagnose_distributionIdAsKeyId_saysItIsADistributionId() {
        SignedUrlDiagnosis.Finding f = D.diagnose(good("https://d.net/a").replace("Key-Pair-Id=" + ID,
                "Key-Pair-Id=E2QWRUHAPOMQZL"));

        assertThat(f.problem()).isEqualTo(Problem.NOT_A_KEY_PAIR_ID);
        assertThat(f.explanation()).contains("distribution ID", "key group");
        assertThat(f.denial()).contains(DenialReason.UNKNOWN_KEY_PAIR_ID);
    }

    @Test // §5.2
    void diagnose_cookiesNotSent_noCredentialsMentionsDomainAndPath() {
        SignedUrlDiagnosis.Finding f = D.diagnose(ViewerRequest.of("https://d.net/video/a.mp4"));

        assertThat(f.problem()).isEqualTo(Problem.NO_CREDENTIALS);
        assertThat(f.explanation()).contains("Domain", "Path", "d.net/video/a.mp4", "MissingKey");
    }

    @Test // §5.3
    void diagnose_signedUnencodedRequestedEncoded_resourceMismatchWithEncodingHint() {
        String url = signCanned(TestKeys.RSA, HashAlgorithm.SHA1, "https://d.net/my file.mp4", "https://d.net/my%20file.mp4", EXP, ID);

        SignedUrlDiagnosis.Finding f = D.diagnose(url);

        assertThat(f.problem()).isEqualTo(Problem.RESOURCE_MISMATCH);
        assertThat(f.explanation()).contains("signed:    https://d.net/my file.mp4", "requested: https://d.net/my%20file.mp4",
                "^ first difference at character 17", "percent-encoding");
    }

    @Test // §5.4
    void diagnose_queryParameterAddedAfterSigning_resourceMismatchNamesParameter() {
        String url = signCanned(TestKeys.RSA, HashAlgorithm.SHA1, "https://d.net/a.pdf?v=1", "https://d.net/a.pdf?v=1", EXP, ID)
                .replace("?v=1&", "?v=1&response-content-disposition=attachment&");

        SignedUrlDiagnosis.Finding f = D.diagnose(url);

        assertThat(f.problem()).isEqualTo(Problem.RESOURCE_MISMATCH);
        assertThat(f.explanation()).contains("response-content-disposition", "added after signing");
    }

    @Test // §5.3 (scheme), §4.1 (CNAME)
    void diagnose_schemeOrHostDiffers_hints() {
        String scheme = signCanned(TestKeys.RSA, HashAlgorithm.SHA1, "http://d.net/a", "https://d.net/a", EXP, ID);
        String cnamePolicy = PolicyJson.custom("https://d111111abcdef8.cloudfront.net/a", EXP, null, null);

        assertThat(D.diagnose(scheme).explanation()).contains("scheme differs");
        SignedUrlDiagnosis.Finding f = D.diagnose(signCustom(cnamePolicy, "https://cdn.example.com/a"));
        assertThat(f.problem()).isEqualTo(Problem.RESOURCE_MISMATCH);
        assertThat(f.explanation()).contains("host differs", "CNAME");
    }

    @Test // §5.5
    void diagnose_millisecondEpochs_millisecondsAsSeconds() {
        long ms = EXP * 1000;
        String canned = "https://d.net/a?Expires=" + ms + "&Signature=AAAA&Key-Pair-Id=" + ID;
        String custom = signCustom("{\"Statement\":[{\"Resource\":\"https://d.net/a\",\"Condition\":{\"DateLessThan\":"
                + "{\"AWS:EpochTime\":" + ms + "}}}]}", "https://d.net/a");

        assertThat(D.diagnose(canned).problem()).isEqualTo(Problem.MILLISECONDS_AS_SECONDS);
        assertThat(D.diagnose(canned).explanation()).contains(Long.toString(EXP));
        assertThat(D.diagnose(custom).problem()).isEqualTo(Problem.MILLISECONDS_AS_SECONDS);
    }

    @Test // §5.5
    void diagnose_quotedEpoch_quotedEpoch() {
        String custom = signCustom("{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":\"" + EXP + "\"}}}]}",
                "https://d.net/a");

        assertThat(D.diagnose(custom).problem()).isEqualTo(Problem.QUOTED_EPOCH);
    }

    @Test // §5.6
    void diagnose_expired_saysHowLongInHumanUnitsWithBothClocks() {
        long exp = NOW.getEpochSecond() - 2 * 3600 - 5 * 60;

        SignedUrlDiagnosis.Finding f = D.diagnose(signCanned(TestKeys.RSA, HashAlgorithm.SHA1, "https://d.net/a", "https://d.net/a", exp, ID));

        assertThat(f.problem()).isEqualTo(Problem.EXPIRED);
        assertThat(f.explanation()).contains("2 hours 5 minutes ago", Instant.ofEpochSecond(exp).toString(), NOW.toString());
    }

    @Test // §5.6
    void diagnose_startInFuture_notYetValid() {
        String url = signCustom(PolicyJson.custom("https://d.net/a", EXP, NOW.getEpochSecond() + 40, null), "https://d.net/a");

        SignedUrlDiagnosis.Finding f = D.diagnose(url);

        assertThat(f.problem()).isEqualTo(Problem.NOT_YET_VALID);
        assertThat(f.explanation()).contains("40 seconds", "clock is ahead");
    }

    @Test // §5.9, §4.10
    void diagnose_sha256WithoutParameter_sha256WithoutHashParameter() {
        String rsa = signCanned(TestKeys.RSA, HashAlgorithm.SHA256, "https://d.net/a", "https://d.net/a", EXP, ID);
        String ec = signCanned(TestKeys.EC, HashAlgorithm.SHA256, "https://d.net/a", "https://d.net/a", EXP, "KEC");

        assertThat(D.diagnose(rsa).problem()).isEqualTo(Problem.SHA256_WITHOUT_HASH_PARAMETER);
        assertThat(D.diagnose(ec).problem()).isEqualTo(Problem.SHA256_WITHOUT_HASH_PARAMETER);
        assertThat(D.diagnose(rsa).explanation()).contains("Hash-Algorithm=SHA256");
    }

    @Test // §5.11
    void diagnose_wildcardSignedAsCannedCookies_resourceMismatchSuggestsCustomPolicy() {
        String sig = TestKeys.sign(TestKeys.RSA, HashAlgorithm.SHA1, PolicyJson.canned("https://d.net/*", EXP));
        ViewerRequest r = ViewerRequest.builder().url("https://d.net/video/a.mp4").cookieHeader("CloudFront-Expires=" + EXP
                + "; CloudFront-Signature=" + sig + "; CloudFront-Key-Pair-Id=" + ID).build();

        SignedUrlDiagnosis.Finding f = D.diagnose(r);

        assertThat(f.problem()).isEqualTo(Problem.RESOURCE_MISMATCH);
        assertThat(f.explanation()).contains("custom policy");
    }

    @Test // §5.12
    void diagnose_whitespaceInCannedPolicy_whitespaceInCannedPolicy() {
        String spaced = PolicyJson.canned("https://d.net/a", EXP).replace("{\"Statement\":[{", "{\"Statement\": [{");
        String url = "https://d.net/a?Expires=" + EXP + "&Signature=" + TestKeys.sign(TestKeys.RSA, HashAlgorithm.SHA1, spaced)
                + "&Key-Pair-Id=" + ID;

        assertThat(D.diagnose(url).problem()).isEqualTo(Problem.WHITESPACE_IN_CANNED_POLICY);
    }

    @Test // §5.13
    void diagnose_wrongBase64Alphabets_named() {
        String url = good("https://d.net/a");
        String sig = url.substring(url.indexOf("Signature=") + 10, url.indexOf("&Key-Pair-Id"));
        String std = sig.replace('-', '+').replace('~', '/').replace('_', '=');
        String urlSafe = sig.replace('~', '_');
        String withSlash = sig.contains("~") ? urlSafe : "AB_C" + sig.substring(4); // ensure an inner '_'

        assertThat(D.diagnose(url.replace(sig, std.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"))).problem())
                .isEqualTo(Problem.STANDARD_BASE64);
        assertThat(D.diagnose(url.replace(sig, withSlash)).problem()).isEqualTo(Problem.URL_SAFE_BASE64);
    }

    @Test // §5.15
    void diagnose_s3BucketPolicy_s3BucketPolicy() {
        String s3 = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/*\"}]}";

        SignedUrlDiagnosis.Finding f = D.diagnose(signCustom(s3, "https://d.net/a"));

        assertThat(f.problem()).isEqualTo(Problem.S3_BUCKET_POLICY);
        assertThat(f.explanation()).contains("S3 bucket");
    }

    @Test
    void diagnose_signedWithOtherTrustedKey_wrongPublicKey() {
        String url = signCanned(TestKeys.RSA_OTHER, HashAlgorithm.SHA1, "https://d.net/a", "https://d.net/a", EXP, ID);

        SignedUrlDiagnosis.Finding f = D.diagnose(url);

        assertThat(f.problem()).isEqualTo(Problem.WRONG_PUBLIC_KEY);
        assertThat(f.explanation()).contains("KOLD");
    }

    @Test
    void diagnose_tamperedPath_signatureMismatchWithoutSignatureText() {
        String url = good("https://d.net/a/report.pdf");
        String sig = url.substring(url.indexOf("Signature=") + 10, url.indexOf("&Key-Pair-Id"));

        SignedUrlDiagnosis.Finding f = D.diagnose(url.replace("report", "invoice"));

        assertThat(f.problem()).isEqualTo(Problem.SIGNATURE_MISMATCH);
        assertThat(f.explanation()).doesNotContain(sig.substring(0, 16));
    }

    @Test
    void diagnose_ipOutsideRange_ipNotAllowed() throws Exception {
        String url = signCustom(PolicyJson.custom("https://d.net/a", EXP, null, "192.0.2.0/24"), "https://d.net/a");

        SignedUrlDiagnosis.Finding f = D.diagnose(ViewerRequest.fromUrl(url, InetAddress.getByName("2001:db8::1")));

        assertThat(f.problem()).isEqualTo(Problem.IP_NOT_ALLOWED);
        assertThat(f.explanation()).contains("IPv4 only");
    }

    @Test
    void human_durations_twoUnitsAtMost() {
        assertThat(DiagnosisWords.human(java.time.Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(DiagnosisWords.human(java.time.Duration.ofSeconds(90061))).isEqualTo("1 day 1 hour");
        assertThat(DiagnosisWords.human(java.time.Duration.ZERO)).isEqualTo("0 seconds");
    }

    /** Found by VerifierFuzzTest#arbitraryRequests: multi-byte characters before a %XX escape overflowed a buffer. */
    @Test
    void diagnose_nonAsciiThenPercentEscapes_explainsWithoutThrowing() {
        for (int k = 1; k <= 80; k++) {
            String url = "https://d.net/" + "\u20ac".repeat(k) + "%41%42?x=" + "\u00e9".repeat(k) + "%43&Expires=" + EXP
                    + "&Signature=AAAA&Key-Pair-Id=" + ID;

            assertThat(D.diagnose(url).problem()).as("k=%d", k).isNotNull();
        }
    }

    // ---- without keys (issue #15): everything but the signature, and says so -----------------------------------

    static final SignedUrlDiagnosis KEYLESS = SignedUrlDiagnosis.withoutKeys(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void withoutKeys_fineLookingUrl_signatureNotChecked_neverOk() {
        String tampered = good("https://d.net/a.jpg").replace("/a.jpg", "/b.jpg");

        SignedUrlDiagnosis.Finding f = KEYLESS.diagnose(tampered);

        assertThat(KEYLESS.checksSignature()).isFalse();
        assertThat(D.checksSignature()).isTrue();
        assertThat(D.diagnose(tampered).problem()).as("with the key: tampered").isEqualTo(Problem.SIGNATURE_MISMATCH);
        assertThat(f.problem()).isEqualTo(Problem.SIGNATURE_NOT_CHECKED);
        assertThat(f.isOk()).isFalse();
        assertThat(f.denial()).isEmpty();
        assertThat(f.explanation()).contains("not checked", ID, Instant.ofEpochSecond(EXP).toString())
                .doesNotContain(tampered.replaceAll(".*Signature=([^&]*).*", "$1"));
    }

    @Test
    void withoutKeys_reportsWhatNeedsNoKey() {
        String url = good("https://d.net/a.jpg");

        assertThat(SignedUrlDiagnosis.withoutKeys(Clock.fixed(Instant.ofEpochSecond(EXP + 90), ZoneOffset.UTC))
                .diagnose(url).problem()).isEqualTo(Problem.EXPIRED);
        assertThat(KEYLESS.diagnose(url.replace("Expires=" + EXP, "Expires=" + EXP * 1000)).problem())
                .isEqualTo(Problem.MILLISECONDS_AS_SECONDS);
        assertThat(KEYLESS.diagnose(url.replaceFirst("&Signature=[^&]*", "")).problem())
                .isEqualTo(Problem.MISSING_SIGNATURE);
        assertThat(KEYLESS.diagnose(url.replaceFirst("Signature=[^&]*", "Signature=ab%2Bc%2Fd%3D")).problem())
                .isEqualTo(Problem.STANDARD_BASE64);
        assertThat(KEYLESS.diagnose(url.replaceFirst("&Key-Pair-Id=[^&]*", "")).problem())
                .isEqualTo(Problem.MISSING_KEY_PAIR_ID);
    }

    @Test
    void withoutKeys_isNotAVerifier() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CloudFrontVerifier.readingOnly(Clock.systemUTC())
                .check(ViewerRequest.of(good("https://d.net/a.jpg")))).isInstanceOf(IllegalStateException.class);
    }
}
