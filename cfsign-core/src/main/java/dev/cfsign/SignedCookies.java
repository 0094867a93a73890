package dev.cfsign;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three (or four, with SHA-256) CloudFront cookies that grant access to the resource of a policy:
 * {@code CloudFront-Expires} (canned) or {@code CloudFront-Policy} (custom), {@code CloudFront-Signature},
 * {@code CloudFront-Key-Pair-Id}, and {@code CloudFront-Hash-Algorithm}. Bearer credentials:
 * {@link #toString()} shows only the names.
 *
 * @since 0.1
 */
public final class SignedCookies {
    public static final String EXPIRES = SigningParameter.EXPIRES.cookieName();
    public static final String POLICY = SigningParameter.POLICY.cookieName();
    public static final String SIGNATURE = SigningParameter.SIGNATURE.cookieName();
    public static final String KEY_PAIR_ID = SigningParameter.KEY_PAIR_ID.cookieName();
    public static final String HASH_ALGORITHM = SigningParameter.HASH_ALGORITHM.cookieName();

    private final List<SignedCookie> cookies;
    private final Policy policy;
    private final String keyPairId;
    private final HashAlgorithm hashAlgorithm;

    SignedCookies(List<SignedCookie> cookies, Policy policy, String keyPairId, HashAlgorithm hashAlgorithm) {
        this.cookies = List.copyOf(cookies);
        this.policy = policy;
        this.keyPairId = keyPairId;
        this.hashAlgorithm = hashAlgorithm;
    }

    /** The cookies, in the order CloudFront documents them. */
    public List<SignedCookie> cookies() {
        return cookies;
    }

    /** Name → value, in order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        cookies.forEach(c -> m.put(c.name(), c.value()));
        return m;
    }

    /** The value of one cookie, e.g. {@code get(SignedCookies.SIGNATURE)}. */
    public Optional<String> get(String name) {
        return cookies.stream().filter(c -> c.name().equals(name)).map(SignedCookie::value).findFirst();
    }

    /** {@code Set-Cookie} header values with the {@link CookieAttributes#defaults() default attributes}. */
    public List<String> toSetCookieHeaders() {
        return toSetCookieHeaders(CookieAttributes.defaults());
    }

    /** One {@code Set-Cookie} header value per cookie. */
    public List<String> toSetCookieHeaders(CookieAttributes attributes) {
        String attrs = attributes.render();
        return cookies.stream().map(c -> c.pair() + attrs).toList();
    }

    /** A {@code Cookie} request header value carrying all cookies, for HTTP clients and tests. */
    public String toCookieHeader() {
        StringBuilder sb = new StringBuilder();
        for (SignedCookie c : cookies) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(c.pair());
        }
        return sb.toString();
    }

    public Policy policy() {
        return policy;
    }

    public Instant expiresAt() {
        return policy.expiresAt();
    }

    public String keyPairId() {
        return keyPairId;
    }

    public HashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    @Override
    public String toString() {
        return "SignedCookies[" + cookies + ", Key-Pair-Id=" + keyPairId + ", expires " + expiresAt() + "]";
    }
}
