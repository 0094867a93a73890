package dev.cfsign.cli;

import dev.cfsign.CannedPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A signed URL or set of signed cookies taken apart WITHOUT verifying anything: which policy, which key ID, which hash,
 * and the policy JSON (rebuilt for a canned policy, decoded for a custom one). Used only for display by
 * {@code inspect}; nothing here is trusted.
 */
record SignedParts(String kind, String resource, String policyJson, boolean custom, String keyPairId,
                   String hashAlgorithm, Instant expiresAt, Instant activeFrom, String ipRange, String policyResource,
                   int signatureBytes) {

    static SignedParts fromUrl(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            throw CliException.invalid("The URL has no query, so it is not signed (no Expires/Policy, Signature,"
                    + " Key-Pair-Id).");
        }
        int hash = url.indexOf('#', q);
        String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
        Map<String, String> cf = new LinkedHashMap<>();
        StringBuilder kept = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (List.of("Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm").contains(name)) {
                if (cf.put(name, eq < 0 ? "" : pair.substring(eq + 1)) != null) {
                    throw CliException.invalid("The URL has the parameter " + name + " twice.");
                }
            } else if (!cf.isEmpty()) {
                throw CliException.invalid("The URL has the parameter '" + shortName(name) + "' after CloudFront's"
                        + " parameters; CloudFront signs the URL before Expires/Policy, so it must come first.");
            } else {
                if (kept.length() > 0) {
                    kept.append('&');
                }
                kept.append(pair);
            }
        }
        String resource = url.substring(0, q) + (kept.length() > 0 ? "?" + kept : "");
        return parse("signed URL", resource, cf.get("Expires"), cf.get("Policy"), cf.get("Signature"),
                cf.get("Key-Pair-Id"), cf.get("Hash-Algorithm"));
    }

    /** From a Cookie header value ({@code CloudFront-Policy=…; CloudFront-Signature=…; …}). */
    static SignedParts fromCookies(String header) {
        Map<String, String> c = new LinkedHashMap<>();
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "Cookie:", 0, 7)) {
                p = p.substring(7).strip();
            }
            int eq = p.indexOf('=');
            if (eq > 0) {
                c.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
            }
        }
        return parse("signed cookies", null, c.get("CloudFront-Expires"), c.get("CloudFront-Policy"), c.get("CloudFront-Signature"),
                c.get("CloudFront-Key-Pair-Id"), c.get("CloudFront-Hash-Algorithm"));
    }

    private static SignedParts parse(String kind, String resource, String expires, String policy, String signature,
            String keyPairId, String hash) {
        if (expires != null && policy != null) {
            throw CliException.invalid("Both Expires and Policy are present; CloudFront takes one or the other.");
        }
        if (expires == null && policy == null) {
            throw CliException.invalid("Neither Expires (canned) nor Policy (custom) is present: this is not a"
                    + " CloudFront " + kind + ".");
        }
        if (signature == null || signature.isEmpty()) {
            throw CliException.invalid("The Signature is missing.");
        }
        if (keyPairId == null || keyPairId.isEmpty()) {
            throw CliException.invalid("The Key-Pair-Id is missing.");
        }
        int sigBytes;
        try {
            sigBytes = cloudFrontBase64(signature).length;
        } catch (IllegalArgumentException e) {
            throw CliException.invalid("The Signature is not CloudFront base64 (A-Z a-z 0-9 - _ ~): " + e.getMessage()
                    + ". Was the URL re-encoded or cut?");
        }
        String hashName = hash == null ? "SHA1 (default, no Hash-Algorithm)" : hash;
        if (expires != null) {
            if (!expires.matches("[0-9]{1,10}")) {
                throw CliException.invalid("Expires must be epoch seconds (at most 10 digits)"
                        + (expires.matches("[0-9]{13}") ? "; this looks like milliseconds" : "") + ".");
            }
            Instant exp = Instant.ofEpochSecond(Long.parseLong(expires));
            // Canned cookies do not carry their URL: CloudFront rebuilds the policy from the request.
            String json = null;
            if (resource != null) {
                try {
                    json = new CannedPolicy(resource, exp).toJson();
                } catch (RuntimeException e) {
                    json = null; // a resource CloudFront could not match anyway; the other fields still show
                }
            }
            return new SignedParts(kind, resource, json, false, keyPairId, hashName, exp, null, null, resource,
                    sigBytes);
        }
        String json;
        try {
            json = new String(cloudFrontBase64(policy), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw CliException.invalid("The Policy is not CloudFront base64: " + e.getMessage() + ".");
        }
        Object root;
        try {
            root = JsonReader.parse(json);
        } catch (IllegalArgumentException e) {
            throw CliException.invalid("The Policy does not decode to JSON (" + e.getMessage() + ").");
        }
        Map<?, ?> statement = statement(root);
        Object res = statement.get("Resource");
        Map<?, ?> condition = statement.get("Condition") instanceof Map<?, ?> m ? m : Map.of();
        Instant exp = epoch(condition, "DateLessThan");
        if (exp == null) {
            throw CliException.invalid("The policy has no DateLessThan AWS:EpochTime (integer seconds).");
        }
        Instant start = epoch(condition, "DateGreaterThan");
        String ip = null;
        if (condition.get("IpAddress") instanceof Map<?, ?> ipm && ipm.get("AWS:SourceIp") instanceof String s) {
            ip = s;
        }
        return new SignedParts(kind, resource, json, true, keyPairId, hashName, exp, start, ip,
                res instanceof String r ? r : null, sigBytes);
    }

    private static Map<?, ?> statement(Object root) {
        if (root instanceof Map<?, ?> m && m.get("Statement") instanceof List<?> l && l.size() == 1
                && l.get(0) instanceof Map<?, ?> s) {
            return s;
        }
        throw CliException.invalid("The policy is not a CloudFront policy: it needs {\"Statement\":[{…}]} with exactly"
                + " one statement (an S3 bucket policy has Version and Principal instead).");
    }

    private static Instant epoch(Map<?, ?> condition, String name) {
        if (condition.get(name) instanceof Map<?, ?> d && d.get("AWS:EpochTime") instanceof Long l) {
            return Instant.ofEpochSecond(l);
        }
        return null;
    }

    /** CloudFront's base64: '-' for '+', '_' for '=', '~' for '/'. Decoded with the JDK, independent of core. */
    static byte[] cloudFrontBase64(String s) {
        if (!s.matches("[A-Za-z0-9_~-]+")) {
            throw new IllegalArgumentException("unexpected character");
        }
        return Base64.getDecoder().decode(s.replace('-', '+').replace('_', '=').replace('~', '/'));
    }

    private static String shortName(String name) {
        return name.length() > 30 ? name.substring(0, 30) + "…" : name;
    }
}
