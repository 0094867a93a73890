package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.internal.CloudFrontBase64;
import dev.cfsign.internal.PolicyJson;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Random URLs signed with the JDK over PolicyJson bytes always verify; single-byte flips never do. */
class CloudFrontVerifierPropertiesTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final long EXP = NOW.getEpochSecond() + 3600;
    static final CloudFrontVerifier V = CloudFrontVerifier.builder().trust("KRSA", TestKeys.pub(TestKeys.RSA))
            .trust("KEC", TestKeys.pub(TestKeys.EC)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    record Signed(String base, String policy, boolean canned, String keyId, KeyPair key, HashAlgorithm hash) {
        String url(String sig, String policyB64) {
            return base + (base.contains("?") ? "&" : "?") + (canned ? "Expires=" + EXP : "Policy=" + policyB64)
                    + "&Signature=" + sig + "&Key-Pair-Id=" + keyId + (hash == HashAlgorithm.SHA256 ? "&Hash-Algorithm=SHA256" : "");
        }
    }

    @Provide
    Arbitrary<Signed> signedUrls() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcXYZ019-._~%20!$'()*+,;=:@").ofMinLength(1).ofMaxLength(12)
                .map(s -> s.replace("%", "%25").replace("%2520", "%20"))
                .filter(s -> !PathSegments.hasDotSegment("/" + s)); // browsers never send dot segments: 400
        Arbitrary<List<String>> path = segment.list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<String> param = Combinators.combine(Arbitraries.strings().withChars("abcxyz_").ofMinLength(1).ofMaxLength(6),
                Arbitraries.strings().withChars("abc012%2F+-").ofMaxLength(8)).as((k, v) -> k + "=" + v.replace("%", "%25"));
        Arbitrary<List<String>> query = param.list().ofMaxSize(3);
        Arbitrary<String> host = Arbitraries.of("d111111abcdef8.cloudfront.net", "cdn.example.com", "media.example.org");
        return Combinators.combine(Arbitraries.of("http", "https"), host, path, query, Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of(HashAlgorithm.values()), Arbitraries.of(0, 1, 2))
                .as((scheme, h, p, q, canned, ec, hash, shape) -> {
                    String base = scheme + "://" + h + "/" + String.join("/", p) + (q.isEmpty() ? "" : "?" + String.join("&", q));
                    String resource = shape == 0 || canned ? base : shape == 1 ? scheme + "://" + h + "/*" : "*://" + h + "/" + p.get(0) + "*";
                    String policy = canned ? PolicyJson.canned(base, EXP)
                            : PolicyJson.custom(resource, EXP, NOW.getEpochSecond() - 60, null);
                    return new Signed(base, policy, canned, ec ? "KEC" : "KRSA", ec ? TestKeys.EC : TestKeys.RSA, hash);
                });
    }

    @Property(tries = 300)
    void check_randomSignedUrl_allowed(@ForAll("signedUrls") Signed s) {
        String sig = TestKeys.sign(s.key(), s.hash(), s.policy());
        String url = s.url(sig, CloudFrontBase64.encode(s.policy().getBytes(StandardCharsets.UTF_8)));

        VerificationResult r = V.check(ViewerRequest.of(url));

        assertThat(r.isAllowed()).as(r.toString()).isTrue();
    }

    @Property(tries = 300)
    void check_signatureByteFlipped_denied(@ForAll("signedUrls") Signed s, @ForAll @IntRange(min = 0, max = 511) int at,
                                           @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] sig = CloudFrontBase64.decode(TestKeys.sign(s.key(), s.hash(), s.policy()));
        sig[at % sig.length] ^= (byte) xor;
        String url = s.url(CloudFrontBase64.encode(sig), CloudFrontBase64.encode(s.policy().getBytes(StandardCharsets.UTF_8)));

        assertThat(V.check(ViewerRequest.of(url)).denialReason()).contains(DenialReason.BAD_SIGNATURE);
    }

    @Property(tries = 300)
    void check_policyByteFlipped_denied(@ForAll("signedUrls") Signed s, @ForAll @IntRange(min = 0, max = 511) int at,
                                        @ForAll @IntRange(min = 1, max = 255) int xor) {
        if (s.canned()) {
            return;
        }
        String sig = TestKeys.sign(s.key(), s.hash(), s.policy());
        byte[] policy = s.policy().getBytes(StandardCharsets.UTF_8);
        policy[at % policy.length] ^= (byte) xor;

        VerificationResult r = V.check(ViewerRequest.of(s.url(sig, CloudFrontBase64.encode(policy))));

        assertThat(r.denialReason()).contains(DenialReason.BAD_SIGNATURE);
    }
}
