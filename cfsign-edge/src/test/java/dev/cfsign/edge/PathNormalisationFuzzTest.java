package dev.cfsign.edge;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * The folder origin's path normalisation never yields a path outside the root (issue #7). A fuzzed request target
 * goes three ways:
 * <ol>
 *   <li>through the real edge HTTP stack: a {@link LocalConnector} with the edge's {@code HttpConfiguration} (Jetty's
 *       request-line parser and URI compliance), where a wrapper checks the file of the request's
 *       {@link RequestTarget}, exactly what the handler serves, and the response is checked too: a 200 serves a file of the root, never the
 *       secret beside it, and nothing answers 500;</li>
 *   <li>through {@link HttpURI#from(String)} and its canonical path without the server's compliance check, as if a
 *       laxer compliance mode were configured;</li>
 *   <li>straight into {@code resolve}, raw and percent-decoded, as if Jetty let anything through.</li>
 * </ol>
 * The root holds files, folders and symbolic links (one to a file inside, one to the secret outside, one to a folder
 * inside and one to the folder above the root), and beside it lie the secret and a folder whose name starts with the
 * root's. Property: every non-null {@code resolve} result is a regular file whose real path is inside the real root,
 * and no exception escapes but {@code IllegalArgumentException} from Jetty's URI parsing or {@code URIUtil.decodePath}
 * (which the handler turns into 404).
 */
class PathNormalisationFuzzTest {
    static final String SECRET = "SECRET-OUTSIDE-THE-ROOT";

    /** Built once per JVM: Jazzer reuses the test instance for every execution, and so does a regression run. */
    private static final class Fixture {
        static final Fixture INSTANCE = new Fixture();

        final Path base;
        final Path realRoot;
        final FileOriginHandler origin;
        final LocalConnector connector;
        /** Bodies of the regular files inside the root: a 200 must carry one of them. */
        final Set<String> insideBodies = new HashSet<>();

        private Fixture() {
            try {
                base = Files.createTempDirectory("cfsign-path-fuzz");
                Path root = Files.createDirectories(base.resolve("root"));
                for (String f : new String[] {"a.txt", "dir/b.txt", "dir/sub/c.txt", "my file.txt", "café.txt",
                    "100%.txt", "..a", "a..", ".hidden", "semi;colon.txt"}) {
                    Path p = root.resolve(f);
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, "inside:" + f);
                    insideBodies.add("inside:" + f);
                }
                Files.writeString(base.resolve("secret.txt"), SECRET);
                Files.createDirectories(base.resolve("root2"));
                Files.writeString(base.resolve("root2/secret.txt"), SECRET + "-root2");
                Files.createSymbolicLink(root.resolve("link-in.txt"), root.resolve("dir/b.txt"));
                Files.createSymbolicLink(root.resolve("link-out.txt"), base.resolve("secret.txt"));
                Files.createSymbolicLink(root.resolve("dirlink-in"), root.resolve("dir"));
                Files.createSymbolicLink(root.resolve("dirlink-out"), base);
                Files.createSymbolicLink(root.resolve("relative-out"), Path.of("../root2"));
                origin = new FileOriginHandler(root);
                realRoot = origin.realRoot();

                Server server = new Server();
                connector = new LocalConnector(server, new HttpConnectionFactory(EdgeServer.httpConfiguration()));
                server.addConnector(connector);
                server.setHandler(new Checking(origin));
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop();
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                    delete(base);
                }));
            } catch (Exception e) {
                throw new IllegalStateException("cannot build the fuzzing root", e);
            }
        }
    }

    /** Checks the handler's own computation on the path Jetty hands over, then lets the origin answer. */
    private static final class Checking extends Handler.Wrapper {
        Checking(Handler origin) {
            super(origin);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            try {
                RequestTarget target = RequestTarget.of(request, Fixture.INSTANCE.origin);
                checkInside(target.file(), "request target " + target);
            } catch (RequestPath.Refused e) {
                // an ambiguous path: the edge answers 400
            }
            return super.handle(request, response, callback);
        }
    }

    @FuzzTest(maxDuration = "30s") // the default when run alone; FuzzBudget sets the budget in mvn verify
    void paths(byte[] raw) throws Exception {
        Fixture f = Fixture.INSTANCE;
        String target = new String(raw, StandardCharsets.UTF_8);

        // 1. The real HTTP stack. Bytes that would split the request line are the parser's business, not the path's.
        if (raw.length > 0 && !containsAny(raw, (byte) ' ', (byte) '\r', (byte) '\n')) {
            ByteBuffer request = ByteBuffer.allocate(raw.length + 64);
            request.put("GET ".getBytes(StandardCharsets.US_ASCII)).put(raw)
                    .put(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).flip();
            HttpTester.Response r = HttpTester.parseResponse(f.connector.getResponse(request));
            check(r != null, "no response for " + show(raw));
            check(r.getStatus() != 500, "500 for " + show(raw));
            if (r.getStatus() == 200 || r.getStatus() == 206) {
                String body = r.getContent();
                check(!body.contains(SECRET), "the secret outside the root was served for " + show(raw));
                check(f.insideBodies.contains(body), "a 200 that is no file of the root for " + show(raw) + ": " + body);
            }
        }

        // 2. Jetty's URI parser and canonical path without the compliance check. HttpURI takes an encoded URI: the
        // request-line parser answers 400 to raw non-ASCII bytes before HttpURI sees them (step 1 checks that), and
        // HttpURI.from itself throws ArrayIndexOutOfBoundsException on some non-ASCII strings (the first finding of
        // this target, input finding-jetty-httpuri-non-ascii), so only ASCII goes this way.
        HttpURI uri = null;
        if (isAscii(target)) {
            try {
                uri = HttpURI.from(target);
            } catch (IllegalArgumentException e) {
                // a malformed URI: the server answers 400
            }
        }
        if (uri != null) {
            String canonical;
            try {
                canonical = uri.getCanonicalPath();
            } catch (IllegalArgumentException e) {
                canonical = null;
            }
            if (canonical != null) {
                resolveDecoded(canonical, "canonical path " + canonical);
            }
        }

        // 3. Straight in.
        checkInside(f.origin.resolve(target), "raw " + show(raw));
        resolveDecoded(target, "decoded " + show(raw));
    }

    private static void resolveDecoded(String path, String what) {
        String decoded;
        try {
            decoded = URIUtil.decodePath(path);
        } catch (IllegalArgumentException e) {
            return;
        }
        checkInside(Fixture.INSTANCE.origin.resolve(decoded), what);
    }

    static void checkInside(Path resolved, String what) {
        if (resolved == null) {
            return;
        }
        Path realRoot = Fixture.INSTANCE.realRoot;
        Path real;
        try {
            real = resolved.toRealPath();
        } catch (IOException e) {
            throw new AssertionError("resolve gave a path that does not exist: " + resolved + " for " + what, e);
        }
        check(real.startsWith(realRoot), "resolve left the root: " + real + " for " + what);
        check(Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS), "resolve gave no regular file: " + real + " for "
                + what);
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    static boolean containsAny(byte[] data, byte... bytes) {
        for (byte d : data) {
            for (byte b : bytes) {
                if (d == b) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String show(byte[] raw) {
        StringBuilder sb = new StringBuilder("'");
        for (byte b : raw) {
            sb.append(b >= 0x21 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff));
        }
        return sb.append('\'').toString();
    }

    static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
