package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CloudFrontError;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CustomPolicy;
import dev.cfsign.SignedCookies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signature check in memory: CloudFront's answers for every kind of denial, behaviors, cache, log. */
class SignedAccessHandlerTest {
    static final String SECRET = "the object's bytes: 0123456789";

    @TempDir
    Path root;
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
    CloudFrontSigner signer = TestKeys.rsaSigner(clock);
    LocalEdge edge;

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(root.resolve("private"));
        Files.createDirectories(root.resolve("assets"));
        Files.writeString(root.resolve("a.txt"), SECRET);
        Files.writeString(root.resolve("private/doc.txt"), SECRET);
        Files.writeString(root.resolve("assets/logo.txt"), "public logo");
    }

    @AfterEach
    void stop() throws Exception {
        if (edge != null) {
            edge.close();
        }
    }

    private LocalEdge start(EdgeConfig.Builder b) throws Exception {
        edge = new LocalEdge(b);
        return edge;
    }

    private EdgeConfig.Builder config() {
        return EdgeConfig.builder().root(root).trust(TestKeys.RSA_ID, TestKeys.rsaPublic())
                .trust(TestKeys.EC_ID, TestKeys.ecPublic()).clock(clock);
    }

    private static String target(String url) {
        return url.substring(TestKeys.BASE.length());
    }

    private static void assertDenied(HttpTester.Response r, CloudFrontError error) {
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.get("Content-Type")).isEqualTo("text/xml");
        assertThat(r.get("X-Cache")).isEqualTo("Error from cloudfront");
        assertThat(r.getContent()).isEqualTo(error.xmlBody());
        assertThat(r.getContent()).doesNotContain(SECRET);
        assertThat(r.get("ETag")).isNull();
        assertThat(r.get("Last-Modified")).isNull();
        assertThat(r.get("Accept-Ranges")).isNull();
        assertThat(r.get("X-Cfsign-Denial")).isNull();
    }

    @Test
    void handle_signedCannedUrl_servesObject() throws Exception {
        start(config());
        HttpTester.Response r = edge.get(target(signer.signUrl(TestKeys.BASE + "/a.txt", Duration.ofMinutes(5)).url()));
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContent()).isEqualTo(SECRET);
        assertThat(r.get("Content-Type")).startsWith("text/plain");
    }

    @Test
    void handle_ecdsaSha256SignedUrl_servesObject() throws Exception {
        start(config());
        CloudFrontSigner ec = CloudFrontSigner.builder().keyPairId(TestKeys.EC_ID).signingKey(TestKeys.EC).clock(clock)
                .hashAlgorithm(dev.cfsign.HashAlgorithm.SHA256).build();
        HttpTester.Response r = edge.get(target(ec.signUrl(TestKeys.BASE + "/a.txt", Duration.ofMinutes(5)).url()));
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContent()).isEqualTo(SECRET);
    }

    @Test
    void handle_signedCookiesForFolder_servesObjectsInIt() throws Exception {
        start(config());
        SignedCookies cookies = signer.signCookies(CustomPolicy.builder().resource(TestKeys.BASE + "/private/*")
                .expiresAt(clock.instant().plusSeconds(300)).build());
        HttpTester.Response r = edge.get("/private/doc.txt", "Cookie: other=1; " + cookies.toCookieHeader());
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContent()).isEqualTo(SECRET);
        assertDenied(edge.get("/a.txt", "Cookie: " + cookies.toCookieHeader()), CloudFrontError.ACCESS_DENIED);
    }

    @Test
    void handle_noCredentials_missingKey() throws Exception {
        start(config());
        assertDenied(edge.get("/a.txt"), CloudFrontError.MISSING_KEY);
        assertThat(edge.lastLogLine()).contains(" 403 ").contains(" DENY NO_CREDENTIALS ");
    }

    @Test
    void handle_urlWithoutKeyPairId_missingKey() throws Exception {
        start(config());
        String url = signer.signUrl(TestKeys.BASE + "/a.txt", Duration.ofMinutes(5)).url();
        assertDenied(edge.get(target(url.replaceAll("&Key-Pair-Id=[^&]*", ""))), CloudFrontError.MISSING_KEY);
    }

    @Test
    void handle_unknownKeyPairId_invalidKey() throws Exception {
        start(config());
        String url = signer.signUrl(TestKeys.BASE + "/a.txt", Duration.ofMinutes(5)).url();
        assertDenied(edge.get(target(url.replace(TestKeys.RSA_ID, "KUNKNOWN0000"))), CloudFrontError.INVALID_KEY);
    }

    @Test
    void handle_undecodablePolicy_malformedPolicy() throws Exception {
        start(config());
        assertDenied(edge.get("/a.txt?Policy=%25%25%25&Signature=abcd&Key-Pair-Id=" + TestKeys.RSA_ID),
                CloudFrontError.MALFORMED_POLICY);
        assertDenied(edge.get("/a.txt?Expires=soon&Signature=abcd&Key-Pair-Id=" + TestKeys.RSA_ID),
                CloudFrontError.MALFORMED_POLICY);
    }

    @Test
    void handle_undecodableSignature_malformedSignature() throws Exception {
        start(config());
        assertDenied(edge.get("/a.txt?Expires=1767290400&Signature=%21%21%21&Key-Pair-Id=" + TestKeys.RSA_ID),
                CloudFrontError.MALFORMED_SIGNATURE);
    }

    @Test
    void handle_tamperedOrExpiredOrOtherPath_accessDenied() throws Exception {
        start(config());
        String url = signer.signUrl(TestKeys.BASE + "/a.txt", Duration.ofMinutes(5)).url();
        assertDenied(edge.get(target(url.replace("/a.txt", "/private/doc.txt"))), CloudFrontError.ACCESS_DENIED);
        assertDenied(edge.get(target(url) + "&extra=1"), CloudFrontError.ACCESS_DENIED);
        int s = url.indexOf("Signature=") + "Signature=".length() + 10;
        char flipped = url.charAt(s) == 'A' ? 'B' : 'A';
        assertDenied(edge.get(target(url.substring(0, s) + flipped + url.substring(s + 1))), CloudFrontError.ACCESS_DENIED);
        clock.advance(Duration.ofMinutes(6));
        assertDenied(edge.get(target(url)), CloudFrontError.ACCESS_DENIED);
        assertThat(edge.lastLogLine()).contains(" DENY EXPIRED " + TestKeys.RSA_ID + " url");
    }

    @Test
    void handle_headDenied_noBodyNoObjectHeaders() throws Exception {
        start(config());
        HttpTester.Response r = edge.request("HEAD", "/a.txt");
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.get("Content-Type")).isEqualTo("text/xml");
        assertThat(r.getContentBytes() == null ? 0 : r.getContentBytes().length).isZero();
        assertThat(r.get("ETag")).isNull();
    }

    @Test
    void handle_explainFlag_namesTheReasonInAHeader() throws Exception {
        start(config().explain(true));
        String url = signer.signUrl(TestKeys.BASE + "/a.txt", Duration.ofMinutes(5)).url();
        clock.advance(Duration.ofHours(1));
        HttpTester.Response r = edge.get(target(url));
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.get("X-Cfsign-Denial")).isEqualTo("EXPIRED");
        assertThat(r.getContent()).isEqualTo(CloudFrontError.ACCESS_DENIED.xmlBody());
        String sig = url.substring(url.indexOf("Signature=") + 10, url.indexOf("&Key-Pair-Id"));
        assertThat(r.toString()).doesNotContain(sig);
    }

    @Test
    void handle_publicUrl_verifiesUrlsSignedForTheDistribution() throws Exception {
        start(config().publicUrl("https://d111111abcdef8.cloudfront.net"));
        String url = signer.signUrl("https://d111111abcdef8.cloudfront.net/a.txt", Duration.ofMinutes(5)).url();
        HttpTester.Response r = edge.get(url.substring("https://d111111abcdef8.cloudfront.net".length()));
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContent()).isEqualTo(SECRET);
        // Signed for the local host instead: does not match the distribution.
        String local = signer.signUrl(TestKeys.BASE + "/a.txt", Duration.ofMinutes(5)).url();
        assertDenied(edge.get(target(local)), CloudFrontError.ACCESS_DENIED);
    }

    @Test
    void handle_protectPattern_onlyThosePathsNeedSignatures() throws Exception {
        start(config().protect("/private/*"));
        HttpTester.Response open = edge.get("/a.txt");
        assertThat(open.getStatus()).isEqualTo(200);
        assertThat(edge.lastLogLine()).contains(" PUBLIC ");
        assertDenied(edge.get("/private/doc.txt"), CloudFrontError.MISSING_KEY);
        // Percent-encoded spellings of the protected folder are protected too.
        assertThat(edge.get("/%70rivate/doc.txt").getStatus()).isEqualTo(403);
        assertThat(edge.get("/private%2Fdoc.txt").getStatus()).isIn(400, 403);
    }

    @Test
    void handle_publicPattern_firstMatchWins() throws Exception {
        start(config().publicPath("/assets/*").protect("*.txt"));
        assertThat(edge.get("/assets/logo.txt").getContent()).isEqualTo("public logo");
        assertDenied(edge.get("/a.txt"), CloudFrontError.MISSING_KEY);
    }

    @Test
    void handle_healthEndpoint_isNeverProtected() throws Exception {
        start(config());
        HttpTester.Response r = edge.get("/__cfsign/health");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContent()).isEqualTo("ok\n");
    }

    @Test
    void handle_identicalRequestTwice_verifiesOnce() throws Exception {
        start(config());
        String url = target(signer.signUrl(TestKeys.BASE + "/a.txt", Duration.ofMinutes(5)).url());
        assertThat(edge.get(url, "Range: bytes=0-3").getStatus()).isEqualTo(206);
        assertThat(edge.get(url, "Range: bytes=4-7").getStatus()).isEqualTo(206);
        assertThat(edge.get(url).getStatus()).isEqualTo(200);
        assertThat(edge.access.verifications()).isEqualTo(1);
        assertThat(edge.access.cacheHits()).isEqualTo(2);
    }

    @Test
    void handle_cachedVerificationAfterExpiry_isNotReused() throws Exception {
        start(config());
        String url = target(signer.signUrl(TestKeys.BASE + "/a.txt", Duration.ofMinutes(5)).url());
        assertThat(edge.get(url).getStatus()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(5));
        assertDenied(edge.get(url), CloudFrontError.ACCESS_DENIED);
        assertThat(edge.access.verifications()).isEqualTo(2);
        assertThat(edge.access.cacheHits()).isZero();
    }

    @Test
    void handle_cacheOff_verifiesEveryRequest() throws Exception {
        start(config().verificationCache(false));
        String url = target(signer.signUrl(TestKeys.BASE + "/a.txt", Duration.ofMinutes(5)).url());
        edge.get(url);
        edge.get(url);
        assertThat(edge.access.verifications()).isEqualTo(2);
    }

    @Test
    void handle_differentCookiesOrHost_doNotShareCacheEntries() throws Exception {
        start(config());
        SignedCookies cookies = signer.signCookies(CustomPolicy.builder().resource(TestKeys.BASE + "/*")
                .expiresAt(clock.instant().plusSeconds(300)).build());
        assertThat(edge.get("/a.txt", "Cookie: " + cookies.toCookieHeader()).getStatus()).isEqualTo(200);
        assertDenied(edge.get("/a.txt", "Cookie: CloudFront-Key-Pair-Id=" + TestKeys.RSA_ID), CloudFrontError.MALFORMED_POLICY);
        assertThat(edge.access.verifications()).isEqualTo(2);
    }

    @Test
    void accessLog_redactsSignatureAndPolicy_keepsKeyIdAndExpires() throws Exception {
        start(config());
        dev.cfsign.SignedUrl canned = signer.signUrl(TestKeys.BASE + "/a.txt", Duration.ofMinutes(5));
        dev.cfsign.SignedUrl custom = signer.signUrl(TestKeys.BASE + "/a.txt", CustomPolicy.builder()
                .resource(TestKeys.BASE + "/*").expiresAt(clock.instant().plusSeconds(60)).build());
        SignedCookies cookies = signer.signCookies(CustomPolicy.builder().resource(TestKeys.BASE + "/*")
                .expiresAt(clock.instant().plusSeconds(300)).build());
        edge.get(target(canned.url()));
        String cannedLine = edge.lastLogLine();
        edge.get(target(custom.url()));
        String customLine = edge.lastLogLine();
        edge.get("/a.txt", "Cookie: " + cookies.toCookieHeader());
        String cookieLine = edge.lastLogLine();
        assertThat(cannedLine).matches("\\S+ \\S+ GET /a\\.txt\\?Expires=\\d+&Signature=REDACTED&Key-Pair-Id="
                + TestKeys.RSA_ID + " 200 " + SECRET.length() + " \\d+ms ALLOW - " + TestKeys.RSA_ID + " url");
        assertThat(customLine).contains("Policy=REDACTED&Signature=REDACTED&Key-Pair-Id=" + TestKeys.RSA_ID);
        assertThat(cookieLine).endsWith(" ALLOW - " + TestKeys.RSA_ID + " cookies");
        String all = String.join("\n", edge.log);
        for (String secret : new String[] {param(canned.url(), "Signature"), param(custom.url(), "Signature"),
                param(custom.url(), "Policy"), cookies.get(SignedCookies.SIGNATURE).orElseThrow(),
                cookies.get(SignedCookies.POLICY).orElseThrow()}) {
            assertThat(all).doesNotContain(secret);
        }
    }

    static String param(String url, String name) {
        for (String p : url.substring(url.indexOf('?') + 1).split("&")) {
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " missing");
    }

    @Test
    void limits_urlOver8192Bytes_414() throws Exception {
        start(config());
        HttpTester.Response ok = edge.get("/__cfsign/health?" + "x".repeat(8192 - "/__cfsign/health?".length()));
        assertThat(ok.getStatus()).isEqualTo(200);
        HttpTester.Response r = edge.get("/a.txt?" + "x".repeat(8192));
        assertThat(r.getStatus()).isEqualTo(414);
        assertThat(r.getContent()).contains("The request could not be satisfied").doesNotContain("Jetty");
    }

    @Test
    void limits_headersOver20480Bytes_494() throws Exception {
        start(config());
        HttpTester.Response r = edge.get("/a.txt", "X-Big: " + "y".repeat(20480));
        assertThat(r.getStatus()).isEqualTo(494);
        assertThat(r.getContent()).contains("494 ERROR").doesNotContain("Jetty");
        HttpTester.Response fits = edge.get("/__cfsign/health", "X-Big: " + "y".repeat(19000));
        assertThat(fits.getStatus()).isEqualTo(200);
    }

    @Test
    void response_hasNoServerBanner() throws Exception {
        start(config());
        HttpTester.Response r = edge.get("/a.txt");
        assertThat(r.get("Server")).isNull();
        assertThat(new String(r.getContentBytes(), StandardCharsets.UTF_8)).doesNotContain("Jetty");
    }
}
