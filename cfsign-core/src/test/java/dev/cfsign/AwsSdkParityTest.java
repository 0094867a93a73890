package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfsign.internal.CloudFrontBase64;
import dev.cfsign.internal.SignatureEngine;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCannedPolicy;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCustomPolicy;
import software.amazon.awssdk.services.cloudfront.utils.SigningHashAlgorithm;

/**
 * Byte-for-byte parity with the AWS SDK for Java v2 (2.57.8, test scope only) over a table of URLs, for RSA-2048
 * canned and custom URLs and cookies, SHA-1 and SHA-256. RSA PKCS#1 v1.5 is deterministic, so equal inputs must give
 * equal signatures. Where cfsign differs on purpose, the difference is asserted explicitly below.
 */
class AwsSdkParityTest {
    static final KeyPair RSA = TestKeys.RSA_2048;
    static final CloudFrontUtilities SDK = CloudFrontUtilities.create();
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Instant EXP = NOW.plus(7, ChronoUnit.DAYS);
    static final Instant START = NOW.minus(1, ChronoUnit.HOURS);
    static final String KEY_ID = "K2JCJMDEHXQW5F";

    static final List<String> URLS = List.of(
            "https://d111111abcdef8.cloudfront.net/image.jpg",
            "https://d111111abcdef8.cloudfront.net/",
            "https://d111111abcdef8.cloudfront.net/videos/intro.mp4",
            "https://cdn.example.com/videos/2024/intro.mp4",
            "https://cdn.example.com/a/b/c/d/e/f.txt",
            "https://cdn.example.com/image.jpg?size=large",
            "https://cdn.example.com/image.jpg?size=large&color=red",
            "https://cdn.example.com/doc.pdf?response-content-disposition=attachment%3B%20filename%3D%22a.pdf%22",
            "https://cdn.example.com/my%20file.mp4",
            "https://cdn.example.com/caf%C3%A9/men%C3%BC.pdf",
            "https://cdn.example.com/a%2Bb.txt",
            "https://cdn.example.com/100%25.txt",
            "http://cdn.example.com/plain-http.txt",
            "https://media.example.org/hls/master.m3u8",
            "https://media.example.org/hls/segment_00001.ts",
            "https://cdn.example.com/path/with~tilde_and-dash.txt",
            "https://cdn.example.com/search?q=a+b&page=2",
            "https://cdn.example.com/empty-value?flag=&x=1",
            "https://cdn.example.com/dup?a=1&a=2",
            "https://cdn.example.com/%E2%9C%93/check.png",
            "https://cdn.example.com/images/photo1.jpg?v=1700000000",
            "https://d2222222222222.cloudfront.net/private/report.csv",
            "https://cdn.example.com/a(1).jpg",
            "https://cdn.example.com/semi;colon.txt",
            "https://cdn.example.com/comma,file.txt",
            "https://cdn.example.com/key=value/path.txt",
            "https://cdn.example.com/deep/nested/folder/structure/with/many/levels/file.bin",
            "https://cdn.example.com/x?utm_source=mail&utm_medium=email&utm_campaign=launch",
            "https://cdn.example.com/encoded%2Fslash.txt",
            "https://cdn.example.com/UPPER/Case.JPG",
            "https://sub.cdn.example.com/file.txt?a=%2F%3F",
            "https://cdn.example.com/videos/intro.mp4?token=abc.def-ghi_jkl~mno",
            "https://cdn.example.com/r.pdf?response-content-disposition=attachment%3B%20filename*%3DUTF-8%27%27r.pdf");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < URLS.size(); i++) {
            for (SigningHashAlgorithm h : SigningHashAlgorithm.values()) {
                out.add(Arguments.of(i, URLS.get(i), h));
            }
        }
        return out.stream();
    }

    static CloudFrontSigner signer(SigningHashAlgorithm h) {
        return CloudFrontSigner.builder().keyPairId(KEY_ID).signingKey(TestKeys.signingKey(RSA))
                .hashAlgorithm(HashAlgorithm.valueOf(h.name())).clock(Clock.systemUTC()).build();
    }

    @ParameterizedTest(name = "[{index}] {2} {1}")
    @MethodSource("cases")
    void signUrl_canned_identicalToSdk(int i, String url, SigningHashAlgorithm h) {
        String sdk = SDK.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(url).privateKey(RSA.getPrivate())
                .keyPairId(KEY_ID).expirationDate(EXP).hashAlgorithm(h)).url();
        assertThat(signer(h).signUrl(url, EXP).url()).isEqualTo(sdk);
    }

    @ParameterizedTest(name = "[{index}] {2} {1}")
    @MethodSource("cases")
    void signCookies_canned_identicalToSdk(int i, String url, SigningHashAlgorithm h) {
        CookiesForCannedPolicy sdk = SDK.getCookiesForCannedPolicy(r -> r.resourceUrl(url).privateKey(RSA.getPrivate())
                .keyPairId(KEY_ID).expirationDate(EXP).hashAlgorithm(h));
        List<String> expected = new ArrayList<>(List.of(sdk.expiresHeaderValue(), sdk.signatureHeaderValue(),
                sdk.keyPairIdHeaderValue()));
        if (h == SigningHashAlgorithm.SHA256) {
            expected.add(sdk.hashAlgorithmHeaderValue());
        }
        SignedCookies ours = signer(h).signCookies(url, EXP);
        assertThat(ours.cookies()).extracting(SignedCookie::pair).containsExactlyElementsOf(expected);
    }

    /** Custom conditions rotate over the table: folder wildcard, start date, IP range, and all three together. */
    static String pattern(int i, String url) {
        if (i % 4 == 0 || i % 4 == 3) {
            int q = url.indexOf('?');
            String noQuery = q < 0 ? url : url.substring(0, q);
            return noQuery.substring(0, noQuery.lastIndexOf('/') + 1) + "*";
        }
        return null;
    }

    static CustomPolicy policy(int i, String url) {
        CustomPolicy.Builder b = CustomPolicy.builder().expiresAt(EXP).resource(pattern(i, url));
        if (i % 4 == 1 || i % 4 == 3) {
            b.activeFrom(START);
        }
        if (i % 4 == 2 || i % 4 == 3) {
            b.ipRange("203.0.113.0/24");
        }
        return b.build();
    }

    @ParameterizedTest(name = "[{index}] {2} {1}")
    @MethodSource("cases")
    void signUrl_custom_equivalentToSdk(int i, String url, SigningHashAlgorithm h) {
        String sdk = SDK.getSignedUrlWithCustomPolicy(r -> r.resourceUrl(url).privateKey(RSA.getPrivate()).keyPairId(KEY_ID)
                .expirationDate(EXP).resourceUrlPattern(pattern(i, url)).activeDate(i % 4 == 1 || i % 4 == 3 ? START : null)
                .ipRange(i % 4 == 2 || i % 4 == 3 ? "203.0.113.0/24" : null).hashAlgorithm(h)).url();
        String ours = signer(h).signUrl(url, policy(i, url)).url();
        assertCustomEquivalent(ours, sdk, h, "Policy", "Signature");
    }

    @ParameterizedTest(name = "[{index}] {2} {1}")
    @MethodSource("cases")
    void signCookies_custom_equivalentToSdk(int i, String url, SigningHashAlgorithm h) {
        String resource = pattern(i, url) == null ? url : pattern(i, url);
        CookiesForCustomPolicy sdk = SDK.getCookiesForCustomPolicy(r -> r.resourceUrl(url).privateKey(RSA.getPrivate())
                .keyPairId(KEY_ID).expirationDate(EXP).resourceUrlPattern(resource)
                .activeDate(i % 4 == 1 || i % 4 == 3 ? START : null)
                .ipRange(i % 4 == 2 || i % 4 == 3 ? "203.0.113.0/24" : null).hashAlgorithm(h));
        SignedCookies ours = signer(h).signCookies(policy(i, url).withResource(resource));
        Map<String, String> sdkMap = new LinkedHashMap<>();
        for (String pair : List.of(sdk.policyHeaderValue(), sdk.signatureHeaderValue(), sdk.keyPairIdHeaderValue())) {
            sdkMap.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        if (h == SigningHashAlgorithm.SHA256) {
            String pair = sdk.hashAlgorithmHeaderValue();
            sdkMap.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertThat(ours.asMap().keySet()).containsExactlyElementsOf(sdkMap.keySet());
        assertThat(ours.keyPairId()).isEqualTo(sdkMap.get(SignedCookies.KEY_PAIR_ID));
        assertPolicyAndSignatureEquivalent(ours.get(SignedCookies.POLICY).orElseThrow(),
                ours.get(SignedCookies.SIGNATURE).orElseThrow(), sdkMap.get(SignedCookies.POLICY),
                sdkMap.get(SignedCookies.SIGNATURE), h);
    }

    /**
     * The SDK writes conditions in botocore's order (DateLessThan, IpAddress, DateGreaterThan); cfsign uses the
     * cross-SDK suite's order (DateLessThan, DateGreaterThan, IpAddress). CloudFront ignores the order, so: same URL
     * around the parameters, policies equal as JSON, bytes equal whenever at most one optional condition is present,
     * and our signature engine reproduces the SDK's signature over the SDK's own policy bytes.
     */
    private static void assertCustomEquivalent(String ours, String sdk, SigningHashAlgorithm h, String policyParam,
            String sigParam) {
        assertThat(ours.substring(0, ours.indexOf(policyParam + "="))).isEqualTo(sdk.substring(0, sdk.indexOf(policyParam + "=")));
        assertThat(ours.substring(ours.indexOf("&Key-Pair-Id="))).isEqualTo(sdk.substring(sdk.indexOf("&Key-Pair-Id=")));
        assertPolicyAndSignatureEquivalent(param(ours, policyParam), param(ours, sigParam), param(sdk, policyParam),
                param(sdk, sigParam), h);
    }

    private static void assertPolicyAndSignatureEquivalent(String ourPolicyB64, String ourSig, String sdkPolicyB64,
            String sdkSig, SigningHashAlgorithm h) {
        String ourJson = new String(TestKeys.cfDecode(ourPolicyB64), StandardCharsets.UTF_8);
        String sdkJson = new String(TestKeys.cfDecode(sdkPolicyB64), StandardCharsets.UTF_8);
        JsonNode ourTree = JsonNodeParser.create().parse(ourJson);
        JsonNode sdkTree = JsonNodeParser.create().parse(sdkJson);
        assertThat(ourTree).isEqualTo(sdkTree);
        boolean bothOptional = sdkJson.contains("IpAddress") && sdkJson.contains("DateGreaterThan");
        if (bothOptional) {
            assertThat(ourJson).isNotEqualTo(sdkJson);
        } else {
            assertThat(ourJson).isEqualTo(sdkJson);
            assertThat(ourSig).isEqualTo(sdkSig);
        }
        String jca = HashAlgorithm.valueOf(h.name()).jcaAlgorithm("RSA");
        assertThat(TestKeys.jdkVerify(jca, RSA.getPublic(), ourJson.getBytes(StandardCharsets.UTF_8), ourSig)).isTrue();
        SignatureEngine engine = new SignatureEngine(RSA.getPrivate(), RSA.getPublic(), "RSA", HashAlgorithm.valueOf(h.name()), null);
        assertThat(CloudFrontBase64.encode(engine.sign(sdkJson.getBytes(StandardCharsets.UTF_8)))).isEqualTo(sdkSig);
    }

    static String param(String url, String name) {
        int s = url.indexOf(name + "=") + name.length() + 1;
        int e = url.indexOf('&', s);
        return e < 0 ? url.substring(s) : url.substring(s, e);
    }

    // ---- deliberate differences ----------------------------------------------------------------------------------

    @Test
    void ipRange_bareAddress_cfsignAppendsSlash32WhereSdkKeepsItVerbatim() {
        String url = "https://cdn.example.com/file.txt";
        String sdk = SDK.getSignedUrlWithCustomPolicy(r -> r.resourceUrl(url).privateKey(RSA.getPrivate()).keyPairId(KEY_ID)
                .expirationDate(EXP).ipRange("203.0.113.7")).url();
        String ours = signer(SigningHashAlgorithm.SHA1).signUrl(url,
                CustomPolicy.builder().expiresAt(EXP).ipRange("203.0.113.7").build()).url();
        // CloudFront documents a single address as a.b.c.d/32 (botocore, the AWS CLI and JS v3 append it too).
        assertThat(new String(TestKeys.cfDecode(param(sdk, "Policy")), StandardCharsets.UTF_8)).contains("\"203.0.113.7\"");
        assertThat(new String(TestKeys.cfDecode(param(ours, "Policy")), StandardCharsets.UTF_8)).contains("\"203.0.113.7/32\"");
    }

    @Test
    void quoteInUrl_sdkRefusesIt_cfsignRefusesItAsUnencodedButEscapesItInPolicies() {
        String url = "https://cdn.example.com/a\"b.txt";
        assertThatThrownBy(() -> SDK.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(url).privateKey(RSA.getPrivate())
                .keyPairId(KEY_ID).expirationDate(EXP))).isInstanceOf(IllegalArgumentException.class);
        // A browser percent-encodes '"' before sending, so signing it raw could never match: refuse with the fix.
        assertThatThrownBy(() -> signer(SigningHashAlgorithm.SHA1).signUrl(url, EXP)).isInstanceOf(SigningException.class)
                .hasMessageContaining("percent-encode");
        // As a policy value, the JSON writer escapes it instead of refusing (docs/cloudfront-rules.md §6.1 json-injection vectors).
        assertThat(Policy.canned(url, EXP).toJson()).contains("a\\\"b.txt");
    }

    @Test
    void ecdsa_sdkSignedUrls_verifyWithKeysLoadedByCfsign() throws Exception {
        java.nio.file.Path privateFile = java.nio.file.Files.createTempFile("ec-p256", ".pem");
        try {
            java.nio.file.Files.writeString(privateFile, dev.cfsign.keys.Fixtures.text("ec-p256.pkcs8.pem"));
            dev.cfsign.keys.VerificationKey pub = dev.cfsign.keys.VerificationKey.fromPem(dev.cfsign.keys.Fixtures.text("ec-p256.pub.pem"));
            dev.cfsign.keys.SigningKey ours = dev.cfsign.keys.SigningKey.fromPem(dev.cfsign.keys.Fixtures.text("ec-p256.sec1.pem"));
            assertThat(ours.matches(pub)).isTrue();
            for (SigningHashAlgorithm h : SigningHashAlgorithm.values()) {
                String url = SDK.getSignedUrlWithCannedPolicy(r -> {
                    try {
                        r.resourceUrl(URLS.get(6)).privateKey(privateFile).keyPairId(KEY_ID).expirationDate(EXP).hashAlgorithm(h);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).url();
                byte[] policy = Policy.canned(URLS.get(6), EXP).toJson().getBytes(StandardCharsets.UTF_8);
                String jca = HashAlgorithm.valueOf(h.name()).jcaAlgorithm("EC");
                assertThat(TestKeys.jdkVerify(jca, pub.jcaPublicKey(), policy, param(url, "Signature"))).as(h.name()).isTrue();
                // and our own ECDSA signature over the same policy verifies with the same public key
                CloudFrontSigner signer = CloudFrontSigner.builder().keyPairId(KEY_ID).signingKey(ours)
                        .hashAlgorithm(HashAlgorithm.valueOf(h.name())).build();
                assertThat(TestKeys.jdkVerify(jca, pub.jcaPublicKey(), policy,
                        param(signer.signUrl(URLS.get(6), EXP).url(), "Signature"))).isTrue();
            }
        } finally {
            java.nio.file.Files.deleteIfExists(privateFile);
        }
    }

    @Test
    void sec1EcKey_sdkCannotLoadIt_cfsignCan() throws Exception {
        java.nio.file.Path sec1 = java.nio.file.Files.createTempFile("ec-sec1", ".pem");
        try {
            java.nio.file.Files.writeString(sec1, dev.cfsign.keys.Fixtures.text("ec-p256.sec1.pem"));
            // BEGIN EC PRIVATE KEY is what `openssl ecparam -genkey` writes; the SDK's PEM reader fails on it.
            assertThatThrownBy(() -> SDK.getSignedUrlWithCannedPolicy(r -> {
                try {
                    r.resourceUrl(URLS.get(0)).privateKey(sec1).keyPairId(KEY_ID).expirationDate(EXP);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })).isInstanceOf(Exception.class);
            assertThat(dev.cfsign.keys.SigningKey.fromFile(sec1).keyType()).isEqualTo(dev.cfsign.keys.KeyType.EC_P256);
        } finally {
            java.nio.file.Files.deleteIfExists(sec1);
        }
    }
}
