package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CloudFrontError;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCannedPolicy;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCustomPolicy;
import software.amazon.awssdk.services.cloudfront.utils.SigningHashAlgorithm;

/**
 * URLs and cookies signed by the AWS SDK for Java v2 for a real distribution, replayed against a local edge on a real
 * port: the edge must serve them, with RSA and ECDSA keys and SHA-1 and SHA-256.
 */
class AwsSdkInteropIT {
    static final String DIST = "https://d111111abcdef8.cloudfront.net";
    static final CloudFrontUtilities SDK = CloudFrontUtilities.create();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String CLIP = "frames of a video ".repeat(500);

    @TempDir
    static Path root;
    static EdgeServer edge;
    static final List<String> log = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(root.resolve("videos"));
        Files.writeString(root.resolve("videos/clip.mp4"), CLIP);
        Files.writeString(root.resolve("videos/intro.mp4"), "intro");
        Files.writeString(root.resolve("other.txt"), "other");
        edge = EdgeServer.start(EdgeConfig.builder().root(root).publicUrl(DIST)
                .trust(TestKeys.RSA_ID, TestKeys.rsaPublic()).trust(TestKeys.EC_ID, TestKeys.ecPublic())
                .accessLog(line -> {
                    synchronized (log) {
                        log.add(line);
                    }
                }).build());
    }

    @AfterAll
    static void stop() {
        edge.close();
    }

    static Stream<Arguments> keys() {
        List<Arguments> a = new ArrayList<>();
        for (SigningHashAlgorithm h : SigningHashAlgorithm.values()) {
            a.add(Arguments.of(TestKeys.RSA_ID, TestKeys.RSA.jcaPrivateKey(), h));
            a.add(Arguments.of(TestKeys.EC_ID, TestKeys.EC.jcaPrivateKey(), h));
        }
        return a.stream();
    }

    static Instant expires() {
        return Instant.now().plus(10, ChronoUnit.MINUTES);
    }

    static HttpResponse<String> get(String distributionUrl, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(distributionUrl.replace(DIST, edge.url().toString())));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cookieHeader(String... pairs) {
        return Stream.of(pairs).filter(Objects::nonNull).collect(Collectors.joining("; "));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("keys")
    void sdkCannedUrl_served(String id, PrivateKey key, SigningHashAlgorithm h) throws Exception {
        String url = SDK.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(DIST + "/videos/clip.mp4?quality=hd")
                .privateKey(key).keyPairId(id).expirationDate(expires()).hashAlgorithm(h)).url();
        HttpResponse<String> r = get(url, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(CLIP);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("keys")
    void sdkCustomUrlWithWildcardStartAndIp_served(String id, PrivateKey key, SigningHashAlgorithm h) throws Exception {
        String url = SDK.getSignedUrlWithCustomPolicy(r -> r.resourceUrl(DIST + "/videos/intro.mp4")
                .resourceUrlPattern(DIST + "/videos/*").privateKey(key).keyPairId(id).expirationDate(expires())
                .activeDate(Instant.now().minusSeconds(60)).ipRange("127.0.0.1/32").hashAlgorithm(h)).url();
        HttpResponse<String> r = get(url, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("intro");
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("keys")
    void sdkCannedCookies_served(String id, PrivateKey key, SigningHashAlgorithm h) throws Exception {
        CookiesForCannedPolicy c = SDK.getCookiesForCannedPolicy(r -> r.resourceUrl(DIST + "/videos/clip.mp4")
                .privateKey(key).keyPairId(id).expirationDate(expires()).hashAlgorithm(h));
        String cookie = cookieHeader(c.expiresHeaderValue(), c.signatureHeaderValue(), c.keyPairIdHeaderValue(),
                h == SigningHashAlgorithm.SHA256 ? c.hashAlgorithmHeaderValue() : null);
        HttpResponse<String> r = get(DIST + "/videos/clip.mp4", cookie);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(CLIP);
        // A canned cookie grants exactly one URL.
        HttpResponse<String> other = get(DIST + "/videos/intro.mp4", cookie);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).isEqualTo(CloudFrontError.ACCESS_DENIED.xmlBody());
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("keys")
    void sdkCustomCookiesForFolder_servedInsideOnly(String id, PrivateKey key, SigningHashAlgorithm h) throws Exception {
        CookiesForCustomPolicy c = SDK.getCookiesForCustomPolicy(r -> r.resourceUrl(DIST + "/videos/clip.mp4")
                .resourceUrlPattern(DIST + "/videos/*").privateKey(key).keyPairId(id).expirationDate(expires())
                .hashAlgorithm(h));
        String cookie = cookieHeader(c.policyHeaderValue(), c.signatureHeaderValue(), c.keyPairIdHeaderValue(),
                h == SigningHashAlgorithm.SHA256 ? c.hashAlgorithmHeaderValue() : null);
        assertThat(get(DIST + "/videos/clip.mp4", cookie).body()).isEqualTo(CLIP);
        assertThat(get(DIST + "/videos/intro.mp4", cookie).body()).isEqualTo("intro");
        HttpResponse<String> outside = get(DIST + "/other.txt", cookie);
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(outside.body()).isEqualTo(CloudFrontError.ACCESS_DENIED.xmlBody());
    }

    @Test
    void sdkCustomUrlForAnotherIp_accessDenied() throws Exception {
        String url = SDK.getSignedUrlWithCustomPolicy(r -> r.resourceUrl(DIST + "/videos/intro.mp4")
                .privateKey(TestKeys.RSA.jcaPrivateKey()).keyPairId(TestKeys.RSA_ID).expirationDate(expires())
                .ipRange("203.0.113.0/24")).url();
        HttpResponse<String> r = get(url, null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo(CloudFrontError.ACCESS_DENIED.xmlBody());
        // The access log line is written when the response completes, which may be just after the client has it.
        String expected = " DENY IP_NOT_ALLOWED " + TestKeys.RSA_ID;
        Await.until(() -> {
            synchronized (log) {
                return log.stream().anyMatch(l -> l.contains(expected));
            }
        }, java.time.Duration.ofSeconds(5));
        synchronized (log) {
            assertThat(log).anySatisfy(l -> assertThat(l).contains(expected));
        }
    }

    @Test
    void sdkUrlForAnotherDistribution_accessDenied() throws Exception {
        String url = SDK.getSignedUrlWithCannedPolicy(r -> r.resourceUrl("https://d222222abcdef8.cloudfront.net/other.txt")
                .privateKey(TestKeys.RSA.jcaPrivateKey()).keyPairId(TestKeys.RSA_ID).expirationDate(expires())).url();
        HttpResponse<String> r = get(url.replace("https://d222222abcdef8.cloudfront.net", DIST), null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo(CloudFrontError.ACCESS_DENIED.xmlBody());
    }
}
