package dev.cfsign.internal;

import dev.cfsign.HashAlgorithm;
import dev.cfsign.SigningException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Makes raw signatures for one key and algorithm. Thread-safe: each thread keeps its own initialised
 * {@link Signature}, so the hot path does no provider lookup and builds no {@code SecureRandom}.
 *
 * <p>RSA signatures are verified before they are returned (a faulty CRT computation would otherwise leak the key,
 * Boneh–DeMillo–Lipton 1997): by the provider itself for the two that are known to do it, else here.
 */
public final class SignatureEngine {
    private final PrivateKey privateKey;
    private final PublicKey checkKey; // RSA only; null for EC
    private final String algorithm;
    private final Provider provider;
    private final ThreadLocal<Signature> signers;
    private final ThreadLocal<Signature> checkers;

    /**
     * Providers whose RSA signing checks its own result with the public exponent before returning it, so a second
     * check here would only repeat it (~5% of a signature): the JDK's SunRsaSign ({@code RSASignature.engineSign}
     * calls {@code RSACore.rsa(..., verify = true)}, which throws "RSA private key operation failed") and the Corretto
     * provider (AWS-LC's {@code rsa_default_private_transform}, inherited from BoringSSL, checks in every case).
     */
    static final java.util.Set<String> SELF_CHECKING_RSA_PROVIDERS =
            java.util.Set.of("SunRsaSign", "AmazonCorrettoCryptoProvider");

    public SignatureEngine(PrivateKey privateKey, PublicKey rsaPublicKey, String keyFamily, HashAlgorithm hash,
            Provider provider) {
        this.privateKey = privateKey;
        this.algorithm = hash.jcaAlgorithm(keyFamily);
        try {
            this.provider = provider != null ? provider : Signature.getInstance(algorithm).getProvider();
        } catch (GeneralSecurityException e) {
            throw new SigningException(SigningException.Reason.CRYPTO_FAILURE, "This Java runtime has no provider for "
                    + algorithm + ". On FIPS or SHA-1-disabled systems, use HashAlgorithm.SHA256.", e);
        }
        this.checkKey = "RSA".equals(keyFamily) && !SELF_CHECKING_RSA_PROVIDERS.contains(this.provider.getName())
                ? rsaPublicKey : null;
        this.signers = ThreadLocal.withInitial(this::newSigner);
        this.checkers = ThreadLocal.withInitial(this::newChecker);
        // Fail at build time when the provider refuses the key or the algorithm. No test signature: a cold one costs
        // tens of milliseconds (most of a one-URL CLI run), and every RSA signature is checked before it is returned.
        signers.get();
        checkers.get();
    }

    /** Whether this engine verifies each signature itself (RSA on a provider not known to check its own). */
    boolean checksEachSignature() {
        return checkKey != null;
    }

    /** The provider that makes the signatures. */
    public Provider provider() {
        return provider;
    }

    public String algorithm() {
        return algorithm;
    }

    public byte[] sign(byte[] message) {
        byte[] sig;
        try {
            Signature s = signers.get();
            s.update(message);
            sig = s.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            signers.remove();
            throw new SigningException(SigningException.Reason.CRYPTO_FAILURE,
                    "The crypto provider " + provider.getName() + " failed to sign with " + algorithm + ".", e);
        }
        if (checkKey != null) {
            boolean ok;
            try {
                Signature v = checkers.get();
                v.update(message);
                ok = v.verify(sig);
            } catch (GeneralSecurityException | RuntimeException e) {
                checkers.remove();
                ok = false;
            }
            if (!ok) {
                throw new SigningException(SigningException.Reason.CRYPTO_FAILURE, "The " + algorithm
                        + " signature failed its own verification (faulty provider or hardware); nothing was returned.");
            }
        }
        return sig;
    }

    private Signature newSigner() {
        try {
            Signature s = Signature.getInstance(algorithm, provider);
            s.initSign(privateKey);
            return s;
        } catch (GeneralSecurityException e) {
            throw new SigningException(SigningException.Reason.CRYPTO_FAILURE, "The crypto provider " + provider.getName()
                    + " cannot sign " + algorithm + " with this key.", e);
        }
    }

    private Signature newChecker() {
        if (checkKey == null) {
            return null;
        }
        try {
            Signature v = Signature.getInstance(algorithm, provider);
            v.initVerify(checkKey);
            return v;
        } catch (GeneralSecurityException e) {
            throw new SigningException(SigningException.Reason.CRYPTO_FAILURE, "The crypto provider " + provider.getName()
                    + " cannot verify " + algorithm + ".", e);
        }
    }
}
