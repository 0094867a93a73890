package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.keys.KeyType;
import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {
    @TempDir
    Path tmp;

    @Test
    void keygen_default_writesRsa2048PairWithOwnerOnlyPrivateKey() throws Exception {
        Cli.Result r = run("keygen", "--out-dir", tmp.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        Path priv = tmp.resolve("private_key.pem");
        Path pub = tmp.resolve("public_key.pem");
        Cli.secret(Files.readString(priv));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv))).isEqualTo("rw-------");
        assertThat(Files.readString(priv)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----\n");
        // Read back with the JDK alone: PKCS#8, RSA, 2048 bits.
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(priv).replaceAll("-----[A-Z ]+-----", ""));
        var key = (java.security.interfaces.RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(der));
        assertThat(key.getModulus().bitLength()).isEqualTo(2048);
        assertThat(r.out()).contains("aws cloudfront create-public-key").contains("EncodedKey=\"$(cat " + pub + ")\"")
                .doesNotContain("MII");
    }

    @Test
    void keygen_ec_writesMatchingP256Pair() throws Exception {
        Cli.Result r = run("keygen", "--type", "ec", "--out-dir", tmp.toString());
        assertThat(r.exit()).isZero();
        SigningKey key = SigningKey.fromFile(tmp.resolve("private_key.pem"));
        assertThat(key.keyType()).isEqualTo(KeyType.EC_P256);
        key.checkMatches(VerificationKey.fromFile(tmp.resolve("public_key.pem")));
    }

    @Test
    void keygen_existingFiles_exits4AndKeepsThem() throws Exception {
        assertThat(run("keygen", "--type", "ec", "--out-dir", tmp.toString()).exit()).isZero();
        String before = Files.readString(tmp.resolve("private_key.pem"));
        Cli.secret(before);
        Cli.Result r = run("keygen", "--type", "ec", "--out-dir", tmp.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.IO);
        assertThat(r.err()).contains("--force");
        assertThat(Files.readString(tmp.resolve("private_key.pem"))).isEqualTo(before);

        assertThat(run("keygen", "--type", "ec", "--out-dir", tmp.toString(), "--force").exit()).isZero();
        assertThat(Files.readString(tmp.resolve("private_key.pem"))).isNotEqualTo(before);
        try (var files = Files.list(tmp)) {
            assertThat(files).hasSize(2);
        }
    }
}
