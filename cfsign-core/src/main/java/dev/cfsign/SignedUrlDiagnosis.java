package dev.cfsign;

import dev.cfsign.internal.CloudFrontBase64;
import dev.cfsign.internal.KeyVerifier;
import dev.cfsign.internal.PolicyJson;
import dev.cfsign.internal.PolicyReader;
import dev.cfsign.internal.ResourceMatcher;
import dev.cfsign.internal.SigningParameters;
import dev.cfsign.keys.VerificationKey;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Explains, in plain words, the first thing wrong with a signed URL or signed cookies that CloudFront rejects, and
 * how to fix it. Give it the failing request and what you believe the key pair ID and public key are; optionally
 * other keys of the key group, so "signed with another key" can be told from "tampered with".
 *
 * <pre>{@code
 * SignedUrlDiagnosis.Finding f = SignedUrlDiagnosis.builder()
 *     .keyPairId("K2JCJMDEHXQW5F").publicKey(VerificationKey.fromPem(pem))
 *     .build().diagnose(ViewerRequest.of(failingUrl));
 * System.out.println(f.explanation());
 * }</pre>
 *
 * <p>This is a troubleshooting aid: it tries alternatives (other hash, other keys, other resources) that the
 * verifier never tries, and it reads unauthenticated input. Never use it to grant access. Explanations never
 * contain the signature. Immutable and thread-safe; the builder is not.
 *
 * @since 0.1
 */
public final class SignedUrlDiagnosis {

    /** The first problem found. */
    public enum Problem {
        /** Nothing wrong: the request would be allowed. */
        OK,
        NO_CREDENTIALS,
        MISSING_KEY_PAIR_ID,
        /** The key pair ID is not the one expected (nor one of the other trusted keys). */
        WRONG_KEY_PAIR_ID,
        /** The "key pair ID" is a PEM key, an account ID or a key group ID. */
        NOT_A_KEY_PAIR_ID,
        BOTH_EXPIRES_AND_POLICY,
        MISSING_EXPIRES_OR_POLICY,
        MISSING_SIGNATURE,
        UNSUPPORTED_HASH_ALGORITHM,
        /** Standard base64 ({@code + / =}) instead of CloudFront's ({@code - ~ _}). */
        STANDARD_BASE64,
        /** URL-safe base64 ({@code /} → {@code _}) instead of CloudFront's ({@code /} → {@code ~}). */
        URL_SAFE_BASE64,
        MALFORMED_SIGNATURE,
        /** An S3 bucket or IAM policy was used as a CloudFront policy. */
        S3_BUCKET_POLICY,
        /** Epoch milliseconds where CloudFront wants seconds. */
        MILLISECONDS_AS_SECONDS,
        /** An epoch written as a quoted string. */
        QUOTED_EPOCH,
        MALFORMED_POLICY,
        /** Signed with SHA-256 but without {@code Hash-Algorithm=SHA256}. */
        SHA256_WITHOUT_HASH_PARAMETER,
        /** Signed with the private key of another trusted key pair ID than the one in the URL. */
        WRONG_PUBLIC_KEY,
        /** The canned policy that was signed contains whitespace. */
        WHITESPACE_IN_CANNED_POLICY,
        /** The signed resource is not the requested URL. */
        RESOURCE_MISMATCH,
        /** The signature matches no key and no plausible variant: tampered, or signed with an unknown key. */
        SIGNATURE_MISMATCH,
        EXPIRED,
        NOT_YET_VALID,
        IP_NOT_ALLOWED
    }

    /**
     * A diagnosis: the problem and an explanation with the fix.
     *
     * @param problem     the first problem found
     * @param explanation plain words, several lines at most; never contains the signature
     */
    public record Finding(Problem problem, String explanation) {
        public boolean isOk() {
            return problem == Problem.OK;
        }
    }

    private final String expectedKeyPairId;
    private final VerificationKey expectedKey;
    private final Map<String, VerificationKey> keys;
    private final Clock clock;

    private SignedUrlDiagnosis(Builder b) {
        this.expectedKeyPairId = b.keyPairId;
        this.expectedKey = b.publicKey;
        Map<String, VerificationKey> m = new LinkedHashMap<>();
        if (b.keyPairId != null && b.publicKey != null) {
            m.put(b.keyPairId, b.publicKey);
        }
        if (b.others != null) {
            b.others.asMap().forEach(m::putIfAbsent);
        }
        this.keys = m;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Finding diagnose(String url) {
        return diagnose(ViewerRequest.of(url));
    }

    public Finding diagnose(ViewerRequest request) {
        SigningParameters query = SigningParameters.fromQuery(request.rawQuery().orElse(null));
        SigningParameters p = query;
        boolean cookies = false;
        if (!query.any()) {
            p = SigningParameters.fromCookies(request.cookieHeaders());
            cookies = true;
            if (!p.any()) {
                return f(Problem.NO_CREDENTIALS, "The request carries no signed-URL parameters (Expires/Policy,"
                        + " Signature, Key-Pair-Id) and no CloudFront-* cookies. If you use signed cookies, the browser"
                        + " did not send them: their Domain and Path must cover " + request.authority() + request.rawPath()
                        + " (cookies set by another site, or for *.cloudfront.net, are never sent), and Secure cookies"
                        + " are not sent over http. CloudFront answers MissingKey.");
            }
        }
        String pre = cookies ? SigningParameters.COOKIE_PREFIX : "";
        if (p.keyPairId == null || p.keyPairId.isEmpty()) {
            return f(Problem.MISSING_KEY_PAIR_ID, "There is no " + pre + "Key-Pair-Id (or it is empty). Add the"
                    + " public key ID of your CloudFront key group (like K2JCJMDEHXQW5F). CloudFront answers MissingKey.");
        }
        String id = p.keyPairId;
        if (id.contains("BEGIN") || id.startsWith("MII") || id.length() > 64) {
            return f(Problem.NOT_A_KEY_PAIR_ID, "The " + pre + "Key-Pair-Id holds a key, not a key ID. Use the ID"
                    + " CloudFront shows for the public key (Public keys page, like K2JCJMDEHXQW5F), not the PEM.");
        }
        if (id.length() == 12 && allDigits(id)) {
            return f(Problem.NOT_A_KEY_PAIR_ID, "The " + pre + "Key-Pair-Id " + id + " is an AWS account ID. Use the"
                    + " ID of the public key (like K2JCJMDEHXQW5F), from CloudFront's Public keys page.");
        }
        if (id.length() == 36 && id.charAt(8) == '-' && id.charAt(13) == '-') {
            return f(Problem.NOT_A_KEY_PAIR_ID, "The " + pre + "Key-Pair-Id " + CloudFrontVerifier.safeId(id) + " looks"
                    + " like a key group ID. Use the ID of a public key inside the key group (like K2JCJMDEHXQW5F).");
        }
        VerificationKey key = keys.get(id);
        if (key == null) {
            return f(Problem.WRONG_KEY_PAIR_ID, "The request was signed for key pair ID " + CloudFrontVerifier.safeId(id)
                    + ", but you expect " + (expectedKeyPairId == null ? "other keys" : expectedKeyPairId)
                    + (keys.size() > 1 ? " (trusted: " + keys.keySet() + ")" : "") + ". Sign with the key ID of a public"
                    + " key in the key group attached to this cache behavior, or add that key to the group."
                    + " CloudFront answers InvalidKey (Unknown Key).");
        }
        if (p.expires != null && p.policy != null) {
            return f(Problem.BOTH_EXPIRES_AND_POLICY, "Both " + pre + "Expires and " + pre + "Policy are present."
                    + " Send Expires for a canned policy or Policy for a custom one, never both.");
        }
        if (p.expires == null && p.policy == null) {
            return f(Problem.MISSING_EXPIRES_OR_POLICY, "Neither " + pre + "Expires nor " + pre + "Policy is present,"
                    + " so there is no policy to check." + (cookies ? " With cookies, a canned set needs"
                    + " CloudFront-Expires and a custom set needs CloudFront-Policy; a canned policy cannot cover"
                    + " wildcards such as https://host/*." : ""));
        }
        if (p.signature == null || p.signature.isEmpty()) {
            return f(Problem.MISSING_SIGNATURE, "There is no " + pre + "Signature (or it is empty).");
        }
        HashAlgorithm hash = HashAlgorithm.SHA1;
        if (p.hashAlgorithm != null) {
            hash = HashAlgorithm.fromParameterValue(p.hashAlgorithm).orElse(null);
            if (hash == null) {
                return f(Problem.UNSUPPORTED_HASH_ALGORITHM, "The " + pre + "Hash-Algorithm value is not SHA1 or SHA256"
                        + " (exact, upper case). For SHA-256 signatures write " + pre + "Hash-Algorithm=SHA256.");
            }
        }
        Finding alphabet = alphabet(p.signature, pre + "Signature");
        if (alphabet != null) {
            return alphabet;
        }
        byte[] sig;
        try {
            sig = CloudFrontBase64.decode(p.signature);
        } catch (IllegalArgumentException e) {
            return f(Problem.MALFORMED_SIGNATURE, "The " + pre + "Signature is not CloudFront base64 (" + e.getMessage()
                    + "). It may have been cut short or altered in transit. CloudFront answers MalformedSignature.");
        }

        // The policy bytes, and problems in the policy itself.
        byte[] message;
        PolicyReader.Parsed custom = null;
        String cannedResource = null;
        long expires = -1;
        if (p.expires != null) {
            expires = SigningParameters.parseEpoch(p.expires);
            if (expires < 0) {
                if (allDigits(p.expires) && p.expires.length() >= 12 && p.expires.length() <= 14) {
                    return f(Problem.MILLISECONDS_AS_SECONDS, "Expires=" + p.expires + " is in milliseconds; CloudFront"
                            + " wants seconds since 1970 (" + p.expires.substring(0, p.expires.length() - 3) + "). Divide"
                            + " by 1000 (Instant.getEpochSecond(), Math.floor(Date.now() / 1000)).");
                }
                return f(Problem.MALFORMED_POLICY, "Expires is not a whole number of seconds between 0 and 2147483647.");
            }
            String q = query.remainingQuery;
            cannedResource = request.scheme() + "://" + request.authority() + request.rawPath() + (q == null ? "" : "?" + q);
            message = PolicyJson.canned(cannedResource, expires).getBytes(StandardCharsets.UTF_8);
        } else {
            Finding pa = alphabet(p.policy, pre + "Policy");
            if (pa != null) {
                return pa;
            }
            try {
                message = CloudFrontBase64.decode(p.policy);
            } catch (IllegalArgumentException e) {
                return f(Problem.MALFORMED_POLICY, "The " + pre + "Policy is not CloudFront base64 (" + e.getMessage() + ").");
            }
            try {
                custom = PolicyReader.parse(new String(message, StandardCharsets.UTF_8));
            } catch (PolicyReader.MalformedPolicy e) {
                return malformed(e);
            }
        }

        // The signature.
        KeyVerifier kv = new KeyVerifier(key.jcaPublicKey());
        if (!kv.verify(hash, message, sig)) {
            return signatureProblem(request, query, p, id, hash, kv, message, sig, cannedResource, expires, pre);
        }

        // The policy, now that the signature is good.
        Instant now = clock.instant();
        if (custom != null && custom.resource() != null && !ResourceMatcher.matches(custom.resource(), request.scheme(),
                request.authority(), request.rawPath(), query.remainingQuery)) {
            String requested = request.urlWithoutQuery() + (query.remainingQuery == null ? "" : "?" + query.remainingQuery);
            return f(Problem.RESOURCE_MISMATCH, "The policy's Resource does not match the requested URL.\n"
                    + sideBySide(custom.resource(), requested) + hint(custom.resource(), requested, request, query));
        }
        Instant exp = Instant.ofEpochSecond(custom != null ? custom.dateLessThan() : expires);
        if (!now.isBefore(exp)) {
            return f(Problem.EXPIRED, "Expired " + human(Duration.between(exp, now)) + " ago: the signer set the expiry"
                    + " (DateLessThan) to " + exp + " by its clock; this machine's clock says " + now + ". If the URL was"
                    + " created moments ago, the expiry is too short or the signer's clock is behind; give it minutes,"
                    + " not seconds, and keep clocks in sync (NTP).");
        }
        if (custom != null && custom.dateGreaterThan() != null) {
            Instant start = Instant.ofEpochSecond(custom.dateGreaterThan());
            if (!now.isAfter(start)) {
                return f(Problem.NOT_YET_VALID, "Not valid yet: it starts after " + start + " (DateGreaterThan, the"
                        + " signer's clock); this machine's clock says " + now + ", " + human(Duration.between(now, start))
                        + " earlier. If the signer set the start to \"now\", its clock is ahead; set the start a few"
                        + " minutes in the past or leave it out.");
            }
        }
        if (custom != null && custom.sourceIp() != null) {
            InetAddress ip = request.viewerIp().orElse(null);
            if (ip == null || !custom.sourceIp().contains(ip)) {
                return f(Problem.IP_NOT_ALLOWED, "The viewer IP " + (ip == null ? "(not given)" : ip.getHostAddress())
                        + " is outside the policy's IpAddress " + custom.sourceIpText() + "."
                        + (ip instanceof Inet6Address ? " CloudFront policies match IPv4 only: disable IPv6 on the"
                        + " distribution or drop the IP condition." : " Check which address CloudFront sees (proxies,"
                        + " NAT, VPN): it is the address that connects to CloudFront, not the one your server sees."));
            }
        }
        return f(Problem.OK, "No problem found: signed by " + id + " with " + hash + ", valid until " + exp + ".");
    }

    private Finding signatureProblem(ViewerRequest request, SigningParameters query, SigningParameters p, String id,
                                     HashAlgorithm hash, KeyVerifier kv, byte[] message, byte[] sig,
                                     String cannedResource, long expires, String pre) {
        if (hash == HashAlgorithm.SHA1 && kv.verify(HashAlgorithm.SHA256, message, sig)) {
            return f(Problem.SHA256_WITHOUT_HASH_PARAMETER, "The signature was made with SHA-256, but the request does"
                    + " not say so, and CloudFront assumes SHA-1. Add " + pre + "Hash-Algorithm=SHA256"
                    + (pre.isEmpty() ? " to the URL" : " as a cookie") + ", or sign with SHA-1 (SHA1withRSA/SHA1withECDSA).");
        }
        for (Map.Entry<String, VerificationKey> e : keys.entrySet()) {
            if (e.getKey().equals(id)) {
                continue;
            }
            KeyVerifier other = new KeyVerifier(e.getValue().jcaPublicKey());
            for (HashAlgorithm h : HashAlgorithm.values()) {
                if (other.verify(h, message, sig)) {
                    return f(Problem.WRONG_PUBLIC_KEY, "The signature was made with the private key of " + e.getKey()
                            + " (" + e.getValue().fingerprint() + "), but the request names " + id + ". Use the key pair"
                            + " ID that belongs to the private key you sign with.");
                }
            }
        }
        if (cannedResource != null) {
            String canned = PolicyJson.canned(cannedResource, expires);
            for (String spaced : new String[] {canned.replace("{\"Statement\":[{", "{\"Statement\": [{"),
                    canned.replace("\":", "\": ").replace(",\"", ", \""), canned + "\n"}) {
                for (HashAlgorithm h : HashAlgorithm.values()) {
                    if (kv.verify(h, spaced.getBytes(StandardCharsets.UTF_8), sig)) {
                        return f(Problem.WHITESPACE_IN_CANNED_POLICY, "The canned policy that was signed contains"
                                + " whitespace. CloudFront rebuilds the canned policy without any whitespace and compares"
                                + " bytes, so sign exactly " + canned + " (or send the JSON as a custom Policy, where"
                                + " whitespace is harmless).");
                    }
                }
            }
            for (Map.Entry<String, String> c : resourceCandidates(request, query).entrySet()) {
                for (HashAlgorithm h : HashAlgorithm.values()) {
                    if (kv.verify(h, PolicyJson.canned(c.getKey(), expires).getBytes(StandardCharsets.UTF_8), sig)) {
                        return f(Problem.RESOURCE_MISMATCH, "The URL that was signed is not the URL requested.\n"
                                + sideBySide(c.getKey(), cannedResource) + "\n" + c.getValue());
                    }
                }
            }
        }
        return f(Problem.SIGNATURE_MISMATCH, "The signature does not match " + (keys.size() > 1 ? "any of the given"
                + " public keys" : "the public key of " + id + (expectedKey == null ? "" : " (" + expectedKey.fingerprint()
                + ")")) + " for this " + (cannedResource != null ? "URL" : "policy") + ". Either the "
                + (cannedResource != null ? "URL (path, query, host or scheme)" : "Policy") + " was changed after"
                + " signing (for example re-encoded by a library, or a parameter added), or it was signed with a"
                + " private key whose public key is not the one you gave. Check that the public key in the key group"
                + " was derived from the private key you sign with (openssl pkey -in private.pem -pubout).");
    }

    /** Plausible resources the signer may have signed instead of the requested URL, with the hint for each. */
    private static Map<String, String> resourceCandidates(ViewerRequest r, SigningParameters query) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = query.remainingQuery;
        String qs = q == null ? "" : "?" + q;
        String other = r.scheme().equals("https") ? "http" : "https";
        out.put(other + "://" + r.authority() + r.rawPath() + qs, "Hint: the scheme differs. A URL signed for "
                + other + ":// does not work over " + r.scheme() + "://; sign the URL with the scheme viewers use.");
        String decoded = percentDecode(r.rawPath());
        if (!decoded.equals(r.rawPath())) {
            out.put(r.scheme() + "://" + r.authority() + decoded + qs, encodesOnlyUnreserved(r.rawPath())
                    ? "Hint: percent-encoding differs. The request encodes characters that were signed as they are"
                    + " (like %2E for '.'), which never need encoding: request the URL exactly as it was signed."
                    : "Hint: percent-encoding differs. The path was signed unencoded but requested encoded;"
                    + " percent-encode the URL (a space is %20) before signing.");
        }
        if (r.rawPath().indexOf(' ') >= 0) {
            out.put(r.scheme() + "://" + r.authority() + r.rawPath().replace(" ", "%20") + qs, "Hint: the URL given"
                    + " here has a literal space where %20 was signed. Browsers send a space as %20, so check the URL"
                    + " as it is sent: with %20 (and quoted in a shell).");
        }
        if (r.rawPath().contains("+")) {
            out.put(r.scheme() + "://" + r.authority() + r.rawPath().replace("+", "%20") + qs, "Hint: percent-encoding"
                    + " differs: the path was signed with %20 but requested with '+'. Send the URL exactly as signed.");
        }
        if (r.rawPath().contains("%20")) {
            out.put(r.scheme() + "://" + r.authority() + r.rawPath().replace("%20", "+") + qs, "Hint: percent-encoding"
                    + " differs: the path was signed with '+' but requested with %20. Encode spaces as %20 before signing.");
            out.put(r.scheme() + "://" + r.authority() + r.rawPath().replace("%20", " ") + qs, "Hint: percent-encoding"
                    + " differs: the path was signed with a raw space but requested with %20. Encode before signing.");
        }
        for (String wild : new String[] {r.scheme() + "://" + r.authority() + "/*", r.scheme() + "://*",
                "*://" + r.authority() + "/*"}) {
            out.put(wild, "Hint: a wildcard resource was signed as a canned policy (Expires). CloudFront rebuilds a"
                    + " canned policy from the exact requested URL, so wildcards never match there: sign a custom"
                    + " policy (Policy / CloudFront-Policy) for " + wild + ".");
        }
        if (r.port() >= 0) {
            out.put(r.scheme() + "://" + r.host() + r.rawPath() + qs, "Hint: the host differs: the URL was signed"
                    + " without the port " + r.port() + ".");
        }
        if (q != null) {
            out.put(r.scheme() + "://" + r.authority() + r.rawPath(), "Hint: a query string was added after signing."
                    + " Sign the URL with its query parameters, or use a custom policy with a trailing * in the path.");
            String[] params = q.split("&", -1);
            if (params.length > 1) {
                for (int i = 0; i < params.length; i++) {
                    List<String> rest = new ArrayList<>(List.of(params));
                    String removed = rest.remove(i);
                    out.put(r.scheme() + "://" + r.authority() + r.rawPath() + "?" + String.join("&", rest),
                            "Hint: the query parameter '" + safeName(removed) + "' was added after signing. Add it"
                                    + " before signing, or sign a custom policy whose resource allows it.");
                }
            }
            String decodedQ = percentDecode(q);
            if (!decodedQ.equals(q)) {
                out.put(r.scheme() + "://" + r.authority() + r.rawPath() + "?" + decodedQ, "Hint: percent-encoding"
                        + " differs in the query: it was signed unencoded but requested encoded.");
            }
        }
        return out;
    }

    /** True when every %XX in {@code raw} stands for a letter, digit, '-', '.', '_' or '~' (RFC 3986 unreserved). */
    private static boolean encodesOnlyUnreserved(String raw) {
        for (int i = raw.indexOf('%'); i >= 0 && i + 2 < raw.length(); i = raw.indexOf('%', i + 1)) {
            int c;
            try {
                c = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
            } catch (NumberFormatException e) {
                return false;
            }
            if (!(Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '.' || c == '_' || c == '~')) {
                return false;
            }
        }
        return true;
    }

    private static String safeName(String param) {
        int eq = param.indexOf('=');
        String name = eq < 0 ? param : param.substring(0, eq);
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }

    private static String hint(String pattern, String requested, ViewerRequest r, SigningParameters query) {
        String p = pattern.toLowerCase(java.util.Locale.ROOT);
        if (!p.startsWith("*") && !p.startsWith(r.scheme() + "://") && p.contains("://")) {
            return "\nHint: the scheme differs; sign for " + r.scheme() + ":// or use *:// in a custom policy.";
        }
        int sep = p.indexOf("://");
        if (sep >= 0) {
            String rest = p.substring(sep + 3);
            int slash = rest.indexOf('/');
            String domain = slash < 0 ? rest : rest.substring(0, slash);
            if (domain.indexOf('*') < 0 && domain.indexOf('?') < 0 && !domain.equals(r.authority().toLowerCase(java.util.Locale.ROOT))) {
                return "\nHint: the host differs. Sign with the host viewers use: an alternate domain name (CNAME) and"
                        + " the dxxxx.cloudfront.net name are different resources; never the S3 bucket URL.";
            }
        }
        if (ResourceMatcher.matches(pattern, r.scheme(), r.authority(), percentDecode(r.rawPath()), query.remainingQuery)
                || percentDecode(pattern).equals(percentDecode(requested))) {
            return "\nHint: percent-encoding differs; CloudFront compares the encoded URL. Percent-encode the resource"
                    + " exactly as the request is sent (a space is %20).";
        }
        if (query.remainingQuery != null && ResourceMatcher.matches(pattern, r.scheme(), r.authority(), r.rawPath(), null)) {
            return "\nHint: a query string was added after signing. Include it in the resource, or end the path with *"
                    + " (which also allows any query).";
        }
        return "";
    }

    /** Two lines, aligned, with a caret under the first differing character. */
    static String sideBySide(String signed, String requested) {
        int i = 0;
        int n = Math.min(signed.length(), requested.length());
        while (i < n && signed.charAt(i) == requested.charAt(i) && signed.charAt(i) != '*') {
            i++;
        }
        return "  signed:    " + signed + "\n  requested: " + requested + "\n             " + " ".repeat(i)
                + "^ first difference at character " + (i + 1);
    }

    private static Finding alphabet(String value, String name) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '_') {
            end--;
        }
        boolean std = false;
        boolean urlSafe = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+' || c == '/' || c == '=' || c == ' ') {
                std = true;
            } else if (c == '_' && i < end) {
                urlSafe = true;
            }
        }
        if (std) {
            return f(Problem.STANDARD_BASE64, "The " + name + " is standard base64 (it contains + / or =, or a space"
                    + " where a + was decoded). CloudFront needs its own alphabet: replace + with -, = with _ and / with ~.");
        }
        if (urlSafe && value.indexOf('~') < 0) {
            return f(Problem.URL_SAFE_BASE64, "The " + name + " uses URL-safe base64 (/ became _). CloudFront maps"
                    + " / to ~ and = to _, so _ may appear only as padding at the end: replace + with -, = with _,"
                    + " / with ~.");
        }
        return null;
    }

    private static Finding malformed(PolicyReader.MalformedPolicy e) {
        switch (e.kind()) {
            case S3_BUCKET_POLICY:
                return f(Problem.S3_BUCKET_POLICY, "This is an S3 bucket (or IAM) policy, not a CloudFront policy: "
                        + e.getMessage() + ". A CloudFront policy has only Statement → Resource and Condition"
                        + " (DateLessThan, DateGreaterThan, IpAddress); no Version, Effect, Principal or Action.");
            case MILLISECOND_EPOCH:
                return f(Problem.MILLISECONDS_AS_SECONDS, "The policy uses milliseconds: " + e.getMessage()
                        + ". Divide by 1000 (Instant.getEpochSecond(), Math.floor(Date.now() / 1000)).");
            case QUOTED_EPOCH:
                return f(Problem.QUOTED_EPOCH, "The policy writes an epoch as a string: " + e.getMessage() + ".");
            default:
                return f(Problem.MALFORMED_POLICY, "The policy is malformed: " + e.getMessage()
                        + ". CloudFront answers MalformedPolicy.");
        }
    }

    /** A duration in at most two human units: "2 hours 5 minutes", "40 seconds". */
    static String human(Duration d) {
        long s = Math.abs(d.getSeconds());
        long[] sizes = {86400, 3600, 60, 1};
        String[] names = {"day", "hour", "minute", "second"};
        StringBuilder sb = new StringBuilder();
        int parts = 0;
        for (int i = 0; i < sizes.length && parts < 2; i++) {
            long v = s / sizes[i];
            if (v > 0 || (i == sizes.length - 1 && parts == 0)) {
                if (parts > 0) {
                    sb.append(' ');
                }
                sb.append(v).append(' ').append(names[i]).append(v == 1 ? "" : "s");
                s -= v * sizes[i];
                parts++;
            } else if (parts > 0) {
                break;
            }
        }
        return sb.toString();
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        // A char is at most 3 UTF-8 bytes (a lone surrogate becomes one '?'), an escape 3 chars for 1 byte.
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isAsciiHex(s.charAt(i + 1)) && isAsciiHex(s.charAt(i + 2))) {
                out[n++] = (byte) Integer.parseInt(s.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                for (byte x : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out[n++] = x;
                }
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Finding f(Problem p, String text) {
        return new Finding(p, text);
    }

    /** Builds a {@link SignedUrlDiagnosis}. Not thread-safe. */
    public static final class Builder {
        private String keyPairId;
        private VerificationKey publicKey;
        private TrustedKeys others;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The key pair ID you believe the request should be signed with. */
        public Builder keyPairId(String keyPairId) {
            this.keyPairId = Objects.requireNonNull(keyPairId, "keyPairId");
            return this;
        }

        /** The public key you believe belongs to that key pair ID. */
        public Builder publicKey(VerificationKey publicKey) {
            this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
            return this;
        }

        /** The other keys of the key group, tried to tell "signed with another key" from "tampered". */
        public Builder otherKeys(TrustedKeys others) {
            this.others = Objects.requireNonNull(others, "others");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public SignedUrlDiagnosis build() {
            if ((keyPairId == null) != (publicKey == null)) {
                throw new IllegalStateException("Give both the key pair ID and its public key");
            }
            if (keyPairId == null && others == null) {
                throw new IllegalStateException("Give the key pair ID and public key you expect (keyPairId, publicKey)");
            }
            return new SignedUrlDiagnosis(this);
        }
    }
}
