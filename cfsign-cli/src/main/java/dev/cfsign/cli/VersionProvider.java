package dev.cfsign.cli;

import java.security.GeneralSecurityException;
import java.security.Signature;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the jar manifest's Implementation-Version, the Java runtime, and the JCA providers that sign. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = CfsignCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "cfsign " + (v == null ? "(development build)" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.vm.name") + ")",
            "JCA: RSA " + provider("SHA256withRSA") + ", ECDSA " + provider("SHA256withECDSA"),
        };
    }

    private static String provider(String algorithm) {
        try {
            var p = Signature.getInstance(algorithm).getProvider();
            return p.getName() + " " + p.getVersionStr();
        } catch (GeneralSecurityException e) {
            return "unavailable";
        }
    }
}
