package dev.cfsign.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Arbitrary input only ever yields a key or a KeyFormatException, and messages never echo the input. */
class KeyParsingPropertyTest {

    @Property(tries = 1000)
    void fromPem_randomText_onlyKeyFormatExceptionAndNoEcho(@ForAll String text) {
        checkText(text, true);
        checkText(text, false);
    }

    @Property(tries = 1000)
    void fromPem_pemLikeFragments_onlyKeyFormatExceptionAndNoEcho(@ForAll("pemish") String text) {
        checkText(text, true);
        checkText(text, false);
    }

    @Property(tries = 1000)
    void fromDer_randomBytes_onlyKeyFormatException(@ForAll byte[] der) {
        checkDer(der, null);
    }

    @Property(tries = 400)
    void fromDer_mutatedFixture_onlyKeyFormatExceptionAndNoKeyMaterial(
            @ForAll("fixtures") String fixture, @ForAll @IntRange(min = 0, max = 5000) int position,
            @ForAll @IntRange(min = 1, max = 255) int xor, @ForAll boolean truncate) {
        byte[] der = Fixtures.bytes(fixture);
        int p = position % der.length;
        byte[] mutated = truncate ? java.util.Arrays.copyOf(der, p) : der.clone();
        if (!truncate) {
            mutated[p] ^= (byte) xor;
        }
        String pem = KeyRejectionTest.pem("X", der);
        checkDer(mutated, pem);
        String mutatedPem = KeyRejectionTest.pem(fixture.contains("pub") ? "PUBLIC KEY" : "PRIVATE KEY", mutated);
        for (boolean priv : new boolean[] {true, false}) {
            try {
                if (priv) {
                    SigningKey.fromPem(mutatedPem);
                } else {
                    VerificationKey.fromPem(mutatedPem);
                }
            } catch (KeyFormatException e) {
                Fixtures.assertNoKeyMaterial(e, pem);
            }
        }
    }

    @Provide
    Arbitrary<String> fixtures() {
        return Arbitraries.of("rsa-2048.pkcs8.der", "rsa-2048.pkcs1.der", "ec-p256.pkcs8.der", "ec-p256.sec1.der",
                "rsa-2048.pub.der", "ec-p256.pub.der", "cert.der");
    }

    @Provide
    Arbitrary<String> pemish() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of("-----BEGIN ", "-----END ", "-----", "PRIVATE KEY", "PUBLIC KEY", "RSA PRIVATE KEY",
                        "EC PRIVATE KEY", "EC PARAMETERS", "ENCRYPTED PRIVATE KEY", "CERTIFICATE", "\n", "\\n", "\r\n",
                        " ", "'", "\"", "=", "==", "Proc-Type: 4,ENCRYPTED\n", "DEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n",
                        "MIIB", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "BggqhkjOPQMBBw==", "MHcCAQEEI", "$", "${", "}", ".pem", "/",
                        "ssh-rsa AAAA", "AAAA"),
                Arbitraries.strings().withCharRange('+', 'z').ofMaxLength(40),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(60).map(b -> Base64.getEncoder().encodeToString(b)));
        return fragment.list().ofMaxSize(25).map(l -> String.join("", l));
    }

    private static void checkText(String text, boolean privateKey) {
        try {
            if (privateKey) {
                SigningKey.fromPem(text);
            } else {
                VerificationKey.fromPem(text);
            }
        } catch (KeyFormatException e) {
            assertNoEcho(e.getMessage(), text);
        }
    }

    private static void checkDer(byte[] der, String pem) {
        for (boolean priv : new boolean[] {true, false}) {
            try {
                if (priv) {
                    SigningKey.fromDer(der);
                } else {
                    VerificationKey.fromDer(der);
                }
            } catch (KeyFormatException e) {
                assertThat(e.getCause()).isNull();
                if (pem != null) {
                    Fixtures.assertNoKeyMaterial(e, pem);
                }
                assertNoEcho(e.getMessage(), Base64.getEncoder().encodeToString(der));
            }
        }
    }

    /**
     * No 16-character window of the input appears in the message once our own vocabulary (PEM labels and phrases the
     * messages name on purpose) is blanked out of the message: a window may straddle a label and a quote.
     */
    private static void assertNoEcho(String message, String input) {
        // PEM boundary lines are named in messages on purpose ("found '-----END X-----' without a BEGIN line"):
        // they are labels, not key material, so they are taken out of both sides before looking for echoes.
        String body = BOUNDARY.matcher(input).replaceAll("\u0001");
        String rest = LABEL.matcher(BOUNDARY.matcher(message).replaceAll("\u0000")).replaceAll("\u0000");
        for (String o : OWN_WORDS) {
            rest = rest.replace(o, "\u0000");
        }
        for (int i = 0; i + 16 <= body.length(); i++) {
            assertThat(rest).doesNotContain(body.substring(i, i + 16));
        }
    }

    private static final java.util.regex.Pattern BOUNDARY = java.util.regex.Pattern.compile("-----(BEGIN|END) .*?-----");

    /** A PEM label as messages name it, with or without the dashes: "BEGIN RSA PRIVATE KEY", "-----END PUBLIC KEY-----". */
    private static final java.util.regex.Pattern LABEL =
            java.util.regex.Pattern.compile("(-----)?(BEGIN|END) [A-Z0-9 ]*(KEY|PARAMETERS|CERTIFICATE)(-----)?");

    /** Labels and phrases our messages legitimately contain and the generator can also produce. */
    private static final List<String> OWN_WORDS = List.of("-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----",
            "-----END PRIVATE KEY-----", "-----END PUBLIC KEY-----", "BEGIN ENCRYPTED PRIVATE KEY", "BEGIN RSA PRIVATE KEY",
            "BEGIN EC PRIVATE KEY", "BEGIN EC PARAMETERS", "Proc-Type: 4,ENCRYPTED", "END RSA PRIVATE KEY",
            "END EC PRIVATE KEY", "END ENCRYPTED PRIVATE KEY", "END EC PARAMETERS", "BEGIN CERTIFICATE");
}
