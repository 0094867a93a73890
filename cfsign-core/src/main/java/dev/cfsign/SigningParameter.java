package dev.cfsign;

import dev.cfsign.internal.SigningParameters;
import java.util.Optional;

/**
 * CloudFront's signing parameters, the one list of their names: in a query string ({@code Expires}, ...) and as
 * cookies ({@code CloudFront-Expires}, ...). Names are case-sensitive. A proxy strips exactly these before asking
 * the origin; a URL to be signed must carry none of them.
 *
 * @since 0.2
 */
public enum SigningParameter {
    /** Canned policy: the expiry in epoch seconds. */
    EXPIRES("Expires"),
    /** Custom policy: the policy JSON in CloudFront base64. */
    POLICY("Policy"),
    /** The signature in CloudFront base64. */
    SIGNATURE("Signature"),
    /** The ID of the public key that verifies the signature. */
    KEY_PAIR_ID("Key-Pair-Id"),
    /** {@code SHA1} (the default when absent) or {@code SHA256}. */
    HASH_ALGORITHM("Hash-Algorithm");

    /** What a cookie name adds in front of the query parameter name. */
    public static final String COOKIE_PREFIX = "CloudFront-";

    private static final SigningParameter[] ALL = values();

    private final String queryName;
    private final String cookieName;

    SigningParameter(String queryName) {
        this.queryName = queryName;
        this.cookieName = COOKIE_PREFIX + queryName;
    }

    /** The query parameter name, e.g. {@code Key-Pair-Id}. */
    public String queryName() {
        return queryName;
    }

    /** The cookie name, e.g. {@code CloudFront-Key-Pair-Id}. */
    public String cookieName() {
        return cookieName;
    }

    /** The parameter with this exact query name, if any. */
    public static Optional<SigningParameter> fromQueryName(String name) {
        return Optional.ofNullable(fromQueryName(name, 0, name.length()));
    }

    /** Whether {@code name} is one of CloudFront's query parameter names (exact, case-sensitive). */
    public static boolean isQueryName(String name) {
        return fromQueryName(name, 0, name.length()) != null;
    }

    /**
     * The raw query without CloudFront's parameters, in its original order and encoding, split as the verifier splits
     * it when it rebuilds a canned policy; null when nothing remains. For forwarding a viewer's query to an origin.
     */
    public static String removeFrom(String rawQuery) {
        String rest = SigningParameters.fromQuery(rawQuery).remainingQuery();
        return rest == null || rest.isEmpty() ? null : rest;
    }

    /** The parameter whose query name is {@code text[from, to)}, or null; allocation-free for hot paths. */
    public static SigningParameter fromQueryName(CharSequence text, int from, int to) {
        int len = to - from;
        for (SigningParameter p : ALL) {
            String n = p.queryName;
            if (n.length() == len && regionEquals(text, from, n)) {
                return p;
            }
        }
        return null;
    }

    private static boolean regionEquals(CharSequence text, int from, String name) {
        for (int i = 0; i < name.length(); i++) {
            if (text.charAt(from + i) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
