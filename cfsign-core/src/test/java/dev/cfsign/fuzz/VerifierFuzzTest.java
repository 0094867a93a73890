package dev.cfsign.fuzz;

import static dev.cfsign.fuzz.FuzzChecks.check;
import static dev.cfsign.fuzz.FuzzChecks.text;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.CustomPolicy;
import dev.cfsign.HashAlgorithm;
import dev.cfsign.SignedCookies;
import dev.cfsign.SignedRequestParts;
import dev.cfsign.SignedUrlDiagnosis;
import dev.cfsign.TestKeys;
import dev.cfsign.VerificationResult;
import dev.cfsign.VerifiedRequest;
import dev.cfsign.ViewerRequest;
import dev.cfsign.internal.CloudFrontBase64;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-URL and signed-cookie parser and the verifier, with fixed trusted keys.
 *
 * <p>Property: {@code check} never throws, and whenever it allows a request, the verified policy is one that a
 * trusted key really signed under that key pair ID with that hash ({@link #SIGNED} records every policy our signers
 * signed). Requests are made by editing valid signed URLs and cookies (insert, delete, replace with signing-parameter
 * tokens, swap and repeat parameters, move them to cookies), and by signing fuzzed policies with a key that is not
 * trusted, or with a trusted key under the other key's ID.
 */
class VerifierFuzzTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final String RSA_ID = "K2JCJMDEHXQW5F";
    static final String EC_ID = "KECDSAP256EXAMPLE";
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final CloudFrontVerifier VERIFIER = CloudFrontVerifier.builder()
            .trust(RSA_ID, TestKeys.pub(TestKeys.RSA))
            .trust(EC_ID, TestKeys.pub(TestKeys.EC))
            .clock(CLOCK).clockSkew(Duration.ofSeconds(30)).build();

    /** "keyPairId hash policyJson" of everything a trusted key signed. */
    static final Set<String> SIGNED = Collections.synchronizedSet(new HashSet<>());
    static final List<String> URLS = new ArrayList<>();
    static final List<String> COOKIES = new ArrayList<>();

    static final String[] TOKENS = {"&", "=", "?", "/", "%", "#", ";", " ", "Expires=", "Policy=", "Signature=",
        "Key-Pair-Id=", "Hash-Algorithm=", "SHA256", "SHA1", "sha256", "%26", "%3D", "%2F", "%25", "%20", RSA_ID, EC_ID,
        "2147483647", "1780272000", "-1", "0", "*", "~", "-", "_", "CloudFront-", "CloudFront-Expires=",
        "CloudFront-Policy=", "CloudFront-Signature=", "CloudFront-Key-Pair-Id=", "CloudFront-Hash-Algorithm=", "https://",
        "http://", ":443", ":8080", "@", "..", "/./", "\\?", "AAAA", "eyJTdGF0ZW1lbnQiOlt7", "\"", "\u0000", "é"};

    static final String HOST = "https://d111111abcdef8.cloudfront.net";

    static {
        for (KeyPair kp : List.of(TestKeys.RSA, TestKeys.EC)) {
            String id = kp == TestKeys.RSA ? RSA_ID : EC_ID;
            for (HashAlgorithm h : HashAlgorithm.values()) {
                CloudFrontSigner s = CloudFrontSigner.builder().keyPairId(id).signingKey(TestKeys.signingKey(kp))
                        .hashAlgorithm(h).clock(CLOCK).build();
                var canned = s.signUrl(HOST + "/videos/intro.mp4?quality=hd&lang=en", Duration.ofMinutes(10));
                record(URLS, canned.url(), id, h, canned.policy().toJson());
                CustomPolicy wide = CustomPolicy.builder().resource(HOST + "/videos/*").expiresAt(NOW.plusSeconds(600))
                        .activeFrom(NOW.minusSeconds(60)).ipRange("192.0.2.0/24").build();
                record(URLS, s.signUrl(HOST + "/videos/a%20b.mp4", wide).url(), id, h, wide.toJson());
                CustomPolicy exact = CustomPolicy.builder().expiresAt(NOW.plusSeconds(600)).build();
                var u = s.signUrl(HOST + "/img/x.jpg?w=1", exact);
                record(URLS, u.url(), id, h, u.policy().toJson());
                SignedCookies c1 = s.signCookies(wide);
                record(COOKIES, header(c1), id, h, wide.toJson());
                SignedCookies c2 = s.signCookies(HOST + "/videos/intro.mp4", NOW.plusSeconds(600));
                record(COOKIES, header(c2), id, h, c2.policy().toJson());
            }
        }
    }

    private static void record(List<String> into, String credential, String id, HashAlgorithm h, String policyJson) {
        into.add(credential);
        SIGNED.add(id + " " + h + " " + policyJson);
    }

    static String header(SignedCookies c) {
        return c.cookies().stream().map(x -> x.name() + "=" + x.value()).collect(Collectors.joining("; "));
    }

    @FuzzTest(maxDuration = FuzzChecks.MAX_DURATION)
    void editedSignedRequests(FuzzedDataProvider data) {
        boolean useCookies = data.consumeBoolean();
        String url = useCookies ? HOST + pick(data, "/videos/intro.mp4", "/videos/a%20b.mp4", "/other.mp4")
                : URLS.get(data.consumeInt(0, URLS.size() - 1));
        String cookie = useCookies ? COOKIES.get(data.consumeInt(0, COOKIES.size() - 1)) : null;
        int edits = data.consumeInt(0, 6);
        for (int i = 0; i < edits; i++) {
            boolean onCookie = cookie != null && data.consumeBoolean();
            String s = onCookie ? cookie : url;
            s = edit(s, data);
            if (onCookie) {
                cookie = s;
            } else {
                url = s;
            }
        }
        if (!useCookies && data.consumeInt(0, 9) == 0) {
            // Move the URL's signing parameters into cookies.
            int q = url.indexOf('?');
            if (q > 0) {
                cookie = "CloudFront-" + url.substring(q + 1).replace("&", "; CloudFront-");
                url = url.substring(0, q);
            }
        }
        verifyAndCheck(url, cookie, viewerIp(data));
    }

    /** Fuzzed policies signed by an untrusted key, or by a trusted key under the other key's ID: always denied. */
    @FuzzTest(maxDuration = FuzzChecks.MAX_DURATION)
    void forgedPolicies(FuzzedDataProvider data) {
        boolean wrongId = data.consumeBoolean();
        HashAlgorithm h = data.consumeBoolean() ? HashAlgorithm.SHA1 : HashAlgorithm.SHA256;
        boolean canned = data.consumeBoolean();
        String path = "/" + data.consumeString(40);
        String policy = canned ? null : data.consumeRemainingAsString();
        KeyPair signer = wrongId ? TestKeys.EC : TestKeys.RSA_OTHER;
        String claimedId = RSA_ID;
        String url;
        if (canned) {
            long exp = NOW.getEpochSecond() + 600;
            String base = HOST + path;
            String json = dev.cfsign.internal.PolicyJson.canned(base, exp);
            url = base + (base.contains("?") ? "&" : "?") + "Expires=" + exp + "&Signature="
                    + TestKeys.sign(signer, h, json) + "&Key-Pair-Id=" + claimedId;
        } else {
            url = HOST + path + (path.contains("?") ? "&" : "?") + "Policy="
                    + CloudFrontBase64.encode(policy.getBytes(StandardCharsets.UTF_8)) + "&Signature="
                    + TestKeys.sign(signer, h, policy) + "&Key-Pair-Id=" + claimedId;
        }
        if (h == HashAlgorithm.SHA256) {
            url += "&Hash-Algorithm=SHA256";
        }
        VerificationResult r = verifyAndCheck(url, null, viewerIp(data));
        check(r == null || !r.isAllowed(), "a policy signed by an untrusted key was allowed");
    }

    /** Any text as a URL and cookie header: the parser, the diagnosis and the verifier never throw. */
    @FuzzTest(maxDuration = FuzzChecks.MAX_DURATION)
    void arbitraryRequests(byte[] data) {
        String s = text(data);
        int nl = s.indexOf('\n');
        String url = nl < 0 ? s : s.substring(0, nl);
        String cookie = nl < 0 ? null : s.substring(nl + 1);
        ViewerRequest request = request(url, cookie, null);
        if (request == null) {
            return;
        }
        VERIFIER.check(request);
        SignedRequestParts parts = SignedRequestParts.parseUnverified(request);
        parts.toString();
        parts.resource();
        parts.expiresAt();
        parts.policyProblem();
        SignedUrlDiagnosis.builder().keyPairId(RSA_ID).publicKey(TestKeys.pub(TestKeys.RSA)).clock(CLOCK).build()
                .diagnose(request);
    }

    private static VerificationResult verifyAndCheck(String url, String cookie, InetAddress ip) {
        ViewerRequest request = request(url, cookie, ip);
        if (request == null) {
            return null;
        }
        VerificationResult r = VERIFIER.check(request);
        if (r.isAllowed()) {
            VerifiedRequest v = r.verifiedRequest().orElseThrow();
            check(SIGNED.contains(v.keyPairId() + " " + v.hashAlgorithm() + " " + v.policyJson()),
                    "allowed a request whose policy no trusted key signed");
        } else {
            check(r.denialReason().isPresent() && !r.message().isBlank(), "a denial has a reason and a message");
        }
        return r;
    }

    /** The request, or null when ViewerRequest refuses the URL (documented: IllegalArgumentException). */
    private static ViewerRequest request(String url, String cookie, InetAddress ip) {
        try {
            ViewerRequest.Builder b = ViewerRequest.builder().url(url).viewerIp(ip);
            if (cookie != null) {
                b.cookieHeader(cookie);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String edit(String s, FuzzedDataProvider data) {
        int n = s.length();
        int at = data.consumeInt(0, n);
        switch (data.consumeInt(0, 5)) {
            case 0: // insert fuzzed text
                return s.substring(0, at) + data.consumeString(12) + s.substring(at);
            case 1: { // delete a range
                int end = Math.min(n, at + data.consumeInt(1, 40));
                return s.substring(0, at) + s.substring(end);
            }
            case 2: { // replace a range with a token
                int end = Math.min(n, at + data.consumeInt(0, 12));
                return s.substring(0, at) + pick(data, TOKENS) + s.substring(end);
            }
            case 3: { // swap two '&'-separated parts
                String[] parts = s.split("&", -1);
                if (parts.length > 2) {
                    int i = data.consumeInt(1, parts.length - 1);
                    int j = data.consumeInt(1, parts.length - 1);
                    String t = parts[i];
                    parts[i] = parts[j];
                    parts[j] = t;
                }
                return String.join("&", parts);
            }
            case 4: { // repeat a part
                String[] parts = s.split("[&;]", -1);
                return s + (s.contains(";") ? "; " : "&") + parts[data.consumeInt(0, parts.length - 1)].strip();
            }
            default: // flip one character of the signature area
                if (n == 0) {
                    return s;
                }
                char c = (char) data.consumeInt(0x21, 0x7e);
                return s.substring(0, at == n ? n - 1 : at) + c + s.substring(at == n ? n : at + 1);
        }
    }

    private static String pick(FuzzedDataProvider data, String... options) {
        return options[data.consumeInt(0, options.length - 1)];
    }

    private static InetAddress viewerIp(FuzzedDataProvider data) {
        try {
            switch (data.consumeInt(0, 3)) {
                case 0: return null;
                case 1: return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) data.consumeInt(0, 255)});
                case 2: return InetAddress.getByAddress(java.util.Arrays.copyOf(data.consumeBytes(4), 4));
                default: return InetAddress.getByAddress(new byte[16]);
            }
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
