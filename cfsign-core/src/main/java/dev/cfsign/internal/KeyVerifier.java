package dev.cfsign.internal;

import dev.cfsign.HashAlgorithm;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Verifies CloudFront signatures with one public key: RSASSA-PKCS1-v1_5 or ECDSA (DER), SHA-1 or SHA-256.
 *
 * <p>Each thread keeps its own {@link Signature} per hash algorithm, already initialised with the key: a JCA
 * {@code Signature} returns to its initialised state after {@code verify}, so reuse costs nothing and the provider
 * lookup happens once per thread. After any exception the cached instance is dropped. Thread-safe.
 */
public final class KeyVerifier {
    private final PublicKey key;
    private final Provider provider; // null: the JDK's preferred provider
    private final boolean ec;
    private final BigInteger ecOrder;
    private final int rsaBytes;
    private final ThreadLocal<Signature> sha1;
    private final ThreadLocal<Signature> sha256;

    public KeyVerifier(PublicKey key) {
        this(key, null);
    }

    public KeyVerifier(PublicKey key, Provider provider) {
        this.key = key;
        this.provider = provider;
        this.ec = key instanceof ECPublicKey;
        this.ecOrder = ec ? ((ECPublicKey) key).getParams().getOrder() : null;
        this.rsaBytes = key instanceof RSAPublicKey ? (((RSAPublicKey) key).getModulus().bitLength() + 7) / 8 : -1;
        String family = ec ? "EC" : "RSA";
        this.sha1 = ThreadLocal.withInitial(() -> newSignature(HashAlgorithm.SHA1.jcaAlgorithm(family)));
        this.sha256 = ThreadLocal.withInitial(() -> newSignature(HashAlgorithm.SHA256.jcaAlgorithm(family)));
        // Fail at construction, not on the first request, when the provider lacks an algorithm.
        sha1.get();
        sha256.get();
    }

    private Signature newSignature(String algorithm) {
        try {
            Signature s = provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
            s.initVerify(key);
            return s;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The crypto provider cannot verify " + algorithm + " with this key", e);
        }
    }

    /** True when {@code signature} is a valid signature of {@code message}. Never throws for bad signatures. */
    public boolean verify(HashAlgorithm hash, byte[] message, byte[] signature) {
        if (ec) {
            if (!EcdsaSignatures.isWellFormedDer(signature, ecOrder)) {
                return false;
            }
        } else if (signature.length != rsaBytes) {
            return false;
        }
        ThreadLocal<Signature> tl = hash == HashAlgorithm.SHA256 ? sha256 : sha1;
        Signature s = tl.get();
        try {
            s.update(message);
            return s.verify(signature);
        } catch (SignatureException | RuntimeException e) {
            tl.remove();
            return false;
        }
    }

    public boolean isEc() {
        return ec;
    }
}
