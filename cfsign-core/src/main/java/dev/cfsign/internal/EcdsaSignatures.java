package dev.cfsign.internal;

import java.math.BigInteger;

/**
 * Structure checks on ECDSA signatures before they reach JCA, as a guard against CVE-2022-21449 ("psychic
 * signatures": some JDKs accepted r = s = 0). CloudFront ECDSA signatures are ASN.1 DER
 * {@code SEQUENCE { INTEGER r, INTEGER s }}; anything else is refused here.
 */
public final class EcdsaSignatures {
    private EcdsaSignatures() {}

    /**
     * True when {@code sig} is a minimal DER SEQUENCE of two positive INTEGERs r, s with
     * {@code 1 <= r, s <= order - 1}.
     */
    public static boolean isWellFormedDer(byte[] sig, BigInteger order) {
        int n = sig.length;
        if (n < 8 || sig[0] != 0x30) {
            return false;
        }
        int i = 1;
        int len = sig[i++] & 0xff;
        if (len == 0x81) {
            len = sig[i++] & 0xff;
            if (len < 0x80) {
                return false; // not minimal
            }
        } else if (len > 0x80) {
            return false;
        }
        if (i + len != n) {
            return false;
        }
        int[] next = {i};
        return integerInRange(sig, next, order) && integerInRange(sig, next, order) && next[0] == n;
    }

    private static boolean integerInRange(byte[] sig, int[] at, BigInteger order) {
        int i = at[0];
        if (i + 2 > sig.length || sig[i] != 0x02) {
            return false;
        }
        int len = sig[i + 1] & 0xff;
        i += 2;
        if (len == 0 || len >= 0x80 || i + len > sig.length) {
            return false;
        }
        if ((sig[i] & 0x80) != 0) {
            return false; // negative
        }
        if (len > 1 && sig[i] == 0 && (sig[i + 1] & 0x80) == 0) {
            return false; // not minimal
        }
        byte[] mag = new byte[len];
        System.arraycopy(sig, i, mag, 0, len);
        BigInteger v = new BigInteger(1, mag);
        at[0] = i + len;
        return v.signum() > 0 && v.compareTo(order) < 0;
    }
}
