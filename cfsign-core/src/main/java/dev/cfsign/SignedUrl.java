package dev.cfsign;

import java.net.URI;
import java.time.Instant;

/**
 * A signed URL. It is a bearer credential until it expires: {@link #toString()} hides the query and signature;
 * {@link #url()} and {@link #toUri()} give the real thing.
 *
 * @since 0.1
 */
public final class SignedUrl {
    private final String url;
    private final int signingParamsStart;
    private final Policy policy;
    private final String keyPairId;
    private final HashAlgorithm hashAlgorithm;

    SignedUrl(String url, int signingParamsStart, Policy policy, String keyPairId, HashAlgorithm hashAlgorithm) {
        this.url = url;
        this.signingParamsStart = signingParamsStart;
        this.policy = policy;
        this.keyPairId = keyPairId;
        this.hashAlgorithm = hashAlgorithm;
    }

    /** The full signed URL, ready to hand to a browser or player. */
    public String url() {
        return url;
    }

    public URI toUri() {
        return URI.create(url);
    }

    /** The URL as it was before signing (what a canned policy's resource is). */
    public String unsignedUrl() {
        return url.substring(0, signingParamsStart - 1);
    }

    /** The policy that was signed. */
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

    /** True for a custom policy ({@code Policy=}), false for a canned one ({@code Expires=}). */
    public boolean isCustomPolicy() {
        return policy instanceof CustomPolicy;
    }

    @Override
    public String toString() {
        String u = unsignedUrl();
        int q = u.indexOf('?');
        String shown = q < 0 ? u : u.substring(0, q) + "?…";
        return "SignedUrl[" + shown + ", " + (isCustomPolicy() ? "custom" : "canned") + " policy, Key-Pair-Id="
                + keyPairId + ", expires " + expiresAt() + ", " + hashAlgorithm + ", Signature=<redacted>]";
    }
}
