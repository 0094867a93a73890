package dev.cfsign.cli;

import dev.cfsign.keys.KeyFormatException;
import dev.cfsign.keys.KeyType;
import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** An encrypted (or plain) private key file: DER as is, anything else as PEM text with {@code passphrase}. */
    static SigningKey privateKey(Path file, char[] passphrase) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return bytes.length > 0 && bytes[0] == 0x30 ? SigningKey.fromDer(bytes)
                    : SigningKey.fromPem(new String(bytes, StandardCharsets.UTF_8), passphrase);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "Cannot read the private key file " + file + ": "
                    + ErrorHandler.message(e), e);
        }
    }

    /**
     * The unencrypted PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or SEC1 ({@code BEGIN EC PRIVATE KEY}) PEM block of
     * {@code file}, exactly as written, when it holds one that belongs to {@code pub}; otherwise {@code null}.
     */
    static String traditionalPem(Path file, VerificationKey pub) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "Cannot read the private key file " + file + ": "
                    + ErrorHandler.message(e), e);
        }
        Matcher m = TRADITIONAL.matcher(text);
        if (!m.find() || m.group().contains("ENCRYPTED")) {
            return null;
        }
        String block = m.group().replace("\r\n", "\n");
        try {
            SigningKey same = SigningKey.fromPem(block);
            return same.verificationKey().map(VerificationKey::toPem).orElse("").equals(pub.toPem()) ? block : null;
        } catch (KeyFormatException e) {
            return null; // a block that needs the file's other blocks (EC PARAMETERS): PKCS#8 holds it whole
        }
    }

    private static final Pattern TRADITIONAL = Pattern.compile(
            "-----BEGIN (RSA|EC) PRIVATE KEY-----\\R[\\s\\S]*?-----END \\1 PRIVATE KEY-----");

    static VerificationKey publicKey(Path file) {
        try {
            return VerificationKey.fromFile(file);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "Cannot read the public key file " + file + ": "
                    + ErrorHandler.message(e), e);
        }
    }

}
