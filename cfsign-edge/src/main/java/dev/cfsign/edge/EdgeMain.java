package dev.cfsign.edge;

import dev.cfsign.CryptoProviders;
import dev.cfsign.keys.KeyFormatException;
import dev.cfsign.keys.VerificationKey;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The launcher: {@code serve} and {@code demo}, as plain Java so the {@code cfsign} CLI can call it and so it runs
 * standalone:
 *
 * <pre>
 * java -cp … dev.cfsign.edge.EdgeMain serve --root DIR --trust ID=FILE [--protect PATTERN]… [--public PATTERN]…
 *      [--public-url URL] [--host H] [--port N] [--config FILE] [--origin URL] [--clock-skew 30s] [--explain]
 *      [--no-verification-cache] [--idle-timeout 30s] [--header-timeout 10s] [--quiet]
 * java -cp … dev.cfsign.edge.EdgeMain demo [--keep-running]
 * </pre>
 *
 * <p>{@code serve} reads the config file first, then the flags (which add to or override it); when no key is
 * trusted by either, the seed environment ({@code AWS_CLOUDFRONT_KEY_ID} with {@code AWS_CLOUDFRONT_PUBLIC_KEY}) is
 * used. The first line on stdout is the listening URL; then the trusted key IDs, the crypto provider, the origin and
 * the behaviors; then one access-log line per request (unless {@code --quiet}). Exit codes: 0 ok, 1 the demo saw an
 * unexpected answer, 2 usage error, 3 key or I/O problem.
 *
 * @since 0.1
 */
public final class EdgeMain {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int IO = 3;
    /** The port {@code serve} binds when neither the flags nor the config file name one. */
    public static final int DEFAULT_PORT = 8080;

    static final String USAGE_TEXT = String.join("\n",
            "Usage: cfsign-edge serve [options]   run a local CloudFront edge",
            "       cfsign-edge demo [--keep-running]   sign, fetch and get denied, with a throw-away key",
            "serve options:",
            "  --root DIR            serve this folder (GET/HEAD, ranges, ETag)",
            "  --origin URL          or proxy to this HTTP origin",
            "  --trust ID=FILE       trust a public key (PEM/DER) under its key pair ID; repeatable",
            "  --protect PATTERN     require signatures on paths matching a CloudFront path pattern; repeatable",
            "  --public PATTERN      serve paths matching it without signature; repeatable (first match wins)",
            "  --public-url URL      the distribution URL the links were signed for (https://d111111abcdef8.cloudfront.net)",
            "  --host HOST           bind address (default 127.0.0.1)",
            "  --port N              port (default 8080; 0 = any free port)",
            "  --config FILE         key = value file (root, origin, trust.ID, protect, public, public-url, ...)",
            "  --clock-skew D        tolerance for clock differences (30s, 2m; at most 10m)",
            "  --explain             add X-Cfsign-Denial: <REASON> to denials (local debugging)",
            "  --no-verification-cache   verify every request (default: cache allowed results until expiry)",
            "  --idle-timeout D      close connections idle this long (default 30s; 500ms, 2m)",
            "  --header-timeout D    close connections that start a request head and do not finish it (default 10s)",
            "  --sign-manifests      rewrite HLS/DASH manifests fetched with URL credentials so every covered URI carries them",
            "  --cors ORIGIN         CORS headers and preflights for players on ORIGIN (* for any)",
            "  --hide-missing-objects   a missing object is 403 AccessDenied (S3 without s3:ListBucket), not 404 NoSuchKey",
            "  --quiet               no access log on stdout",
            "Without --trust or trust.ID, AWS_CLOUDFRONT_KEY_ID and AWS_CLOUDFRONT_PUBLIC_KEY are used.");

    private EdgeMain() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, System.getenv());
        if (code != OK) {
            System.exit(code);
        }
    }

    /** Runs a command; blocks while the server runs ({@code serve}, {@code demo --keep-running}). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "serve": {
                    EdgeServer edge = serve(rest, env, out);
                    edge.join();
                    return OK;
                }
                case "demo": {
                    boolean keep = false;
                    for (String a : rest) {
                        if (a.equals("--keep-running")) {
                            keep = true;
                        } else {
                            throw new UsageException("demo takes only --keep-running, not " + a);
                        }
                    }
                    return Demo.run(out, keep);
                }
                default:
                    throw new UsageException("Unknown command " + args[0] + "; use serve or demo");
            }
        } catch (KeyFormatException | IOException e) {
            err.println("cfsign-edge: " + e.getMessage());
            return IO;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("cfsign-edge: " + e.getMessage());
            err.println("Try: cfsign-edge --help");
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        }
    }

    /** Parses the {@code serve} flags, starts the edge and prints the banner (URL first). Does not block. */
    public static EdgeServer serve(List<String> args, Map<String, String> env, PrintStream out) throws IOException {
        boolean quiet = args.contains("--quiet");
        EdgeConfig config = parseServe(args, env, quiet ? line -> { } : out::println);
        EdgeServer edge = EdgeServer.start(config);
        announce(edge, out);
        return edge;
    }

    /** Prints what a started edge serves: the URL alone on the first line, then keys, provider, origin, behaviors. */
    public static void announce(EdgeServer edge, PrintStream out) {
        EdgeConfig c = edge.config();
        out.println(edge.url());
        StringJoiner keys = new StringJoiner(", ");
        for (Map.Entry<String, VerificationKey> e : c.trustedKeys().asMap().entrySet()) {
            keys.add(e.getKey() + " (" + e.getValue().keyType().displayName() + ")");
        }
        out.println("trusted keys: " + (c.trustedKeys().size() == 0 ? "none" : keys));
        out.println("crypto provider: " + CryptoProviders.describePreferred());
        out.println("origin: " + c.root().map(p -> "folder " + p.toAbsolutePath())
                .orElseGet(() -> "proxy " + c.origin().orElseThrow()));
        StringJoiner b = new StringJoiner(", ");
        c.behaviors().forEach(x -> b.add(x.toString()));
        b.add((c.defaultRequiresSignature() ? "signed" : "public") + " * (default)");
        out.println("behaviors: " + b);
        c.publicUrl().ifPresent(u -> out.println("verifying as: " + u));
        out.flush();
    }

    /** The configuration the {@code serve} flags describe (see the class comment). */
    public static EdgeConfig parseServe(List<String> args, Map<String, String> env, java.util.function.Consumer<String> accessLog)
            throws IOException {
        EdgeConfig.Builder b = EdgeConfig.builder().port(DEFAULT_PORT).accessLog(accessLog);
        int configAt = args.indexOf("--config");
        if (configAt >= 0) {
            if (configAt + 1 >= args.size()) {
                throw new UsageException("--config needs a file");
            }
            b.configFile(Path.of(args.get(configAt + 1)));
        }
        boolean trusted = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String flag = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0 && !a.startsWith("--trust=")) {
                flag = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (a.startsWith("--trust=")) {
                flag = "--trust";
                value = a.substring("--trust=".length());
            }
            switch (flag) {
                case "--explain":
                    b.explain(true);
                    continue;
                case "--no-verification-cache":
                    b.verificationCache(false);
                    continue;
                case "--sign-manifests":
                    b.streaming(b.streaming().withSignManifests(true));
                    continue;
                case "--hide-missing-objects":
                    b.streaming(b.streaming().withHideMissingObjects(true));
                    continue;
                case "--quiet":
                    continue;
                default:
                    break;
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(flag.startsWith("--") ? flag + " needs a value" : "Unexpected argument " + a);
                }
                value = args.get(++i);
            }
            switch (flag) {
                case "--config":
                    break;
                case "--root":
                    b.root(Path.of(value));
                    break;
                case "--origin":
                    b.origin(URI.create(value));
                    break;
                case "--trust": {
                    int sep = value.indexOf('=');
                    if (sep <= 0 || sep == value.length() - 1) {
                        throw new UsageException("--trust takes KEY-PAIR-ID=PUBLIC-KEY-FILE, e.g. K2JCJMDEHXQW5F=public_key.pem");
                    }
                    b.trust(value.substring(0, sep), Path.of(value.substring(sep + 1)));
                    trusted = true;
                    break;
                }
                case "--protect":
                    b.protect(value);
                    break;
                case "--public":
                    b.publicPath(value);
                    break;
                case "--public-url":
                    b.publicUrl(value);
                    break;
                case "--host":
                    b.host(value);
                    break;
                case "--port":
                    b.port(EdgeConfig.parseInt(value));
                    break;
                case "--clock-skew":
                    b.clockSkew(EdgeConfig.parseDuration(value));
                    break;
                case "--idle-timeout":
                    b.idleTimeout(EdgeConfig.parseDuration(value));
                    break;
                case "--header-timeout":
                    b.headerTimeout(EdgeConfig.parseDuration(value));
                    break;
                case "--cors":
                    try {
                        b.streaming(b.streaming().withCorsOrigin(value));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--cors: " + e.getMessage());
                    }
                    break;
                default:
                    throw new UsageException("Unknown option " + flag);
            }
        }
        EdgeConfig probe = null;
        try {
            probe = b.build();
        } catch (IllegalStateException e) {
            if (!trusted && b.trustFromEnvironment(env)) {
                return b.build();
            }
            throw e;
        }
        return probe;
    }

    /** A command-line mistake (exit code 2). */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }
}
