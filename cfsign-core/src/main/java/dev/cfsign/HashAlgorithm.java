package dev.cfsign;

import java.util.Locale;
import java.util.Optional;

/**
 * The digest used inside the signature. CloudFront assumes {@link #SHA1} unless the URL carries
 * {@code Hash-Algorithm=SHA256} (or the cookie {@code CloudFront-Hash-Algorithm=SHA256}).
 *
 * @since 0.1
 */
public enum HashAlgorithm {
    /** CloudFront's default; nothing is added to the URL or cookies. */
    SHA1("SHA1"),
    /** Adds {@code Hash-Algorithm=SHA256} to URLs and {@code CloudFront-Hash-Algorithm=SHA256} to cookies. */
    SHA256("SHA256");

    private final String parameterValue;

    HashAlgorithm(String parameterValue) {
        this.parameterValue = parameterValue;
    }

    /** The value CloudFront reads from {@code Hash-Algorithm} / {@code CloudFront-Hash-Algorithm}. */
    public String parameterValue() {
        return parameterValue;
    }

    /** The JCA signature algorithm name for a key of the given family ({@code "RSA"} or {@code "EC"}). */
    public String jcaAlgorithm(String keyFamily) {
        String suffix = "EC".equals(keyFamily) ? "withECDSA" : "withRSA";
        return (this == SHA1 ? "SHA1" : "SHA256") + suffix;
    }

    /** Parses a {@code Hash-Algorithm} value ({@code SHA1}, {@code SHA256}); exact match, as CloudFront documents it. */
    public static Optional<HashAlgorithm> fromParameterValue(String value) {
        for (HashAlgorithm a : values()) {
            if (a.parameterValue.equals(value)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Parses a user-facing name such as {@code sha256}, {@code SHA-256} or {@code SHA1} (case-insensitive). */
    public static HashAlgorithm fromName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace("-", "");
        for (HashAlgorithm a : values()) {
            if (a.parameterValue.equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown hash algorithm '" + name + "': use SHA1 or SHA256");
    }
}
