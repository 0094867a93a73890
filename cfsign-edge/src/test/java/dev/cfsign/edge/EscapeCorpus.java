package dev.cfsign.edge;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A site with a public and a protected folder, the symbolic links that once gave the protected file a public path, and
 * the raw request targets that once escaped a {@code /public/*} grant (issue #12). Shared by {@link EscapeCorpusIT}
 * (real ports, folder and proxy origin) and {@link EscapeFuzzTest} (its seeds).
 */
final class EscapeCorpus {
    /** Every protected file holds this, so any response carrying it carries protected bytes. */
    static final String MARKER = "PROTECTED-BYTES-7f3a";
    static final String SECRET = MARKER + " the secret file\n";
    static final String HELLO = "public hello\n";

    /** Raw targets (path, maybe a query of its own) that must never yield protected bytes under a /public/* grant. */
    static final List<String> TARGETS = List.of(
            "/public/../private/secret.txt",
            "/public/./../private/secret.txt",
            "/public/a/../../private/secret.txt",
            "/public/../../private/secret.txt",
            "/public/../public/../private/secret.txt",
            "/./private/secret.txt",
            "/public/%2e%2e/private/secret.txt",
            "/public/%2E%2E/private/secret.txt",
            "/public/.%2e/private/secret.txt",
            "/public/%2e./private/secret.txt",
            "/public/%2e/../private/secret.txt",
            "/public/..;x/private/secret.txt",
            "/public/..;/private/secret.txt",
            "/public/.;x/../private/secret.txt",
            "/public/%2e%2e;x/private/secret.txt",
            "/public/..%3b/private/secret.txt",
            "/public/..%3Bx/private/secret.txt",
            "/public/..%2fprivate/secret.txt",
            "/public/..%2Fprivate%2Fsecret.txt",
            "/public%2f..%2fprivate/secret.txt",
            "/public/..%5cprivate%5csecret.txt",
            "/public/..\\private\\secret.txt",
            "//private/secret.txt",
            "/public//../private/secret.txt",
            "/private;x/secret.txt",
            "/private/secret.txt;x",
            "/private/secret.txt;",
            "/private//secret.txt",
            "/%70rivate/secret.txt",
            "/pr%69vate/secret.txt",
            "/private/secret%2etxt",
            "/public/%252e%252e/private/secret.txt",
            "/public/%252e%252e%252fprivate%252fsecret.txt",
            "/public/%c0%ae%c0%ae/private/secret.txt",
            "/public/%c0%af../private/secret.txt",
            "/public/%e0%80%ae%e0%80%ae/private/secret.txt",
            "/public/%00/../private/secret.txt",
            "/public/x%00/../../private/secret.txt",
            "/public/%ff/../private/secret.txt",
            "/public/%u002e%u002e/private/secret.txt",
            "/public/\uff0e\uff0e/private/secret.txt",
            "/public/link.txt",
            "/public/dirlink/secret.txt",
            "/public/out/secret.txt",
            "/public/out-and-back/secret.txt",
            "/public/link.txt;x",
            "/public/%6cink.txt",
            "/private/secret.txt",
            "/private/secret.txt?x=/public/a",
            "/public/../private/secret.txt?x=1",
            "http://HOST/public/../private/secret.txt",
            "http://HOST/private/secret.txt",
            "*");

    private EscapeCorpus() {}

    /**
     * Builds the site in {@code dir}: {@code site/public/hello.txt}, {@code site/private/secret.txt}, links from
     * {@code public} to the protected file and folder, a link out of the root that leads back in, and one harmless
     * link inside {@code public}. Returns the site root.
     */
    static Path site(Path dir) throws IOException {
        Path root = files(dir.resolve("site"));
        Path pub = root.resolve("public");
        Path priv = root.resolve("private");
        Files.createSymbolicLink(pub.resolve("link.txt"), Path.of("../private/secret.txt"));
        Files.createSymbolicLink(pub.resolve("dirlink"), Path.of("../private"));
        Files.createSymbolicLink(pub.resolve("inner-link.txt"), Path.of("hello.txt"));
        Files.createSymbolicLink(dir.resolve("outside"), priv);
        Files.createSymbolicLink(pub.resolve("out"), dir.resolve("outside"));
        Files.createSymbolicLink(pub.resolve("out-and-back"), Path.of("../../site/private"));
        return root;
    }

    /** The same files without any link (what a proxied origin serves: its own links are its own business). */
    static Path files(Path root) throws IOException {
        Files.createDirectories(root.resolve("public"));
        Files.createDirectories(root.resolve("private"));
        Files.writeString(root.resolve("public/hello.txt"), HELLO);
        Files.writeString(root.resolve("private/secret.txt"), SECRET);
        return root;
    }

    /** Starts, on a free loopback port, an HTTP origin that serves {@code root} by {@link #laxResolve}. */
    static HttpServer laxOrigin(Path root) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            Path file = laxResolve(root, x.getRequestURI().getRawPath());
            byte[] body = file == null ? null : Files.readAllBytes(file);
            x.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream o = x.getResponseBody()) {
                    o.write(body);
                }
            }
            x.close();
        });
        server.start();
        return server;
    }

    /**
     * The file a lax origin serves for {@code rawPath}, or null: it decodes twice, turns backslashes into slashes,
     * drops {@code ;parameters}, merges slashes and resolves dot segments, staying inside {@code root}.
     */
    static Path laxResolve(Path root, String rawPath) {
        String path = laxDecode(laxDecode(rawPath)).replace('\\', '/').replaceAll(";[^/]*", "");
        Path file;
        try {
            file = root.resolve(path.replaceAll("/+", "/").replaceFirst("^/", "")).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        return file.startsWith(root) && Files.isRegularFile(file) ? file : null;
    }

    private static String laxDecode(String s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                b.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** Protected bytes in a response: the secret's length for every time its marker appears. */
    static int protectedBytes(String response) {
        int n = 0;
        for (int i = response.indexOf(MARKER); i >= 0; i = response.indexOf(MARKER, i + 1)) {
            n += SECRET.length();
        }
        return n;
    }
}
