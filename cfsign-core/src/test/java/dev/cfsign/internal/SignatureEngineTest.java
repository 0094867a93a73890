package dev.cfsign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfsign.HashAlgorithm;
import dev.cfsign.SigningException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureSpi;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No RSA signature leaves the engine unchecked: either the provider checks its own result (the two named in
 * {@link SignatureEngine#SELF_CHECKING_RSA_PROVIDERS}, which these tests hold to it with a key whose CRT numbers are
 * damaged, the fault the check exists for) or the engine verifies it.
 */
class SignatureEngineTest {
    private static final KeyPair RSA = generate("RSA");
    private static final KeyPair EC = generate("EC");
    private static final byte[] MESSAGE = "{\"Statement\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void selfCheckingProviders_reallyRefuseAFaultyCrtResult() throws Exception {
        PrivateKey faulty = withDamagedDp((RSAPrivateCrtKey) RSA.getPrivate());
        List<Provider> providers = new ArrayList<>(List.of(Security.getProvider("SunRsaSign")));
        Provider corretto = Security.getProvider("AmazonCorrettoCryptoProvider");
        if (corretto == null) {
            try {
                corretto = (Provider) Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider")
                        .getField("INSTANCE").get(null);
            } catch (ReflectiveOperationException | LinkageError notOnThisPlatform) {
                corretto = null;
            }
        }
        if (corretto != null) {
            providers.add(corretto);
        }
        for (Provider p : providers) {
            assertThat(SignatureEngine.SELF_CHECKING_RSA_PROVIDERS).contains(p.getName());
            Throwable t = catchThrowableOfType(() -> {
                Signature s = Signature.getInstance("SHA1withRSA", p);
                s.initSign(faulty);
                s.update(MESSAGE);
                s.sign();
            }, Exception.class);
            assertThat(t).as(p.getName() + " must refuse to return a faulty CRT result").isNotNull();

            // Through the engine: refused when it is built (Corretto already refuses the key at initSign) or when
            // it signs (SunRsaSign's check of its result), typed either way.
            SigningException e = catchThrowableOfType(() -> {
                SignatureEngine engine = new SignatureEngine(faulty, RSA.getPublic(), "RSA", HashAlgorithm.SHA1, p);
                assertThat(engine.checksEachSignature()).isFalse();
                engine.sign(MESSAGE);
            }, SigningException.class);
            assertThat(e).as(p.getName()).isNotNull();
            assertThat(e.reason()).isEqualTo(SigningException.Reason.CRYPTO_FAILURE);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void soundKey_signatureReturnedAndValid_checkedByTheEngineOnlyForOtherProviders(boolean selfChecking)
            throws Exception {
        Provider p = selfChecking ? Security.getProvider("SunRsaSign") : new Wrapping("Sound", false);
        SignatureEngine engine = new SignatureEngine(RSA.getPrivate(), RSA.getPublic(), "RSA", HashAlgorithm.SHA1, p);
        assertThat(engine.checksEachSignature()).isEqualTo(!selfChecking);

        Signature jdk = Signature.getInstance("SHA1withRSA", "SunRsaSign");
        jdk.initVerify(RSA.getPublic());
        jdk.update(MESSAGE);
        assertThat(jdk.verify(engine.sign(MESSAGE))).isTrue();
    }

    @Test
    void otherProvider_faultySignature_isCaughtByTheEngine() {
        SignatureEngine engine = new SignatureEngine(RSA.getPrivate(), RSA.getPublic(), "RSA", HashAlgorithm.SHA1,
                new Wrapping("Faulty", true));
        assertThat(engine.checksEachSignature()).isTrue();

        SigningException e = catchThrowableOfType(() -> engine.sign(MESSAGE), SigningException.class);
        assertThat(e.reason()).isEqualTo(SigningException.Reason.CRYPTO_FAILURE);
        assertThat(e.getMessage()).contains("failed its own verification", "nothing was returned");
    }

    @Test
    void ecdsa_isNotCheckedTwice() {
        SignatureEngine engine = new SignatureEngine(EC.getPrivate(), null, "EC", HashAlgorithm.SHA256, null);
        assertThat(engine.checksEachSignature()).isFalse();
    }

    private static PrivateKey withDamagedDp(RSAPrivateCrtKey k) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(k.getModulus(),
                k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(),
                k.getPrimeExponentP().add(BigInteger.TWO), k.getPrimeExponentQ(), k.getCrtCoefficient()));
    }

    private static KeyPair generate(String family) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(family);
            g.initialize("RSA".equals(family) ? 2048 : 256);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** SunRsaSign's SHA1withRSA under another provider name; {@code faulty} flips a bit of every signature. */
    static final class Wrapping extends Provider {
        private static final long serialVersionUID = 1L;

        Wrapping(String name, boolean faulty) {
            super(name, "1", "wraps SunRsaSign");
            Provider jdk = Security.getProvider("SunRsaSign");
            putService(new Service(this, "Signature", "SHA1withRSA", Spi.class.getName(), null, null) {
                @Override
                public Object newInstance(Object param) {
                    try {
                        return new Spi(Signature.getInstance("SHA1withRSA", jdk), faulty);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
    }

    static final class Spi extends SignatureSpi {
        private final Signature delegate;
        private final boolean faulty;

        Spi(Signature delegate, boolean faulty) {
            this.delegate = delegate;
            this.faulty = faulty;
        }

        @Override protected void engineInitVerify(java.security.PublicKey k) throws java.security.InvalidKeyException { delegate.initVerify(k); }
        @Override protected void engineInitSign(PrivateKey k) throws java.security.InvalidKeyException { delegate.initSign(k); }
        @Override protected void engineUpdate(byte b) throws java.security.SignatureException { delegate.update(b); }
        @Override protected void engineUpdate(byte[] b, int o, int l) throws java.security.SignatureException { delegate.update(b, o, l); }
        @Override protected boolean engineVerify(byte[] s) throws java.security.SignatureException { return delegate.verify(s); }
        @Override @Deprecated protected void engineSetParameter(String p, Object v) { }
        @Override @Deprecated protected Object engineGetParameter(String p) { return null; }

        @Override
        protected byte[] engineSign() throws java.security.SignatureException {
            byte[] sig = delegate.sign();
            if (faulty) {
                sig[sig.length / 2] ^= 0x10;
            }
            return sig;
        }
    }
}
