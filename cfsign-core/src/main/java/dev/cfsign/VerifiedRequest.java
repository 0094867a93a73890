package dev.cfsign;

import java.time.Instant;
import java.util.Optional;

/**
 * A request whose signature verified and whose policy allows it, now. Only {@link CloudFrontVerifier} can create
 * one (the constructor is package-private), so holding a {@code VerifiedRequest} proves verification happened.
 *
 * <p>The policy is exposed as parsed: for a canned policy the resource is the URL rebuilt from the request, for a
 * custom policy it is the signed {@code Resource} (possibly a pattern, possibly absent). Immutable and thread-safe;
 * {@link #toString()} shows no signature.
 *
 * @since 0.1
 */
public final class VerifiedRequest {
    private final String keyPairId;
    private final CredentialSource source;
    private final HashAlgorithm hashAlgorithm;
    private final boolean canned;
    private final String policyJson;
    private final String resource;
    private final Instant expiresAt;
    private final Instant activeFrom;
    private final String sourceIp;

    VerifiedRequest(String keyPairId, CredentialSource source, HashAlgorithm hashAlgorithm, boolean canned,
                    String policyJson, String resource, Instant expiresAt, Instant activeFrom, String sourceIp) {
        this.keyPairId = keyPairId;
        this.source = source;
        this.hashAlgorithm = hashAlgorithm;
        this.canned = canned;
        this.policyJson = policyJson;
        this.resource = resource;
        this.expiresAt = expiresAt;
        this.activeFrom = activeFrom;
        this.sourceIp = sourceIp;
    }

    /** The key pair ID whose public key verified the signature. */
    public String keyPairId() {
        return keyPairId;
    }

    /** Whether the credentials came from the URL or from cookies. */
    public CredentialSource source() {
        return source;
    }

    public HashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    /** True for a canned policy ({@code Expires}), false for a custom one ({@code Policy}). */
    public boolean isCannedPolicy() {
        return canned;
    }

    /** The exact policy JSON the signature covers (rebuilt from the request for a canned policy). */
    public String policyJson() {
        return policyJson;
    }

    /** The policy's resource; empty for a custom policy without {@code Resource} (which grants any URL). */
    public Optional<String> resource() {
        return Optional.ofNullable(resource);
    }

    /** {@code DateLessThan}: the first second at which the credentials stop working. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** {@code DateGreaterThan}, if the custom policy has one. */
    public Optional<Instant> activeFrom() {
        return Optional.ofNullable(activeFrom);
    }

    /** {@code IpAddress}, if the custom policy has one. */
    public Optional<IpRange> ipRange() {
        return sourceIp == null ? Optional.empty() : Optional.of(IpRange.parse(sourceIp));
    }

    @Override
    public String toString() {
        return "VerifiedRequest[keyPairId=" + keyPairId + ", source=" + source + ", hash=" + hashAlgorithm
                + ", policy=" + (canned ? "canned" : "custom") + ", expiresAt=" + expiresAt + "]";
    }
}
