package dev.cfsign.edge;

import dev.cfsign.CloudFrontError;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CryptoProviders;
import dev.cfsign.CustomPolicy;
import dev.cfsign.SignedCookies;
import dev.cfsign.keys.KeyType;
import dev.cfsign.keys.SigningKey;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code cfsign demo}: with no configuration at all, shows what a CloudFront edge does with signed URLs and cookies.
 * A throw-away ECDSA P-256 key, a temporary folder and an edge on a free loopback port; then a signed URL (200), a
 * tampered one, an expired one, one without its key pair ID (403 with CloudFront's codes), and signed cookies for a
 * folder (200). Signatures are shown shortened; the closing {@code curl} line carries a full URL signed with the
 * throw-away key. Finishes in about a second unless asked to keep running.
 *
 * @since 0.1
 */
public final class Demo {
    static final String KEY_PAIR_ID = "KCFSIGNDEMO0001";

    private Demo() {}

    /**
     * Runs the demo, printing to {@code out}.
     *
     * @param keepRunning when true, the edge keeps serving after the demo (until the process ends)
     * @return true when every answer was the expected one
     */
    public static boolean run(PrintStream out, boolean keepRunning) throws IOException, InterruptedException {
        SigningKey key = SigningKey.generate(KeyType.EC_P256);
        Path root = Files.createTempDirectory("cfsign-demo");
        // Ctrl+C or SIGTERM ends the JVM once its shutdown hooks are done, maybe before the finally below runs.
        Thread cleanup = new Thread(() -> deleteQuietly(root), "cfsign-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        EdgeServer edge;
        try {
            Files.writeString(root.resolve("hello.txt"), "Hello from the cfsign edge!\n");
            Files.createDirectories(root.resolve("videos"));
            Files.writeString(root.resolve("videos/clip.txt"), "(pretend this is a video)\n");
            edge = EdgeServer.start(EdgeConfig.builder().root(root).port(0).explain(true)
                    .trust(KEY_PAIR_ID, key.verificationKey().orElseThrow()).build());
        } catch (IOException | RuntimeException e) {
            deleteQuietly(root);
            removeHook(cleanup);
            throw e;
        }
        boolean ok = true;
        try {
            String base = edge.url().toString();
            out.println("cfsign demo: a throw-away " + key.keyType().displayName() + " key (" + KEY_PAIR_ID
                    + "), files in " + root);
            out.println("edge: " + base + " (every path needs a signature; crypto: "
                    + CryptoProviders.describePreferred() + ")");
            out.println();
            CloudFrontSigner signer = CloudFrontSigner.builder().keyPairId(KEY_PAIR_ID).signingKey(key).build();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

            String signed = signer.signUrl(base + "/hello.txt", Duration.ofMinutes(10)).url();
            ok &= step(out, http, "1. signed URL", signed, null, 200, null);

            String tampered = signed.replaceFirst("Expires=(\\d+)", "Expires=" + (expiresOf(signed) + 86_400));
            ok &= step(out, http, "2. tampered URL (Expires pushed a day later)", tampered, null, 403,
                    CloudFrontError.ACCESS_DENIED);

            CloudFrontSigner past = CloudFrontSigner.builder().keyPairId(KEY_PAIR_ID).signingKey(key)
                    .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(-2))).build();
            String expired = past.signUrl(base + "/hello.txt", Duration.ofHours(1)).url();
            ok &= step(out, http, "3. expired URL (signed to expire an hour ago)", expired, null, 403,
                    CloudFrontError.ACCESS_DENIED);

            String noKey = signed.replaceFirst("&Key-Pair-Id=[^&]*", "");
            ok &= step(out, http, "4. URL without Key-Pair-Id", noKey, null, 403, CloudFrontError.MISSING_KEY);

            SignedCookies cookies = signer.signCookies(CustomPolicy.builder().resource(base + "/videos/*")
                    .expiresAt(signer.clock().instant().plus(Duration.ofMinutes(10))).build());
            ok &= step(out, http, "5. signed cookies for " + base + "/videos/*", base + "/videos/clip.txt",
                    cookies.toCookieHeader(), 200, null);

            out.println();
            out.println("Try it (signed with the throw-away key, valid 10 minutes"
                    + (keepRunning ? "" : "; run `cfsign demo --keep-running` to keep the edge up") + "):");
            out.println("  curl -i '" + signed + "'");
            out.println(ok ? "All answers were CloudFront's." : "UNEXPECTED answers above.");
            out.flush();
            if (keepRunning) {
                out.println("Serving " + base + " until you stop this process (Ctrl+C).");
                out.flush();
                edge.join();
            }
        } finally {
            edge.close();
            deleteQuietly(root);
            removeHook(cleanup);
        }
        return ok;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (or ran) anyway
        }
    }

    private static boolean step(PrintStream out, HttpClient http, String title, String url, String cookie,
                                int expectedStatus, CloudFrontError expectedError) throws IOException, InterruptedException {
        out.println(title);
        out.println("   GET " + redact(url));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            out.println("   Cookie: " + redactCookies(cookie));
            b.header("Cookie", cookie);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        String code = codeOf(r.body());
        String reason = r.headers().firstValue(SignedAccessHandler.DENIAL_HEADER).map(x -> " (" + x + ")").orElse("");
        boolean ok = r.statusCode() == expectedStatus
                && (expectedError == null || (expectedError.xmlBody().equals(r.body())));
        out.println("   -> " + r.statusCode() + (code != null ? " " + code : r.statusCode() == 200 ? " OK" : "") + reason
                + (r.statusCode() == 200 ? "  " + r.body().strip() : "") + (ok ? "" : "   UNEXPECTED"));
        return ok;
    }

    private static long expiresOf(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Expires=(\\d+)").matcher(url);
        if (!m.find()) {
            throw new IllegalStateException("no Expires");
        }
        return Long.parseLong(m.group(1));
    }

    /** The CloudFront code of an XML error body, or null. */
    static String codeOf(String body) {
        int s = body.indexOf("<Code>");
        int e = body.indexOf("</Code>");
        return s < 0 || e < s ? null : body.substring(s + 6, e);
    }

    /** Shows the first 8 characters of Signature and Policy values, then an ellipsis. */
    static String redact(String url) {
        return url.replaceAll("((?:Signature|Policy)=)([^&]{8})[^&]*", "$1$2…");
    }

    static String redactCookies(String header) {
        return header.replaceAll("((?:CloudFront-Signature|CloudFront-Policy)=)([^;]{8})[^;]*", "$1$2…");
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // temporary files: best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
