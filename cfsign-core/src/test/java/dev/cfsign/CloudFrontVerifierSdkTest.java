package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.internal.CloudFrontBase64;
import java.net.InetAddress;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCannedPolicy;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCustomPolicy;
import software.amazon.awssdk.services.cloudfront.utils.SigningHashAlgorithm;

/**
 * The AWS SDK for Java v2 (2.57.8) is the independent signer: everything it signs must verify, and each single
 * mutation must be denied with the right reason.
 */
class CloudFrontVerifierSdkTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant EXPIRES = NOW.plusSeconds(3600);
    static final Instant ACTIVE = NOW.minusSeconds(3600);
    static final String RSA_ID = "K2JCJMDEHXQW5F";
    static final String EC_ID = "K3ECDSAP256TEST";
    static final CloudFrontUtilities SDK = CloudFrontUtilities.create();

    /** url, resource pattern (null = the URL itself), ip range (null = none), active date?, viewer ip. */
    record Case(String url, String pattern, String ipRange, boolean active, String viewerIp) {
        boolean cannedPossible() {
            return pattern == null && ipRange == null && !active;
        }

        @Override
        public String toString() {
            return url + (pattern == null ? "" : " ~ " + pattern) + (ipRange == null ? "" : " ip " + ipRange)
                    + (active ? " +active" : "");
        }
    }

    static final List<Case> CASES = List.of(
            new Case("https://d111111abcdef8.cloudfront.net/image.jpg", null, null, false, "203.0.113.9"),
            new Case("https://d111111abcdef8.cloudfront.net/image.jpg?size=large", null, null, false, "203.0.113.9"),
            new Case("https://d111111abcdef8.cloudfront.net/a/b/c.mp4?x=1&y=2&z=3", null, null, false, "203.0.113.9"),
            new Case("https://d111111abcdef8.cloudfront.net/my%20file.mp4", null, null, false, "203.0.113.9"),
            new Case("https://d111111abcdef8.cloudfront.net/caf%C3%A9/men%C3%BC.pdf", null, null, false, "203.0.113.9"),
            new Case("https://d111111abcdef8.cloudfront.net/a%2Fb%40c.txt", null, null, false, "203.0.113.9"),
            new Case("https://d111111abcdef8.cloudfront.net/dl?response-content-disposition=attachment%3B%20filename%3D%22a.pdf%22",
                    null, null, false, "203.0.113.9"),
            new Case("https://d111111abcdef8.cloudfront.net/q?b=2&a=1&b=1", null, null, false, "203.0.113.9"),
            new Case("https://d111111abcdef8.cloudfront.net/q?empty=&flag", null, null, false, "203.0.113.9"),
            new Case("https://d111111abcdef8.cloudfront.net/q?plus=a+b&pct=a%2Bb", null, null, false, "203.0.113.9"),
            new Case("http://d111111abcdef8.cloudfront.net/plain-http.txt", null, null, false, "203.0.113.9"),
            new Case("https://cdn.example.com/private/report.pdf", null, null, false, "203.0.113.9"),
            new Case("https://media.example.org/v/1/2/3/4/5/6/seg-00001.ts", null, null, false, "203.0.113.9"),
            new Case("https://cdn.example.com/", null, null, false, "203.0.113.9"),
            new Case("https://cdn.example.com/tilde~and_underscore-and.dot", null, null, false, "203.0.113.9"),
            new Case("https://cdn.example.com/star*in*path.txt", null, null, false, "203.0.113.9"),
            new Case("https://cdn.example.com/video.mp4", null, "203.0.113.0/24", false, "203.0.113.77"),
            new Case("https://cdn.example.com/video.mp4", null, "198.51.100.7/32", false, "198.51.100.7"),
            new Case("https://cdn.example.com/video.mp4", null, "10.0.0.0/8", true, "10.200.3.4"),
            new Case("https://cdn.example.com/video.mp4?quality=hd", null, null, true, "203.0.113.9"),
            new Case("https://cdn.example.com/videos/intro.mp4", "https://cdn.example.com/videos/*", null, false, "203.0.113.9"),
            new Case("https://cdn.example.com/videos/a/b/intro.mp4?t=30", "https://cdn.example.com/videos/*", null, false,
                    "203.0.113.9"),
            new Case("https://cdn.example.com/img/cat.jpg", "https://cdn.example.com/img/*.jpg", null, false, "203.0.113.9"),
            new Case("https://cdn.example.com/img/cat1.png", "https://cdn.example.com/img/cat?.png", null, false, "203.0.113.9"),
            new Case("https://cdn.example.com/any/thing", "https://cdn.example.com/*", "192.0.2.0/24", true, "192.0.2.200"),
            new Case("https://eu.cdn.example.com/x.bin", "https://*.cdn.example.com/*", null, false, "203.0.113.9"),
            new Case("http://cdn.example.com/x.bin", "*://cdn.example.com/*", null, false, "203.0.113.9"),
            new Case("https://cdn.example.com/x.bin?sig=1", "https://cdn.example.*", null, false, "203.0.113.9"),
            new Case("https://cdn.example.com/everything", "*", null, false, "203.0.113.9"),
            new Case("https://cdn.example.com/doc.pdf?v=2", "https://cdn.example.com/doc.pdf?v=*", null, false, "203.0.113.9"),
            new Case("https://cdn.example.com/hls/master.m3u8", "https://cdn.example.com/hls/*", "0.0.0.0/0", true, "8.8.8.8"),
            new Case("https://d111111abcdef8.cloudfront.net/game_download.zip?license=yes",
                    "https://d111111abcdef8.cloudfront.net/*game_download.zip*", null, false, "203.0.113.9"));

    enum Mode { CANNED_URL, CUSTOM_URL, CANNED_COOKIES, CUSTOM_COOKIES }

    record Signed(ViewerRequest request, Mode mode, String keyId) {}

    static Stream<Arguments> allSigned() {
        List<Arguments> out = new ArrayList<>();
        for (Case c : CASES) {
            for (boolean ec : new boolean[] {false, true}) {
                for (SigningHashAlgorithm h : SigningHashAlgorithm.values()) {
                    for (Mode m : Mode.values()) {
                        if ((m == Mode.CANNED_URL || m == Mode.CANNED_COOKIES) && !c.cannedPossible()) {
                            continue;
                        }
                        out.add(Arguments.of(c, ec ? "EC" : "RSA", h, m));
                    }
                }
            }
        }
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(30);
        return out.stream();
    }

    static Signed sign(Case c, String keyKind, SigningHashAlgorithm h, Mode m) {
        KeyPair kp = keyKind.equals("EC") ? TestKeys.EC : TestKeys.RSA;
        String id = keyKind.equals("EC") ? EC_ID : RSA_ID;
        InetAddress ip = ip(c.viewerIp());
        switch (m) {
            case CANNED_URL: {
                String url = SDK.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(c.url()).privateKey(kp.getPrivate())
                        .keyPairId(id).expirationDate(EXPIRES).hashAlgorithm(h)).url();
                return new Signed(ViewerRequest.fromUrl(url, ip), m, id);
            }
            case CUSTOM_URL: {
                String url = SDK.getSignedUrlWithCustomPolicy(r -> custom(r.resourceUrl(c.url()), c)
                        .privateKey(kp.getPrivate()).keyPairId(id).expirationDate(EXPIRES).hashAlgorithm(h)).url();
                return new Signed(ViewerRequest.fromUrl(url, ip), m, id);
            }
            case CANNED_COOKIES: {
                CookiesForCannedPolicy k = SDK.getCookiesForCannedPolicy(r -> r.resourceUrl(c.url())
                        .privateKey(kp.getPrivate()).keyPairId(id).expirationDate(EXPIRES).hashAlgorithm(h));
                String header = String.join("; ", nonNull(k.expiresHeaderValue(), k.signatureHeaderValue(),
                        k.keyPairIdHeaderValue(), k.hashAlgorithmHeaderValue()));
                return new Signed(ViewerRequest.builder().url(c.url()).cookieHeader(header).viewerIp(ip).build(), m, id);
            }
            default: {
                CookiesForCustomPolicy k = SDK.getCookiesForCustomPolicy(r -> custom(r.resourceUrl(c.url()), c)
                        .privateKey(kp.getPrivate()).keyPairId(id).expirationDate(EXPIRES).hashAlgorithm(h));
                String header = String.join("; ", nonNull(k.policyHeaderValue(), k.signatureHeaderValue(),
                        k.keyPairIdHeaderValue(), k.hashAlgorithmHeaderValue()));
                return new Signed(ViewerRequest.builder().url(c.url()).cookieHeader(header).viewerIp(ip).build(), m, id);
            }
        }
    }

    private static software.amazon.awssdk.services.cloudfront.model.CustomSignerRequest.Builder custom(
            software.amazon.awssdk.services.cloudfront.model.CustomSignerRequest.Builder r, Case c) {
        if (c.pattern() != null) {
            r.resourceUrlPattern(c.pattern());
        }
        if (c.ipRange() != null) {
            r.ipRange(c.ipRange());
        }
        if (c.active()) {
            r.activeDate(ACTIVE);
        }
        return r;
    }

    private static List<String> nonNull(String... values) {
        List<String> l = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                l.add(v);
            }
        }
        return l;
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static CloudFrontVerifier verifier(Instant now) {
        return CloudFrontVerifier.builder()
                .trust(RSA_ID, TestKeys.pub(TestKeys.RSA))
                .trust(EC_ID, TestKeys.pub(TestKeys.EC))
                .trust("KOTHERRSA", TestKeys.pub(TestKeys.RSA_OTHER))
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
    }

    static final CloudFrontVerifier VERIFIER = verifier(NOW);

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("allSigned")
    void check_sdkSigned_allowed(Case c, String key, SigningHashAlgorithm h, Mode m) {
        Signed s = sign(c, key, h, m);

        VerificationResult r = VERIFIER.check(s.request());

        assertThat(r.isAllowed()).as(r.toString()).isTrue();
        VerifiedRequest v = r.verifiedRequest().orElseThrow();
        assertThat(v.keyPairId()).isEqualTo(s.keyId());
        assertThat(v.hashAlgorithm().name()).isEqualTo(h.name());
        assertThat(v.source()).isEqualTo(m == Mode.CANNED_URL || m == Mode.CUSTOM_URL
                ? CredentialSource.URL : CredentialSource.COOKIES);
        assertThat(v.isCannedPolicy()).isEqualTo(m == Mode.CANNED_URL || m == Mode.CANNED_COOKIES);
        assertThat(v.expiresAt()).isEqualTo(EXPIRES);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("allSigned")
    void check_expiryReachedOrOneSecondBefore_deniedThenAllowed(Case c, String key, SigningHashAlgorithm h, Mode m) {
        Signed s = sign(c, key, h, m);

        assertThat(verifier(EXPIRES).check(s.request()).denialReason()).contains(DenialReason.EXPIRED);
        assertThat(verifier(EXPIRES.plusSeconds(1)).check(s.request()).denialReason()).contains(DenialReason.EXPIRED);
        assertThat(verifier(EXPIRES.minusSeconds(1)).check(s.request()).isAllowed()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("allSigned")
    void check_oneSignatureByteChanged_badSignature(Case c, String key, SigningHashAlgorithm h, Mode m) {
        Signed s = sign(c, key, h, m);
        ViewerRequest tampered = mutateParam(s, "Signature", v -> flipByte(v, v.length() / 3));

        assertThat(VERIFIER.check(tampered).denialReason()).contains(DenialReason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("allSigned")
    void check_keyPairIdChanged_invalidKey(Case c, String key, SigningHashAlgorithm h, Mode m) {
        Signed s = sign(c, key, h, m);
        ViewerRequest tampered = mutateParam(s, "Key-Pair-Id", v -> v + "X");

        VerificationResult r = VERIFIER.check(tampered);

        assertThat(r.denialReason()).contains(DenialReason.UNKNOWN_KEY_PAIR_ID);
        assertThat(r.cloudFrontError()).contains(CloudFrontError.INVALID_KEY);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("allSigned")
    void check_keyPairIdOfOtherTrustedKey_badSignature(Case c, String key, SigningHashAlgorithm h, Mode m) {
        Signed s = sign(c, key, h, m);
        ViewerRequest tampered = mutateParam(s, "Key-Pair-Id", v -> "KOTHERRSA");

        assertThat(VERIFIER.check(tampered).denialReason()).contains(DenialReason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("allSigned")
    void check_onePolicyByteChanged_badSignature(Case c, String key, SigningHashAlgorithm h, Mode m) {
        if (m == Mode.CANNED_URL || m == Mode.CANNED_COOKIES) {
            return; // no Policy parameter; canned mutations are covered by path/query/expires below
        }
        Signed s = sign(c, key, h, m);
        ViewerRequest tampered = mutateParam(s, "Policy", v -> flipByte(v, 20));

        assertThat(VERIFIER.check(tampered).denialReason()).contains(DenialReason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("allSigned")
    void check_expiresChangedByOneSecond_badSignature(Case c, String key, SigningHashAlgorithm h, Mode m) {
        if (m != Mode.CANNED_URL && m != Mode.CANNED_COOKIES) {
            return;
        }
        Signed s = sign(c, key, h, m);
        ViewerRequest tampered = mutateParam(s, "Expires", v -> Long.toString(Long.parseLong(v) + 1));

        assertThat(VERIFIER.check(tampered).denialReason()).contains(DenialReason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("allSigned")
    void check_onePathByteChanged_denied(Case c, String key, SigningHashAlgorithm h, Mode m) {
        Signed s = sign(c, key, h, m);
        ViewerRequest in = s.request();
        String path = in.rawPath();
        int i = path.length() - 1;
        String changed = i == 0 ? "/q" : path.substring(0, i) + (path.charAt(i) == 'q' ? 'r' : 'q');
        ViewerRequest tampered = copy(in).rawPath(changed).build();

        VerificationResult r = VERIFIER.check(tampered);

        if (m == Mode.CANNED_URL || m == Mode.CANNED_COOKIES) {
            assertThat(r.denialReason()).contains(DenialReason.BAD_SIGNATURE);
        } else if (c.pattern() == null) {
            assertThat(r.denialReason()).contains(DenialReason.RESOURCE_MISMATCH);
        } else if (!ResourceMatcherAccess.matches(c.pattern(), tampered)) {
            assertThat(r.denialReason()).contains(DenialReason.RESOURCE_MISMATCH);
        } else {
            assertThat(r.isAllowed()).isTrue(); // the pattern covers the changed path
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("allSigned")
    void check_queryParameterAddedAfterSigning_denied(Case c, String key, SigningHashAlgorithm h, Mode m) {
        Signed s = sign(c, key, h, m);
        ViewerRequest in = s.request();
        String q = in.rawQuery().orElse(null);
        ViewerRequest tampered = copy(in).rawQuery(q == null ? "added=1" : "added=1&" + q).build();

        VerificationResult r = VERIFIER.check(tampered);

        if (m == Mode.CANNED_URL || m == Mode.CANNED_COOKIES) {
            assertThat(r.denialReason()).contains(DenialReason.BAD_SIGNATURE);
        } else if (c.pattern() == null) {
            assertThat(r.denialReason()).contains(DenialReason.RESOURCE_MISMATCH);
        } else {
            boolean covered = ResourceMatcherAccess.matches(c.pattern(), tampered);
            assertThat(r.isAllowed()).isEqualTo(covered);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("allSigned")
    void check_viewerIpOutsideRange_ipNotAllowed(Case c, String key, SigningHashAlgorithm h, Mode m) {
        if (c.ipRange() == null || c.ipRange().endsWith("/0")) {
            return;
        }
        Signed s = sign(c, key, h, m);
        ViewerRequest outside = copy(s.request()).viewerIp(ip("100.64.1.1")).build();

        assertThat(VERIFIER.check(outside).denialReason()).contains(DenialReason.IP_NOT_ALLOWED);
        assertThat(VERIFIER.check(copy(s.request()).viewerIp(ip("2001:db8::1")).build()).denialReason())
                .contains(DenialReason.IP_NOT_ALLOWED);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("allSigned")
    void check_beforeActiveDate_notYetValid(Case c, String key, SigningHashAlgorithm h, Mode m) {
        if (!c.active()) {
            return;
        }
        Signed s = sign(c, key, h, m);

        assertThat(verifier(ACTIVE).check(s.request()).denialReason()).contains(DenialReason.NOT_YET_VALID);
        assertThat(verifier(ACTIVE.plusSeconds(1)).check(s.request()).isAllowed()).isTrue();
    }

    // ---- helpers ----

    static String flipByte(String cfBase64, int index) {
        byte[] b = CloudFrontBase64.decode(cfBase64);
        b[Math.min(index, b.length - 1)] ^= 0x01;
        return CloudFrontBase64.encode(b);
    }

    static ViewerRequest.Builder copy(ViewerRequest in) {
        ViewerRequest.Builder b = ViewerRequest.builder().scheme(in.scheme()).host(in.host()).port(in.port())
                .rawPath(in.rawPath()).rawQuery(in.rawQuery().orElse(null)).viewerIp(in.viewerIp().orElse(null));
        in.cookieHeaders().forEach(b::cookieHeader);
        return b;
    }

    /** Rewrites one signing parameter, in the URL or in the cookies, wherever the request carries it. */
    static ViewerRequest mutateParam(Signed s, String name, java.util.function.UnaryOperator<String> f) {
        ViewerRequest in = s.request();
        ViewerRequest.Builder b = copy(in);
        if (s.mode() == Mode.CANNED_URL || s.mode() == Mode.CUSTOM_URL) {
            b.rawQuery(rewrite(in.rawQuery().orElseThrow(), "&", name, f));
        } else {
            ViewerRequest.Builder nb = ViewerRequest.builder().scheme(in.scheme()).host(in.host()).port(in.port())
                    .rawPath(in.rawPath()).rawQuery(in.rawQuery().orElse(null)).viewerIp(in.viewerIp().orElse(null));
            for (String h : in.cookieHeaders()) {
                nb.cookieHeader(rewrite(h, "; ", "CloudFront-" + name, f));
            }
            return nb.build();
        }
        return b.build();
    }

    private static String rewrite(String s, String sep, String name, java.util.function.UnaryOperator<String> f) {
        String[] parts = s.split(java.util.regex.Pattern.quote(sep), -1);
        boolean found = false;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith(name + "=")) {
                parts[i] = name + "=" + f.apply(parts[i].substring(name.length() + 1));
                found = true;
            }
        }
        assertThat(found).as("parameter " + name + " present").isTrue();
        return String.join(sep, parts);
    }
}
