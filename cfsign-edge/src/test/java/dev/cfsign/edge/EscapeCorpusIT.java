package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CustomPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12, from outside: {@code --protect '/private/*'} and credentials (URL or cookies) granting only
 * {@code /public/*}; every traversal, encoding and symlink form of {@link EscapeCorpus} sent as raw bytes to a real
 * edge on a real port, in folder mode and in front of a lax origin that resolves {@code ..}, {@code ;params},
 * {@code //}, backslashes and double encoding itself. Counts the protected bytes served: 0. The controls show that the
 * same credentials do open {@code /public/*} and that the counter sees the secret when it is granted.
 */
class EscapeCorpusIT {
    static final CloudFrontSigner SIGNER = TestKeys.rsaSigner(Clock.systemUTC());

    @TempDir
    static Path dir;
    static EdgeServer folder;
    static EdgeServer proxy;
    static HttpServer laxOrigin;

    @BeforeAll
    static void start() throws Exception {
        folder = EdgeServer.start(EdgeConfig.builder().root(EscapeCorpus.site(dir))
                .trust(TestKeys.RSA_ID, TestKeys.rsaPublic()).protect("/private/*").build());
        Path originFiles = EscapeCorpus.files(dir.resolve("origin"));
        laxOrigin = EscapeCorpus.laxOrigin(originFiles);
        proxy = EdgeServer.start(EdgeConfig.builder()
                .origin(URI.create("http://127.0.0.1:" + laxOrigin.getAddress().getPort()))
                .trust(TestKeys.RSA_ID, TestKeys.rsaPublic()).protect("/private/*").build());
    }

    @AfterAll
    static void stop() {
        folder.close();
        proxy.close();
        laxOrigin.stop(0);
    }

    @Test
    void issueCurlForm_customPolicyForPublic_400AndNoProtectedByte() throws Exception {
        String grant = query(folder, "/public/*");
        String answer = send(folder, "GET", "/public/../private/secret.txt?" + grant, null);
        assertThat(status(answer)).isEqualTo(400);
        assertThat(EscapeCorpus.protectedBytes(answer)).isZero();
    }

    @Test
    void folder_everyEscapeForm_noProtectedByte() throws Exception {
        assertNoProtectedBytes(folder);
    }

    @Test
    void proxy_everyEscapeForm_noProtectedByte() throws Exception {
        assertNoProtectedBytes(proxy);
    }

    @Test
    void controls_theGrantOpensPublic_andTheCounterSeesGrantedSecrets() throws Exception {
        for (EdgeServer edge : List.of(folder, proxy)) {
            String hello = send(edge, "GET", "/public/hello.txt?" + query(edge, "/public/*"), null);
            assertThat(status(hello)).isEqualTo(200);
            assertThat(hello).endsWith(EscapeCorpus.HELLO);
            String secret = send(edge, "GET", "/private/secret.txt?" + query(edge, "/private/*"), null);
            assertThat(status(secret)).isEqualTo(200);
            assertThat(EscapeCorpus.protectedBytes(secret)).isEqualTo(EscapeCorpus.SECRET.length());
        }
        // Folder links: served when the grant covers where they lead, refused when it does not.
        String inner = send(folder, "GET", "/public/inner-link.txt?" + query(folder, "/public/*"), null);
        assertThat(inner).endsWith(EscapeCorpus.HELLO);
        String everything = query(folder, "/*");
        assertThat(EscapeCorpus.protectedBytes(send(folder, "GET", "/public/link.txt?" + everything, null)))
                .isEqualTo(EscapeCorpus.SECRET.length());
        assertThat(status(send(folder, "GET", "/public/link.txt", null))).isEqualTo(403);
        // The lax origin does resolve the escapes: what the proxy must never forward.
        int origin = laxOrigin.getAddress().getPort();
        for (String escape : List.of("/public/../private/secret.txt", "/public/..;x/private/secret.txt",
                "/public/%252e%252e/private/secret.txt", "/public/..%5cprivate/secret.txt")) {
            assertThat(EscapeCorpus.protectedBytes(send(origin, "GET", escape, null))).as(escape).isPositive();
        }
    }

    @Test
    void optionsStar_200WithAllow_neverForwarded() throws Exception {
        String f = send(folder, "OPTIONS", "*", null);
        assertThat(status(f)).isEqualTo(200);
        assertThat(f).containsIgnoringCase("Allow: GET, HEAD");
        String p = send(proxy, "OPTIONS", "*", null);
        assertThat(status(p)).isEqualTo(200);
        assertThat(p).containsIgnoringCase("Allow: GET, HEAD, OPTIONS");
        assertThat(status(send(folder, "GET", "*", null))).isEqualTo(400);
    }

    private static void assertNoProtectedBytes(EdgeServer edge) throws Exception {
        String grant = query(edge, "/public/*");
        String cookies = "Cookie: " + SIGNER.signCookies(CustomPolicy.builder().resource(base(edge) + "/public/*")
                .expiresAt(Instant.now().plusSeconds(600)).build()).toCookieHeader();
        int protectedBytes = 0;
        List<String> seen = new ArrayList<>();
        for (String raw : EscapeCorpus.TARGETS) {
            String target = raw.replace("HOST", authority(edge));
            String sep = target.contains("?") ? "&" : "?";
            for (String[] form : new String[][] {{target, null}, {target + sep + grant, null}, {target, cookies}}) {
                String answer = send(edge, "GET", form[0], form[1]);
                int status = status(answer);
                seen.add(status + " " + raw + (form[1] != null ? " +cookies" : form[0].equals(target) ? "" : " +url"));
                assertThat(status).as("%s", seen.get(seen.size() - 1)).isLessThan(500);
                protectedBytes += EscapeCorpus.protectedBytes(answer);
            }
        }
        assertThat(protectedBytes).as("protected bytes served; answers:%n%s", String.join("\n", seen)).isZero();
    }

    static String base(EdgeServer edge) {
        return "http://" + authority(edge);
    }

    static String authority(EdgeServer edge) {
        return "127.0.0.1:" + edge.port();
    }

    /** Policy, Signature and Key-Pair-Id of a custom policy granting {@code pattern} on the edge's host. */
    static String query(EdgeServer edge, String pattern) {
        String url = SIGNER.signUrl(base(edge) + "/x", CustomPolicy.builder().resource(base(edge) + pattern)
                .expiresAt(Instant.now().plusSeconds(600)).build()).url();
        return url.substring(url.indexOf('?') + 1);
    }

    /** One request as raw bytes on its own connection; the whole answer (head and body) as ISO-8859-1 text. */
    static String send(EdgeServer edge, String method, String target, String header) throws IOException {
        return send(edge.port(), method, target, header);
    }

    static String send(int port, String method, String target, String header) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + (header == null ? "" : header + "\r\n") + "Connection: close\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static int status(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 ");
        return Integer.parseInt(answer.substring(9, 12));
    }
}
