package dev.cfsign.cli;

import dev.cfsign.keys.KeyType;
import java.io.IOException;
import java.nio.file.Path;
import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;

/** Reading key files for {@code env}; I/O failures become exit 4, format problems exit 3 (by type). */
final class KeyFiles {
    private KeyFiles() {}

    /** {@code --type rsa|ec}. */
    enum Type {
        rsa(KeyType.RSA_2048),
        ec(KeyType.EC_P256);

        final KeyType keyType;

        Type(KeyType keyType) {
            this.keyType = keyType;
        }
    }

    static SigningKey privateKey(Path file) {
        try {
            return SigningKey.fromFile(file);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "Cannot read the private key file " + file + ": "
                    + ErrorHandler.message(e), e);
        }
    }

    static VerificationKey publicKey(Path file) {
        try {
            return VerificationKey.fromFile(file);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "Cannot read the public key file " + file + ": "
                    + ErrorHandler.message(e), e);
        }
    }

}
