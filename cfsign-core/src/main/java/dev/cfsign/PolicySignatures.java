package dev.cfsign;

import dev.cfsign.internal.CloudFrontBase64;
import dev.cfsign.internal.SignatureEngine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@link CloudFrontSigner}'s signing core: policy JSON to CloudFront-base64 signature, with the optional expiry
 * granularity and the bounded cache it makes possible. Thread-safe.
 */
final class PolicySignatures {
    private final SignatureEngine engine;
    private final long granularitySeconds; // 0 = exact expiries, no cache
    private final SignatureCache cache;    // null unless granularity is set

    PolicySignatures(SignatureEngine engine, long granularitySeconds, int cacheSize) {
        this.engine = engine;
        this.granularitySeconds = granularitySeconds;
        this.cache = granularitySeconds == 0 ? null : new SignatureCache(cacheSize);
    }

    SignatureEngine engine() {
        return engine;
    }

    /** Algorithm, provider and granularity: no key material. */
    @Override
    public String toString() {
        return engine.algorithm() + ", provider " + engine.provider().getName()
                + (granularitySeconds == 0 ? "" : ", expiry granularity " + granularitySeconds + "s (cached)");
    }

    /** Whether signatures and signed URLs are cached (only with a granularity). */
    boolean caches() {
        return cache != null;
    }

    /** The signed URL cached for the URL as given and the rounded expiry, or null. */
    SignedUrl cachedUrl(String url, Instant rounded) {
        return (SignedUrl) cache.get(new SignedUrlKey(url, rounded.getEpochSecond()));
    }

    SignedUrl cacheUrl(String url, Instant rounded, SignedUrl signed) {
        cache.put(new SignedUrlKey(url, rounded.getEpochSecond()), signed);
        return signed;
    }

    /** Canned policies are cached by (URL, expiry): a hit builds no JSON at all. */
    String canned(CannedPolicy policy) {
        if (cache == null) {
            return sign(policy.toJson());
        }
        CannedKey key = new CannedKey(policy.resourceUrl(), policy.expiresAt().getEpochSecond());
        String hit = (String) cache.get(key);
        if (hit == null) {
            hit = sign(policy.toJson());
            cache.put(key, hit);
        }
        return hit;
    }

    /** A custom policy's signature, cached by its JSON when caching. */
    String custom(String policyJson) {
        if (cache == null) {
            return sign(policyJson);
        }
        String hit = (String) cache.get(policyJson);
        if (hit == null) {
            hit = sign(policyJson);
            cache.put(policyJson, hit);
        }
        return hit;
    }

    String sign(String policyJson) {
        return CloudFrontBase64.encode(engine.sign(policyJson.getBytes(StandardCharsets.UTF_8)));
    }

    private record CannedKey(String url, long expires) {}

    private record SignedUrlKey(String url, long expires) {}

    /** With a granularity, expiries move up to the next multiple of it (epoch-aligned), so repeated links coincide. */
    Instant roundUp(Instant expiresAt) {
        if (granularitySeconds == 0 || expiresAt == null) {
            return expiresAt;
        }
        long s = expiresAt.getEpochSecond();
        long r = s % granularitySeconds;
        return r == 0 && expiresAt.getNano() == 0 ? expiresAt : Instant.ofEpochSecond(s - r + granularitySeconds);
    }

    CustomPolicy rounded(CustomPolicy p) {
        if (granularitySeconds == 0) {
            return p;
        }
        Instant r = roundUp(p.expiresAt());
        return r.equals(p.expiresAt()) ? p : p.withExpiresAt(r);
    }

    /**
     * Canned URL → its {@link SignedUrl}, and policy (canned key or custom JSON) → signature, bounded: when full it is
     * emptied at once, which costs one re-signing per live link and keeps memory fixed without per-entry bookkeeping
     * on the hot path.
     */
    private static final class SignatureCache {
        private final int capacity;
        private final java.util.concurrent.ConcurrentHashMap<Object, Object> map;

        SignatureCache(int capacity) {
            this.capacity = capacity;
            this.map = new java.util.concurrent.ConcurrentHashMap<>(Math.min(capacity, 1024));
        }

        Object get(Object key) {
            return map.get(key);
        }

        void put(Object key, Object value) {
            if (map.size() >= capacity) {
                map.clear();
            }
            map.put(key, value);
        }
    }

}
