package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CloudFrontSigner;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The access log never holds a value that could be a credential, under any name, case, encoding or separator. */
class AccessLogTest {
    static final String SIG = "Hx3Nf~kT0-aB9zQw~Lp4Rs8Vy2Uc6Xe1Gi5Mo7Jh3Kd0Fb9Nt4Wq2Ye8Zr6Ua1Sv3Ix5Oc7Pg9Lm0Dj2Hn4Bk6Ef8";

    @ParameterizedTest
    @ValueSource(strings = {
        "Expires=1767290400&Signature=" + SIG + "&Key-Pair-Id=K2JCJMDEHXQW5F",
        "Expires=1767290400&signature=" + SIG + "&Key-Pair-Id=K2JCJMDEHXQW5F",
        "Expires=1767290400&SIGNATURE=" + SIG,
        "Expires=1767290400&%53ignature=" + SIG,
        "Expires=1767290400&Sig%6Eature=" + SIG,
        "Expires=1767290400;Signature=" + SIG,
        "a=1;Signature=" + SIG,
        "Key-Pair-Id=K2JCJMDEHXQW5F;Signature=" + SIG,
        "Expires=1767290400%26Signature=" + SIG,
        "Policy=" + SIG + "&Key-Pair-Id=K2JCJMDEHXQW5F",
        "Signature+=" + SIG,
        " Signature=" + SIG,
        SIG,
        "x=" + SIG})
    void redact_anyFormOfASecret_neverLogged(String query) {
        String logged = AccessLog.redact("/a.txt", query);
        assertThat(logged).doesNotContain(SIG.substring(0, 20)).doesNotContain(SIG.substring(40));
    }

    @Test
    void redact_keepsCloudFrontsPublicParametersAndShortNames() {
        assertThat(AccessLog.redact("/a.txt", "Expires=1767290400&Signature=" + SIG
                + "&Key-Pair-Id=K2JCJMDEHXQW5F&Hash-Algorithm=SHA256&quality=hd&flag"))
                .isEqualTo("/a.txt?Expires=1767290400&Signature=REDACTED&Key-Pair-Id=K2JCJMDEHXQW5F"
                        + "&Hash-Algorithm=SHA256&quality=REDACTED&flag");
        assertThat(AccessLog.redact("/a.txt", null)).isEqualTo("/a.txt");
    }

    @Test
    void redact_pathParameters_andControlCharacters() {
        assertThat(AccessLog.redact("/a.txt;Signature=" + SIG + "/b", null)).isEqualTo("/a.txt;REDACTED/b");
        assertThat(AccessLog.redact("/a b", null)).isEqualTo("/a%20b");
    }

    @Test
    void log_realSignatureUnderAnotherSpelling_redactedOnTheWire() throws Exception {
        CloudFrontSigner signer = TestKeys.rsaSigner(Clock.systemUTC());
        String url = signer.signUrl(TestKeys.BASE + "/a.txt", Duration.ofMinutes(5)).url();
        String query = url.substring(url.indexOf('?') + 1);
        String signature = query.replaceAll(".*Signature=([^&]*).*", "$1");
        try (LocalEdge edge = new LocalEdge(EdgeConfig.builder().root(java.nio.file.Files.createTempDirectory("log"))
                .trust(TestKeys.RSA_ID, TestKeys.rsaPublic()))) {
            for (String spelled : new String[] {"signature=", "%53ignature=", "SIGNATURE=", "x=1;Signature="}) {
                edge.get("/a.txt?" + query.replace("Signature=", spelled));
                assertThat(edge.lastLogLine()).doesNotContain(signature.substring(0, 24));
            }
        }
    }

    @Test
    void log_decisionFields_comeFromTheTypedDecision() throws Exception {
        try (LocalEdge edge = new LocalEdge(EdgeConfig.builder().root(java.nio.file.Files.createTempDirectory("log"))
                .trust(TestKeys.RSA_ID, TestKeys.rsaPublic()).protect("/private/*"))) {
            edge.get("/public/../private/a.txt");
            assertThat(edge.lastLogLine()).contains(" 400 ").endsWith(" REFUSED DOT_SEGMENT - -");
            edge.get("/private/a.txt?Expires=1&Signature=abc&Key-Pair-Id=K2JCJMDEHXQW5F");
            assertThat(edge.lastLogLine()).contains(" 403 ").matches(".* DENY [A-Z_]+ K2JCJMDEHXQW5F url");
            edge.get("/public/a.txt");
            assertThat(edge.lastLogLine()).contains(" 404 ").endsWith(" PUBLIC - - -");
            edge.get("/__cfsign/health");
            assertThat(edge.lastLogLine()).contains(" 200 ").endsWith(" PUBLIC - - -");
        }
    }
}
