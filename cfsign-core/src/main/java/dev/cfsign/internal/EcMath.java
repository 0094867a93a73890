package dev.cfsign.internal;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;

/**
 * Affine point arithmetic on a prime-field curve y² = x³ + ax + b, for deriving an EC public key Q = d·G from a
 * private key that does not carry its public key. It runs once per key load.
 *
 * <p>Not constant-time: it is only used at load time on a key the caller already holds, never to sign.
 */
final class EcMath {
    private EcMath() {}

    static ECPoint multiply(ECParameterSpec spec, BigInteger k) {
        EllipticCurve c = spec.getCurve();
        BigInteger p = ((ECFieldFp) c.getField()).getP();
        BigInteger a = c.getA();
        ECPoint r = ECPoint.POINT_INFINITY;
        ECPoint g = spec.getGenerator();
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            r = add(r, r, p, a);
            if (k.testBit(i)) {
                r = add(r, g, p, a);
            }
        }
        return r;
    }

    static boolean isOnCurve(ECParameterSpec spec, ECPoint q) {
        if (q == null || ECPoint.POINT_INFINITY.equals(q)) {
            return false;
        }
        EllipticCurve c = spec.getCurve();
        BigInteger p = ((ECFieldFp) c.getField()).getP();
        BigInteger x = q.getAffineX();
        BigInteger y = q.getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger lhs = y.multiply(y).mod(p);
        BigInteger rhs = x.multiply(x).multiply(x).add(c.getA().multiply(x)).add(c.getB()).mod(p);
        return lhs.equals(rhs);
    }

    private static ECPoint add(ECPoint s, ECPoint t, BigInteger p, BigInteger a) {
        if (ECPoint.POINT_INFINITY.equals(s)) {
            return t;
        }
        if (ECPoint.POINT_INFINITY.equals(t)) {
            return s;
        }
        BigInteger x1 = s.getAffineX();
        BigInteger y1 = s.getAffineY();
        BigInteger x2 = t.getAffineX();
        BigInteger y2 = t.getAffineY();
        BigInteger lambda;
        if (x1.equals(x2)) {
            if (y1.add(y2).mod(p).signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            BigInteger num = x1.multiply(x1).multiply(BigInteger.valueOf(3)).add(a);
            lambda = num.multiply(y1.shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = y2.subtract(y1).multiply(x2.subtract(x1).mod(p).modInverse(p)).mod(p);
        }
        BigInteger x3 = lambda.multiply(lambda).subtract(x1).subtract(x2).mod(p);
        BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(p);
        return new ECPoint(x3, y3);
    }
}
