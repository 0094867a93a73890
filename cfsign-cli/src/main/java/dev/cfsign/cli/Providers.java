package dev.cfsign.cli;

import dev.cfsign.HashAlgorithm;
import dev.cfsign.keys.KeyType;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import java.util.Collection;

/**
 * Which JCA provider a command signs or verifies with. Loading the Amazon Corretto Crypto Provider (extracting and
 * loading its native library, then its self-tests) costs more start-up than a whole one-URL signature with the
 * JDK's providers (BENCHMARKS.md, "CLI start-up"), so commands that make one or a few signatures use the JDK's
 * provider for the key's family, and only bulk signing ({@code sign --input}) takes core's default, Corretto when it
 * is present and healthy ({@code dev.cfsign.CryptoProviders}).
 */
final class Providers {
    private Providers() {}

    /** The JDK's provider for keys of this family, or {@code null} (core's default) when the JDK has none. */
    static Provider forFewSignatures(KeyType keyType) {
        try {
            return Signature.getInstance(HashAlgorithm.SHA256.jcaAlgorithm(keyType.family())).getProvider();
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    /**
     * The JDK's provider when all keys are of one family (the JDK has one provider per family), else {@code null}
     * (core's default, which handles both).
     */
    static Provider forFewSignatures(Collection<KeyType> keyTypes) {
        String family = null;
        KeyType first = null;
        for (KeyType t : keyTypes) {
            if (family != null && !family.equals(t.family())) {
                return null;
            }
            family = t.family();
            first = t;
        }
        return first == null ? null : forFewSignatures(first);
    }
}
