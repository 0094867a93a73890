package dev.cfsign.keys;

/**
 * The key types cfsign accepts. CloudFront key groups take only {@link #RSA_2048} and {@link #EC_P256};
 * legacy CloudFront key pairs (created by the root user) also took RSA 1024 and 4096 bits.
 *
 * @since 0.1
 */
public enum KeyType {
    RSA_1024("RSA", 1024),
    RSA_2048("RSA", 2048),
    RSA_3072("RSA", 3072),
    RSA_4096("RSA", 4096),
    EC_P256("EC", 256);

    private final String family;
    private final int bits;

    KeyType(String family, int bits) {
        this.family = family;
        this.bits = bits;
    }

    /** {@code "RSA"} or {@code "EC"}, as in JCA algorithm names. */
    public String family() {
        return family;
    }

    /** Modulus size for RSA, field size for EC. */
    public int bits() {
        return bits;
    }

    /** True for the types CloudFront key groups accept today: RSA-2048 and ECDSA P-256. */
    public boolean isAcceptedByKeyGroups() {
        return this == RSA_2048 || this == EC_P256;
    }

    /** A label for messages, e.g. {@code RSA-2048} or {@code ECDSA P-256}. */
    public String displayName() {
        return this == EC_P256 ? "ECDSA P-256" : "RSA-" + bits;
    }

    /** The RSA type for a modulus size, or {@code null} when CloudFront accepts no such size. */
    static KeyType rsaOfBits(int bits) {
        for (KeyType t : values()) {
            if (t.family.equals("RSA") && t.bits == bits) {
                return t;
            }
        }
        return null;
    }
}
