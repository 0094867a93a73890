package dev.cfsign;

import dev.cfsign.keys.VerificationKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The public keys a verifier trusts, by key pair ID: a CloudFront key group. Several keys let rotation work (sign
 * with the new key while URLs signed with the old one are still in circulation). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class TrustedKeys {
    private final Map<String, VerificationKey> keys;

    private TrustedKeys(Map<String, VerificationKey> keys) {
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One trusted key. */
    public static TrustedKeys of(String keyPairId, VerificationKey key) {
        return builder().add(keyPairId, key).build();
    }

    public Optional<VerificationKey> find(String keyPairId) {
        return Optional.ofNullable(keys.get(keyPairId));
    }

    /** The key pair IDs, in the order they were added. */
    public Set<String> keyPairIds() {
        return keys.keySet();
    }

    public Map<String, VerificationKey> asMap() {
        return keys;
    }

    public int size() {
        return keys.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedKeys && ((TrustedKeys) o).keys.equals(keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TrustedKeys[");
        boolean first = true;
        for (Map.Entry<String, VerificationKey> e : keys.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey()).append('=').append(e.getValue().keyType().displayName());
        }
        return sb.append(']').toString();
    }

    /** Builds {@link TrustedKeys}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, VerificationKey> keys = new LinkedHashMap<>();

        private Builder() {}

        /**
         * @throws IllegalArgumentException when the ID is empty, has whitespace or control characters, or is already
         *     present with another key
         */
        public Builder add(String keyPairId, VerificationKey key) {
            Objects.requireNonNull(keyPairId, "keyPairId");
            Objects.requireNonNull(key, "key");
            if (keyPairId.isEmpty()) {
                throw new IllegalArgumentException("A key pair ID cannot be empty");
            }
            for (int i = 0; i < keyPairId.length(); i++) {
                char c = keyPairId.charAt(i);
                if (c <= 0x20 || c >= 0x7f) {
                    throw new IllegalArgumentException("A key pair ID must be printable ASCII without spaces, like"
                            + " K2JCJMDEHXQW5F (is a PEM key or a name given instead of the ID?)");
                }
            }
            VerificationKey old = keys.putIfAbsent(keyPairId, key);
            if (old != null && !old.equals(key)) {
                throw new IllegalArgumentException("Key pair ID " + keyPairId + " is already trusted with another key");
            }
            return this;
        }

        public Builder addAll(TrustedKeys other) {
            other.keys.forEach(this::add);
            return this;
        }

        public TrustedKeys build() {
            return new TrustedKeys(keys);
        }
    }
}
