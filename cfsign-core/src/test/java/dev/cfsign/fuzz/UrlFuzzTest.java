package dev.cfsign.fuzz;

import static dev.cfsign.fuzz.FuzzChecks.check;
import static dev.cfsign.fuzz.FuzzChecks.text;
import static dev.cfsign.fuzz.FuzzChecks.typedOnly;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.ObjectUrl;
import dev.cfsign.SignedUrl;
import dev.cfsign.TestKeys;
import dev.cfsign.VerificationResult;
import dev.cfsign.ViewerRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * URL checks for signing. Properties: only {@code SigningException} escapes; a URL the signer accepts is canonical
 * (idempotent), reads back unchanged as a viewer request, and once signed is allowed by a verifier trusting the key;
 * {@code ObjectUrl.of} gives a URL the signer accepts whose path decodes back to the object key.
 */
class UrlFuzzTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final CloudFrontSigner SIGNER = CloudFrontSigner.builder().keyPairId("KEC")
            .signingKey(TestKeys.signingKey(TestKeys.EC)).clock(CLOCK).build();
    static final CloudFrontVerifier VERIFIER = CloudFrontVerifier.builder().trust("KEC", TestKeys.pub(TestKeys.EC))
            .clock(CLOCK).build();

    @FuzzTest(maxDuration = FuzzChecks.MAX_DURATION)
    void canonicalUrl(byte[] data) {
        String url = text(data);
        String canonical = typedOnly(() -> CloudFrontSigner.canonicalUrl(url));
        if (canonical == null) {
            return;
        }
        check(CloudFrontSigner.canonicalUrl(canonical).equals(canonical), "canonicalUrl is idempotent");
        check(canonical.chars().allMatch(c -> c > 0x20 && c < 0x7f), "a signable URL is printable ASCII");
        check(ViewerRequest.of(canonical).url().equals(canonical), "the viewer request reads the URL back unchanged");
        SignedUrl signed = typedOnly(() -> SIGNER.signUrl(url, Duration.ofMinutes(5)));
        if (signed != null) {
            VerificationResult r = VERIFIER.check(ViewerRequest.of(signed.url()));
            check(r.isAllowed(), "a URL the signer accepted is denied by the verifier: " + r.denialReason());
        }
    }

    @FuzzTest(maxDuration = FuzzChecks.MAX_DURATION)
    void objectUrl(FuzzedDataProvider data) {
        String base = data.consumeBoolean() ? data.consumeString(40)
                : pick(data, "cdn.example.com", "https://d111111abcdef8.cloudfront.net/media/", "http://localhost:8080");
        String key = data.consumeRemainingAsString();
        String url = typedOnly(() -> ObjectUrl.of(base, key));
        if (url == null) {
            return;
        }
        String canonical = typedOnly(() -> CloudFrontSigner.canonicalUrl(url));
        check(canonical != null, "ObjectUrl.of made a URL the signer refuses");
        String normalizedBase = ObjectUrl.normalizeBase(base);
        check(url.startsWith(normalizedBase + "/"), "the object URL starts with the base");
        String decoded = percentDecode(url.substring(normalizedBase.length() + 1));
        String expectedKey = key.startsWith("/") ? key.substring(1) : key;
        // Unpaired surrogates cannot be encoded to UTF-8: Java writes '?', so compare with what UTF-8 keeps.
        String representable = new String(expectedKey.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        check(decoded.equals(representable), "the URL's path decodes back to the object key");
    }

    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String pick(FuzzedDataProvider data, String... options) {
        return options[data.consumeInt(0, options.length - 1)];
    }
}
