package dev.cfsign;

import java.security.Provider;
import java.util.Optional;

/**
 * Chooses the JCA provider signatures are made and checked with.
 *
 * <p>When the Amazon Corretto Crypto Provider (AWS-LC, {@code software.amazon.cryptools:AmazonCorrettoCryptoProvider})
 * is on the class path and its self-test passes, cfsign uses it: RSA signing is about 4× faster and ECDSA about 30×
 * faster than the JDK's own providers on Java 17. Otherwise the JDK's providers are used. cfsign does not depend on
 * it: it is found by reflection. Set the system property {@code cfsign.crypto.provider=jdk} to never use it.
 *
 * <p>RSA signatures are byte-identical with either provider (PKCS#1 v1.5 is deterministic).
 *
 * @since 0.1
 */
public final class CryptoProviders {
    private static final String CORRETTO_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    private static final Provider CORRETTO = loadCorretto();

    private CryptoProviders() {}

    /** The Corretto provider when it is present, healthy and not disabled; empty otherwise. */
    public static Optional<Provider> corretto() {
        return Optional.ofNullable(CORRETTO);
    }

    /** The provider cfsign uses by default: Corretto when available, else empty (meaning: the JDK's preferred one). */
    public static Optional<Provider> preferred() {
        return corretto();
    }

    /** A short description for logs and {@code --version}: {@code AmazonCorrettoCryptoProvider 2.5.0} or {@code JDK}. */
    public static String describePreferred() {
        return CORRETTO == null ? "JDK (" + System.getProperty("java.vendor") + " " + System.getProperty("java.version") + ")"
                : CORRETTO.getName() + " " + CORRETTO.getVersionStr();
    }

    private static Provider loadCorretto() {
        if ("jdk".equalsIgnoreCase(System.getProperty("cfsign.crypto.provider", ""))) {
            return null;
        }
        try {
            Class<?> c = Class.forName(CORRETTO_CLASS, true, CryptoProviders.class.getClassLoader());
            Provider p = (Provider) c.getField("INSTANCE").get(null);
            c.getMethod("assertHealthy").invoke(p); // throws when the native library failed to load or self-tests fail
            return p;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null; // absent or unhealthy: the JDK providers are the fallback
        }
    }
}
