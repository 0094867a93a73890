package dev.cfsign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfsign.keys.Fixtures;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.junit.jupiter.api.Test;

class DerAndEcMathTest {

    @Test
    void oid_roundTrip_matchesKnownEncoding() throws Exception {
        byte[] p256 = Der.oid("1.2.840.10045.3.1.7");
        assertThat(Fixtures.hex(p256)).isEqualTo("06082A8648CE3D030107");
        assertThat(Der.parse(p256).oid()).isEqualTo("1.2.840.10045.3.1.7");
        assertThat(Der.parse(Der.oid("1.3.132.0.34")).oid()).isEqualTo("1.3.132.0.34");
    }

    @Test
    void tlv_longLengths_roundTrip() throws Exception {
        for (int n : new int[] {0, 127, 128, 255, 256, 65535, 65536}) {
            byte[] enc = Der.octetString(new byte[n]);
            assertThat(Der.parse(enc).length()).isEqualTo(n);
        }
    }

    @Test
    void parse_truncatedAndIndefinite_refusedWithTruncatedFlag() {
        assertThatThrownBy(() -> Der.parse(new byte[] {0x30, 0x05, 0x02}))
                .isInstanceOfSatisfying(Der.DerException.class, e -> assertThat(e.truncated()).isTrue());
        assertThatThrownBy(() -> Der.parse(new byte[] {0x30, (byte) 0x80, 0, 0}))
                .isInstanceOfSatisfying(Der.DerException.class, e -> assertThat(e.truncated()).isFalse());
        assertThatThrownBy(() -> Der.parse(new byte[] {0x30, (byte) 0x85, 1, 1, 1, 1, 1}))
                .isInstanceOf(Der.DerException.class);
    }

    @Test
    void multiply_p256Generator_equalsOpensslPublicKey() throws Exception {
        ECPrivateKey d = (ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Fixtures.bytes("ec-p256.pkcs8.der")));
        ECPublicKey q = (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(Fixtures.bytes("ec-p256.pub.der")));
        ECPoint computed = EcMath.multiply(d.getParams(), d.getS());
        assertThat(computed).isEqualTo(q.getW());
        assertThat(EcMath.isOnCurve(d.getParams(), computed)).isTrue();
        assertThat(EcMath.isOnCurve(d.getParams(), new ECPoint(computed.getAffineX(), computed.getAffineY().add(BigInteger.ONE))))
                .isFalse();
        // 1·G = G, n·G = infinity
        assertThat(EcMath.multiply(d.getParams(), BigInteger.ONE)).isEqualTo(d.getParams().getGenerator());
        assertThat(EcMath.multiply(d.getParams(), d.getParams().getOrder())).isEqualTo(ECPoint.POINT_INFINITY);
    }

    @Test
    void embeddedEcPoint_opensslPkcs8_equalsPublicKey() throws Exception {
        ECPublicKey q = (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(Fixtures.bytes("ec-p256.pub.der")));
        assertThat(KeyInspection.embeddedEcPoint(Fixtures.bytes("ec-p256.pkcs8.der"), q.getParams())).isEqualTo(q.getW());
        assertThat(KeyInspection.embeddedEcPoint(new byte[] {1, 2, 3}, q.getParams())).isNull();
    }

    @Test
    void keyText_pathAndEnvHints_neverQuoteTheValue() {
        assertThat(KeyText.pathHint("/etc/keys/pk.pem")).isEqualTo("it starts with '/' and ends in '.pem'");
        assertThat(KeyText.pathHint("C:\\keys\\k.pem")).contains("drive letter");
        assertThat(KeyText.pathHint("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC")).isNull();
        assertThat(KeyText.envHint("${MY_KEY}")).isEqualTo("it is written ${...}");
        assertThat(KeyText.envHint("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC")).isNull();
    }
}
