package dev.cfsign.cli;

import dev.cfsign.CryptoProviders;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the jar manifest's Implementation-Version, the Java runtime, and the JCA providers that sign
 * (Corretto for bulk signing when it is present and healthy, the JDK's otherwise; see {@link Providers}).
 */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = CfsignCommand.class.getPackage().getImplementationVersion();
        String jdk = "RSA " + jdkProvider("SHA256withRSA") + ", ECDSA " + jdkProvider("SHA256withECDSA");
        String jca = CryptoProviders.corretto()
                .map(p -> p.getName() + " " + p.getVersionStr() + " for bulk signing (--input); " + jdk
                        + " for single signatures (quicker to start)")
                .orElse(jdk);
        return new String[] {
            "cfsign " + (v == null ? "(development build)" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.vm.name") + ")",
            "JCA provider: " + jca,
        };
    }

    private static String jdkProvider(String algorithm) {
        try {
            Provider p = Signature.getInstance(algorithm).getProvider();
            return p.getName() + " " + p.getVersionStr();
        } catch (GeneralSecurityException e) {
            return "unavailable";
        }
    }
}
