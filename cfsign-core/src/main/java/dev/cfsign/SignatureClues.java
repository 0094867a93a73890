package dev.cfsign;

import dev.cfsign.internal.KeyVerifier;
import dev.cfsign.internal.PercentEncoding;
import dev.cfsign.internal.PolicyJson;
import dev.cfsign.internal.QueryString;
import dev.cfsign.internal.RequestReading;
import dev.cfsign.internal.ResourceMatcher;
import dev.cfsign.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.cfsign.SignedUrlDiagnosis.Finding;
import dev.cfsign.SignedUrlDiagnosis.Problem;

/**
 * The diagnosis's clues for a signature or resource that does not match: the variants a signer may have signed
 * instead (other hash, other key, whitespace, another URL), each with its hint. Tried only after the verifier has
 * refused the request; they refine its reason and never change the verdict.
 */
final class SignatureClues {
    private SignatureClues() {}

    /** Why a signature that CloudFront refuses does not verify: the variants it does verify under, if any. */
    static Finding signatureProblem(ViewerRequest request, RequestReading.Readable r, Map<String, VerificationKey> keys,
                                    VerificationKey expectedKey) {
        String id = r.claimedKeyPairId();
        HashAlgorithm hash = r.hash();
        byte[] message = r.signedBytes();
        byte[] sig = r.signature();
        String cannedResource = r.cannedResource();
        long expires = r.expires();
        String pre = r.source() == CredentialSource.COOKIES ? SigningParameter.COOKIE_PREFIX : "";
        KeyVerifier kv = new KeyVerifier(keys.get(id).jcaPublicKey());
        if (hash == HashAlgorithm.SHA1 && kv.verify(HashAlgorithm.SHA256, message, sig)) {
            return SignedUrlDiagnosis.finding(Problem.SHA256_WITHOUT_HASH_PARAMETER, "The signature was made with SHA-256, but the request does"
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
                    return SignedUrlDiagnosis.finding(Problem.WRONG_PUBLIC_KEY, "The signature was made with the private key of " + e.getKey()
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
                        return SignedUrlDiagnosis.finding(Problem.WHITESPACE_IN_CANNED_POLICY, "The canned policy that was signed contains"
                                + " whitespace. CloudFront rebuilds the canned policy without any whitespace and compares"
                                + " bytes, so sign exactly " + canned + " (or send the JSON as a custom Policy, where"
                                + " whitespace is harmless).");
                    }
                }
            }
            for (Map.Entry<String, String> c : resourceCandidates(request, r.remainingQuery()).entrySet()) {
                for (HashAlgorithm h : HashAlgorithm.values()) {
                    if (kv.verify(h, PolicyJson.canned(c.getKey(), expires).getBytes(StandardCharsets.UTF_8), sig)) {
                        return SignedUrlDiagnosis.finding(Problem.RESOURCE_MISMATCH, "The URL that was signed is not the URL requested.\n"
                                + sideBySide(c.getKey(), cannedResource) + "\n" + c.getValue());
                    }
                }
            }
        }
        return SignedUrlDiagnosis.finding(Problem.SIGNATURE_MISMATCH, "The signature does not match " + (keys.size() > 1 ? "any of the given"
                + " public keys" : "the public key of " + id + (expectedKey == null ? "" : " (" + expectedKey.fingerprint()
                + ")")) + " for this " + (cannedResource != null ? "URL" : "policy") + ". Either the "
                + (cannedResource != null ? "URL (path, query, host or scheme)" : "Policy") + " was changed after"
                + " signing (for example re-encoded by a library, or a parameter added), or it was signed with a"
                + " private key whose public key is not the one you gave. Check that the public key in the key group"
                + " was derived from the private key you sign with (openssl pkey -in private.pem -pubout).");
    }

    /** Plausible resources the signer may have signed instead of the requested URL, with the hint for each. */
    private static Map<String, String> resourceCandidates(ViewerRequest r, String q) {
        Map<String, String> out = new LinkedHashMap<>();
        String qs = q == null ? "" : "?" + q;
        String other = r.scheme().equals("https") ? "http" : "https";
        out.put(other + "://" + r.authority() + r.rawPath() + qs, "Hint: the scheme differs. A URL signed for "
                + other + ":// does not work over " + r.scheme() + "://; sign the URL with the scheme viewers use.");
        pathEncodingCandidates(r, qs, out);
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
            List<String> params = QueryString.parts(q);
            if (params.size() > 1) {
                for (int i = 0; i < params.size(); i++) {
                    List<String> rest = new ArrayList<>(params);
                    String removed = rest.remove(i);
                    out.put(r.scheme() + "://" + r.authority() + r.rawPath() + "?" + String.join("&", rest),
                            "Hint: the query parameter '" + safeName(removed) + "' was added after signing. Add it"
                                    + " before signing, or sign a custom policy whose resource allows it.");
                }
            }
            String decodedQ = PercentEncoding.decode(q);
            if (!decodedQ.equals(q)) {
                out.put(r.scheme() + "://" + r.authority() + r.rawPath() + "?" + decodedQ, "Hint: percent-encoding"
                        + " differs in the query: it was signed unencoded but requested encoded.");
            }
        }
        return out;
    }

    /** Candidates where only the path's percent-encoding differs from what was signed. */
    private static void pathEncodingCandidates(ViewerRequest r, String qs, Map<String, String> out) {
        String decoded = PercentEncoding.decode(r.rawPath());
        if (!decoded.equals(r.rawPath())) {
            out.put(r.scheme() + "://" + r.authority() + decoded + qs, PercentEncoding.encodesOnlyUnreserved(r.rawPath())
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
    }

    private static String safeName(String param) {
        int eq = param.indexOf('=');
        String name = eq < 0 ? param : param.substring(0, eq);
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }

    /** A hint on why a custom policy's resource does not match the request. */
    static String hint(String pattern, String requested, ViewerRequest r, String remainingQuery) {
        String p = pattern.toLowerCase(Locale.ROOT);
        if (!p.startsWith("*") && !p.startsWith(r.scheme() + "://") && p.contains("://")) {
            return "\nHint: the scheme differs; sign for " + r.scheme() + ":// or use *:// in a custom policy.";
        }
        int sep = p.indexOf("://");
        if (sep >= 0) {
            String rest = p.substring(sep + 3);
            int slash = rest.indexOf('/');
            String domain = slash < 0 ? rest : rest.substring(0, slash);
            if (domain.indexOf('*') < 0 && domain.indexOf('?') < 0 && !domain.equals(r.authority().toLowerCase(Locale.ROOT))) {
                return "\nHint: the host differs. Sign with the host viewers use: an alternate domain name (CNAME) and"
                        + " the dxxxx.cloudfront.net name are different resources; never the S3 bucket URL.";
            }
        }
        if (ResourceMatcher.matches(pattern, r.scheme(), r.authority(), PercentEncoding.decode(r.rawPath()), remainingQuery)
                || PercentEncoding.decode(pattern).equals(PercentEncoding.decode(requested))) {
            return "\nHint: percent-encoding differs; CloudFront compares the encoded URL. Percent-encode the resource"
                    + " exactly as the request is sent (a space is %20).";
        }
        if (remainingQuery != null && ResourceMatcher.matches(pattern, r.scheme(), r.authority(), r.rawPath(), null)) {
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

}
