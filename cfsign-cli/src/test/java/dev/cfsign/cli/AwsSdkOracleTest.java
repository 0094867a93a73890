package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;

/**
 * The AWS SDK for Java v2 (test scope) as an independent oracle: {@code cfsign sign URL --expires EPOCH} prints
 * exactly what {@code CloudFrontUtilities.getSignedUrlWithCannedPolicy} returns for the same key (read here with the
 * JDK alone) and expiry. Signing uses the real clock, so the epoch is in the future.
 */
class AwsSdkOracleTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "https://d111111abcdef8.cloudfront.net/image.jpg",
        "https://cdn.example.com/videos/intro%202024.mp4",
        "https://cdn.example.com/doc.pdf?response-content-disposition=attachment%3B%20filename%3D%22a.pdf%22",
        "https://cdn.example.com/search?q=a+b&page=2",
    })
    void sign_cannedUrl_equalsAwsSdk(String url) throws Exception {
        long expires = Instant.now().getEpochSecond() + 86_400;
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(Cli.read(Cli.RSA_PEM).replaceAll("-----[A-Z ]+-----", ""))));
        String sdk = CloudFrontUtilities.create().getSignedUrlWithCannedPolicy(r -> r.resourceUrl(url)
                .privateKey(key).keyPairId(Cli.KEY_ID).expirationDate(Instant.ofEpochSecond(expires))).url();

        Cli.Result r = run("sign", "--private-key", Cli.RSA_PEM.toString(), "--key-pair-id", Cli.KEY_ID,
                "--expires", Long.toString(expires), url);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo(sdk);
    }
}
