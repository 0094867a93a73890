package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.internal.CloudFrontBase64;
import dev.cfsign.internal.PolicyJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule of issue #11: for every request, {@code explain} reports a problem exactly when {@code verify} denies it,
 * and its problem is one that explains the verifier's {@link DenialReason}. Fed the bad-input catalogue, every
 * mutation class of the verifier tests, over several clocks, and random mutation chains.
 */
class VerifyExplainAgreementTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final long EXP = NOW.getEpochSecond() + 600;
    static final String ID = "K2JCJMDEHXQW5F";
    static final TrustedKeys KEYS = TrustedKeys.builder().add(ID, TestKeys.pub(TestKeys.RSA))
            .add("KOLD", TestKeys.pub(TestKeys.RSA_OTHER)).add("KEC", TestKeys.pub(TestKeys.EC)).build();
    /** Clocks around the interesting instants: before the start, now, at and after the expiry. */
    static final List<Instant> CLOCKS = List.of(NOW.minusSeconds(120), NOW, Instant.ofEpochSecond(EXP),
            Instant.ofEpochSecond(EXP + 1));

    /** One request: URL, optional Cookie header, optional viewer IP. */
    record Req(String url, String cookie, String ip) {
        ViewerRequest viewer() {
            ViewerRequest.Builder b = ViewerRequest.builder().url(url);
            if (cookie != null) {
                b.cookieHeader(cookie);
            }
            if (ip != null) {
                b.viewerIp(BadInputs.ip(ip));
            }
            return b.build();
        }

        Req url(UnaryOperator<String> f) {
            return new Req(f.apply(url), cookie, ip);
        }

        Req cookie(UnaryOperator<String> f) {
            return new Req(url, cookie == null ? null : f.apply(cookie), ip);
        }

        @Override
        public String toString() {
            return url.length() > 90 ? url.substring(0, 90) + "…" : url;
        }
    }

    static void assertAgree(CloudFrontVerifier verifier, SignedUrlDiagnosis diagnosis, ViewerRequest request,
                            String what) {
        VerificationResult verdict = verifier.check(request);
        SignedUrlDiagnosis.Finding finding = diagnosis.diagnose(request);

        assertThat(finding.isOk()).as("%s: explain says %s, verify says %s", what, finding.problem(), verdict)
                .isEqualTo(verdict.isAllowed());
        if (!verdict.isAllowed()) {
            DenialReason reason = verdict.denialReason().orElseThrow();
            assertThat(finding.denial()).as(what).contains(reason);
            assertThat(finding.problem().denialReasons()).as("%s: %s explains %s", what, finding.problem(), reason)
                    .contains(reason);
        }
    }

    static void assertAgree(Req r, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        CloudFrontVerifier verifier = CloudFrontVerifier.builder().trust(KEYS).clock(clock).build();
        SignedUrlDiagnosis diagnosis = SignedUrlDiagnosis.builder().keyPairId(ID).publicKey(TestKeys.pub(TestKeys.RSA))
                .otherKeys(KEYS).clock(clock).build();
        assertAgree(verifier, diagnosis, r.viewer(), r + " at " + now);
    }

    // ---- the bad-input catalogue ------------------------------------------------------------------------------

    static Stream<BadInputs.Case> requests() {
        return BadInputs.all().stream().filter(c -> c.input() instanceof BadInputs.Input.Request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void catalogue_explainAgreesWithVerify(BadInputs.Case c) {
        BadInputs.Input.Request in = (BadInputs.Input.Request) c.input();
        SignedUrlDiagnosis diagnosis = SignedUrlDiagnosis.builder().keyPairId(BadInputs.ID)
                .publicKey(BadInputs.VERIFIER.trustedKeys().asMap().get(BadInputs.ID)).clock(BadInputs.CLOCK).build();

        assertAgree(BadInputs.VERIFIER, diagnosis, new Req(in.url(), in.cookieHeader(), in.viewerIp()).viewer(),
                c.toString());
    }

    // ---- every mutation class of the verifier tests -----------------------------------------------------------

    static String canned(String url, HashAlgorithm h, String keyId, java.security.KeyPair k) {
        String sig = TestKeys.sign(k, h, PolicyJson.canned(url, EXP));
        return url + (url.contains("?") ? "&" : "?") + "Expires=" + EXP + "&Signature=" + sig + "&Key-Pair-Id=" + keyId
                + (h == HashAlgorithm.SHA256 ? "&Hash-Algorithm=SHA256" : "");
    }

    static String customParams(String policy, HashAlgorithm h, String keyId, java.security.KeyPair k, String sep) {
        return "Policy=" + CloudFrontBase64.encode(policy.getBytes(StandardCharsets.UTF_8)) + sep + "Signature="
                + TestKeys.sign(k, h, policy) + sep + "Key-Pair-Id=" + keyId
                + (h == HashAlgorithm.SHA256 ? sep + "Hash-Algorithm=SHA256" : "");
    }

    static final String WIDE = PolicyJson.custom("https://d.net/videos/*", EXP, NOW.getEpochSecond() - 60,
            "192.0.2.0/24");

    /** Good requests of each kind: canned RSA/EC, SHA-1/SHA-256, custom with wildcard and IP, cookies. */
    static List<Req> bases() {
        return List.of(
                new Req(canned("https://d.net/a.jpg", HashAlgorithm.SHA1, ID, TestKeys.RSA), null, null),
                new Req(canned("https://d.net/a%20b.jpg?x=1&y=%2F", HashAlgorithm.SHA256, ID, TestKeys.RSA), null, null),
                new Req(canned("https://d.net/a.jpg?f=UTF-8''a*b", HashAlgorithm.SHA1, "KEC", TestKeys.EC), null, null),
                new Req("https://d.net/videos/a.mp4?" + customParams(WIDE, HashAlgorithm.SHA1, ID, TestKeys.RSA, "&"),
                        null, "192.0.2.7"),
                new Req("https://d.net/videos/b.mp4", customParams(WIDE, HashAlgorithm.SHA256, "KEC", TestKeys.EC, "; ")
                        .replaceAll("(^|; )", "$1CloudFront-"), "192.0.2.9"));
    }

    static final String[] PARAMS = {"Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm"};

    /** Named mutations of a request: each class the verifier tests cover. */
    static List<UnaryOperator<Req>> mutations() {
        List<UnaryOperator<Req>> m = new ArrayList<>();
        m.add(r -> r);
        for (String p : PARAMS) {
            m.add(r -> r.url(u -> u + "&" + p + "=" + valueOf(u, p)));            // the same parameter twice
            m.add(r -> r.url(u -> u + "&" + p + "=X"));                           // twice, another value
            m.add(r -> r.url(u -> u.replaceFirst("([?&])" + p + "=[^&]*&?", "$1")));   // missing
            m.add(r -> r.url(u -> u.replace(p + "=", p.toLowerCase(Locale.ROOT) + "=")));   // lower case
            m.add(r -> r.cookie(c -> c.replaceFirst("CloudFront-" + p + "=[^;]*(; )?", "")));
            m.add(r -> r.url(u -> u.replace(p + "=", p + "=%20")));
        }
        m.add(r -> r.url(u -> u + "&Policy=" + CloudFrontBase64.encode(WIDE.getBytes(StandardCharsets.UTF_8))));
        m.add(r -> r.url(u -> u + "&Expires=" + EXP));                            // both Expires and Policy
        m.add(r -> r.url(u -> u.replace("Hash-Algorithm=SHA256", "Hash-Algorithm=sha256")));
        m.add(r -> r.url(u -> u.replace("&Hash-Algorithm=SHA256", "")));          // SHA-256 without the parameter
        m.add(r -> r.url(u -> u + "&Hash-Algorithm=SHA256"));
        m.add(r -> r.url(u -> u + "&Hash-Algorithm=MD5"));
        m.add(r -> r.url(u -> u.replace("Key-Pair-Id=" + ID, "Key-Pair-Id=KOLD")));
        m.add(r -> r.url(u -> u.replace("Key-Pair-Id=" + ID, "Key-Pair-Id=E2QWRUHAPOMQZL")));
        m.add(r -> r.url(u -> u.replace("Key-Pair-Id=" + ID, "Key-Pair-Id=123456789012")));
        m.add(r -> r.url(u -> swapAlphabet(u, "-~_", "+/=")));                    // standard base64
        m.add(r -> r.url(u -> swapAlphabet(u, "~", "_")));                        // URL-safe base64
        m.add(r -> r.url(u -> u.replace("Expires=" + EXP, "Expires=" + EXP * 1000)));   // milliseconds
        m.add(r -> r.url(u -> u.replace("Expires=" + EXP, "Expires=" + (EXP + 1))));
        m.add(r -> new Req(r.url(), r.cookie(), "198.51.100.7"));                // IP outside
        m.add(r -> new Req(r.url(), r.cookie(), "2001:db8::1"));                  // IPv6
        m.add(r -> new Req(r.url(), r.cookie(), null));                           // no IP
        m.add(r -> r.url(u -> u.replace("/videos/", "/private/")));              // wildcard out
        m.add(r -> r.url(u -> u.replace("/videos/", "/videos/deeper/")));        // wildcard in
        m.add(r -> r.url(u -> u.replace("https://", "http://")));
        m.add(r -> r.url(u -> u.replace("d.net", "d.net:8443")));
        m.add(r -> r.url(u -> u.replace("d.net", "other.net")));
        m.add(r -> r.url(u -> u.replace("/a", "/A")));
        m.add(r -> r.url(u -> u.replace("%20", "+")));
        m.add(r -> r.url(u -> u.replace("d.net/", "d.net/x/../")));             // dot segment
        m.add(r -> r.url(u -> u.replace("d.net/", "d.net/%2e/")));
        m.add(r -> r.url(u -> u.replace("?", "?added=1&")));                      // query added after signing
        m.add(r -> r.url(u -> u.replace("x=1", "x=%31")));
        m.add(r -> r.url(u -> u + "#frag"));
        m.add(r -> r.cookie(c -> c + "; CloudFront-Expires=" + EXP));
        m.add(r -> r.cookie(c -> "CloudFront-Key-Pair-Id=KOLD; " + c));         // first cookie wins
        m.add(r -> r.cookie == null ? new Req(r.url().replaceFirst("[?&](Expires|Policy)=.*", ""),
                r.url().substring(r.url().indexOf('?') + 1).replaceAll("(^|&)", "$1CloudFront-").replace('&', ';'),
                r.ip()) : r);                                                      // the URL's credentials as cookies
        m.add(r -> r.cookie == null ? r : new Req(r.url() + "?Key-Pair-Id=" + ID, r.cookie(), r.ip()));  // both
        m.add(r -> r.cookie == null ? r : new Req(r.url(), null, r.ip()));       // cookies not sent
        return m;
    }

    static String valueOf(String url, String p) {
        int i = url.indexOf(p + "=");
        if (i < 0) {
            return "1";
        }
        int end = url.indexOf('&', i);
        return url.substring(i + p.length() + 1, end < 0 ? url.length() : end);
    }

    static String swapAlphabet(String url, String from, String to) {
        String sig = valueOf(url, "Signature");
        String swapped = sig;
        for (int i = 0; i < from.length(); i++) {
            swapped = swapped.replace(from.charAt(i), to.charAt(i));
        }
        return url.replace(sig, swapped.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"));
    }

    static Stream<Object[]> mutated() {
        List<Object[]> out = new ArrayList<>();
        List<UnaryOperator<Req>> ms = mutations();
        List<Req> bases = bases();
        for (int b = 0; b < bases.size(); b++) {
            for (int i = 0; i < ms.size(); i++) {
                out.add(new Object[] {"base " + b + ", mutation " + i, ms.get(i).apply(bases.get(b))});
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutated")
    void mutations_explainAgreesWithVerify_atEveryClock(String name, Req r) {
        for (Instant now : CLOCKS) {
            assertAgree(r, now);
        }
    }

    /** The mutations reach every denial reason and most refinements, so the agreement above is not vacuous. */
    @org.junit.jupiter.api.Test
    void mutations_coverEveryDenialReasonAndMostProblems() {
        java.util.Set<DenialReason> reasons = java.util.EnumSet.noneOf(DenialReason.class);
        java.util.Set<SignedUrlDiagnosis.Problem> problems = java.util.EnumSet.noneOf(SignedUrlDiagnosis.Problem.class);
        for (Instant now : CLOCKS) {
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            SignedUrlDiagnosis d = SignedUrlDiagnosis.builder().keyPairId(ID).publicKey(TestKeys.pub(TestKeys.RSA))
                    .otherKeys(KEYS).clock(clock).build();
            CloudFrontVerifier v = CloudFrontVerifier.builder().trust(KEYS).clock(clock).build();
            mutated().forEach(o -> {
                ViewerRequest r = ((Req) o[1]).viewer();
                v.check(r).denialReason().ifPresent(reasons::add);
                problems.add(d.diagnose(r).problem());
            });
        }

        assertThat(reasons).containsExactlyInAnyOrder(DenialReason.values());
        assertThat(problems).contains(SignedUrlDiagnosis.Problem.OK, SignedUrlDiagnosis.Problem.DUPLICATE_PARAMETER,
                SignedUrlDiagnosis.Problem.NOT_A_KEY_PAIR_ID, SignedUrlDiagnosis.Problem.STANDARD_BASE64,
                SignedUrlDiagnosis.Problem.URL_SAFE_BASE64, SignedUrlDiagnosis.Problem.MILLISECONDS_AS_SECONDS,
                SignedUrlDiagnosis.Problem.SHA256_WITHOUT_HASH_PARAMETER, SignedUrlDiagnosis.Problem.WRONG_PUBLIC_KEY,
                SignedUrlDiagnosis.Problem.RESOURCE_MISMATCH, SignedUrlDiagnosis.Problem.DOT_SEGMENT);
    }

    /**
     * Without keys, explain agrees with a verifier that trusts every key, except where only a key can tell: an unknown
     * key or a bad signature is never reported, and "allowed" becomes "signature not checked".
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mutated")
    void mutations_keylessExplainAgreesWithVerify_butForKeyAndSignature(String name, Req r) {
        for (Instant now : CLOCKS) {
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            VerificationResult verdict = CloudFrontVerifier.builder().trust(KEYS).clock(clock).build().check(r.viewer());
            SignedUrlDiagnosis.Finding f = SignedUrlDiagnosis.withoutKeys(clock).diagnose(r.viewer());
            DenialReason reason = verdict.denialReason().orElse(null);
            String what = r + " at " + now + ": verify says " + verdict + ", explain " + f.problem();

            assertThat(f.problem()).as(what).isNotEqualTo(SignedUrlDiagnosis.Problem.OK);
            assertThat(f.denialReason()).as(what).isNotIn(DenialReason.UNKNOWN_KEY_PAIR_ID, DenialReason.BAD_SIGNATURE);
            if (reason != DenialReason.UNKNOWN_KEY_PAIR_ID && reason != DenialReason.BAD_SIGNATURE) {
                assertThat(f.denial()).as(what).isEqualTo(verdict.denialReason());
                assertThat(f.problem() == SignedUrlDiagnosis.Problem.SIGNATURE_NOT_CHECKED).as(what)
                        .isEqualTo(verdict.isAllowed());
            }
        }
    }

    // ---- random chains of mutations ---------------------------------------------------------------------------

    @Provide
    Arbitrary<Req> chains() {
        List<UnaryOperator<Req>> ms = mutations();
        return Arbitraries.integers().between(0, bases().size() - 1).flatMap(b -> Arbitraries.integers()
                .between(0, ms.size() - 1).list().ofMinSize(1).ofMaxSize(4).map(chain -> {
                    Req r = bases().get(b);
                    for (int i : chain) {
                        r = ms.get(i).apply(r);
                    }
                    return r;
                }));
    }

    @Property(tries = 300)
    void randomMutationChains_explainAgreesWithVerify(@ForAll("chains") Req r, @ForAll("clocks") Instant now) {
        assertAgree(r, now);
    }

    @Provide
    Arbitrary<Instant> clocks() {
        return Arbitraries.of(CLOCKS);
    }

    /** The words of the issue: a repeated parameter is a problem in explain, as in verify. */
    @ParameterizedTest
    @MethodSource("repeated")
    void repeatedParameter_isAProblemInExplain(String param) {
        Req r = bases().get(1).url(u -> u + "&" + param + "=" + valueOf(u, param));
        SignedUrlDiagnosis d = SignedUrlDiagnosis.builder().keyPairId(ID).publicKey(TestKeys.pub(TestKeys.RSA))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

        SignedUrlDiagnosis.Finding f = d.diagnose(r.viewer());

        assertThat(f.problem()).isEqualTo(SignedUrlDiagnosis.Problem.DUPLICATE_PARAMETER);
        assertThat(f.explanation()).contains(param);
    }

    static Stream<String> repeated() {
        return Stream.of("Key-Pair-Id", "Signature", "Expires", "Hash-Algorithm");
    }
}
