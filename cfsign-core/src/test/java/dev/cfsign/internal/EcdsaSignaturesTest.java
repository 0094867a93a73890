package dev.cfsign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcdsaSignaturesTest {
    static final BigInteger N = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "3006020101020101, true",
        // CVE-2022-21449: r = s = 0
        "3006020100020100, false",
        "3006020101020100, false",
        // negative r
        "3006020181020101, false",
        // non-minimal integer
        "300702020001020101, false",
        // wrong outer tag / length / trailing bytes
        "3106020101020101, false",
        "3007020101020101, false",
        "300602010102010100, false",
        // r = n (out of range)
        "3026022100FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551020101, false",
        // r = n - 1
        "3026022100FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632550020101, true",
        // raw r||s (IEEE P1363) is not DER
        "0000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000000000000000000000100, false"
    })
    void isWellFormedDer_table_expected(String hex, boolean expected) {
        assertThat(EcdsaSignatures.isWellFormedDer(HexFormat.of().parseHex(hex), N)).isEqualTo(expected);
    }
}
