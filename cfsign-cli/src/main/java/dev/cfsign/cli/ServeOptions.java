package dev.cfsign.cli;

import dev.cfsign.edge.EdgeConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cfsign serve}'s options, the only parser of them: {@link Edge#applyTo} calls the {@link EdgeConfig.Builder} setter
 * each option names, after the {@code --config} file (whose keys call the same setters), and falls back to the
 * {@code AWS_CLOUDFRONT_*} environment when neither trusts a key. Only {@link EdgeRunner} calls it, so other commands
 * never load the edge.
 */
final class ServeOptions {
    /** The port {@code serve} binds when neither the flags nor the config file name one. */
    static final int DEFAULT_PORT = 8080;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--root", paramLabel = "DIR",
            description = "Serve this folder (GET and HEAD, byte ranges, ETag); no listings.")
    Path rootDir;

    @Option(names = "--origin", paramLabel = "URL", description = "Or proxy to this HTTP origin.")
    String origin;

    @Option(names = "--trust", paramLabel = "KEY-PAIR-ID=PUBLIC-KEY-FILE",
            description = "Trust a public key (PEM or DER) under its key pair ID; repeat for each key of the key group."
                    + " Default: AWS_CLOUDFRONT_KEY_ID with AWS_CLOUDFRONT_PUBLIC_KEY (or the key derived from"
                    + " AWS_CLOUDFRONT_PRIVATE_KEY).")
    List<String> trust = new ArrayList<>();

    @Option(names = "--protect", paramLabel = "PATTERN",
            description = "Require a signature on paths matching this CloudFront path pattern (/videos/*);"
                    + " repeatable. Default: every path (*).")
    List<String> protect = new ArrayList<>();

    @Option(names = "--public", paramLabel = "PATTERN",
            description = "Serve paths matching this pattern without a signature; repeatable (first match wins).")
    List<String> publicPaths = new ArrayList<>();

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The distribution URL the links were signed for (https://d111111abcdef8.cloudfront.net),"
                    + " so URLs signed for it verify here. Default: AWS_CLOUDFRONT_CUSTOM_DOMAIN or"
                    + " AWS_CLOUDFRONT_DOMAIN when the keys come from the environment.")
    String publicUrl;

    @Option(names = "--host", paramLabel = "HOST", description = "Bind address. Default: 127.0.0.1.")
    String host;

    @Option(names = "--port", paramLabel = "N", description = "Port; 0 picks any free port. Default: "
            + DEFAULT_PORT + ".")
    Integer port;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A key = value file (root, origin, trust.ID, protect, public, public-url, idle-timeout, …),"
                    + " read first; the flags add to it or override it.")
    Path config;

    @Option(names = "--clock-skew", paramLabel = "DURATION", converter = TimeSpec.DurationConverter.class,
            description = "Tolerance for clock differences (30s, 2m; at most 10m).")
    Duration clockSkew;

    @Option(names = "--explain",
            description = "Add X-Cfsign-Denial: <REASON> to denials (local debugging; CloudFront never says why).")
    boolean explain;

    @Option(names = "--no-verification-cache", description = "Verify every request (default: cache allowed"
            + " results until they expire).")
    boolean noVerificationCache;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = TimeSpec.DurationConverter.class,
            description = "Close connections with no traffic for this long (30s, 500ms, 2m, 1h). Default: 30s.")
    Duration idleTimeout;

    @Option(names = "--header-timeout", paramLabel = "DURATION", converter = TimeSpec.DurationConverter.class,
            description = "Close connections that start a request line or headers and do not finish them within this"
                    + " long (slow clients, slowloris). Default: 10s.")
    Duration headerTimeout;

    @Option(names = "--sign-manifests", description = "Rewrite HLS playlists and DASH MPDs fetched with a signed URL so"
            + " every URI the policy covers carries the same signature (what Lambda@Edge does for URL-signed streams).")
    boolean signManifests;

    @Option(names = "--cors", paramLabel = "ORIGIN", description = "Let a player on ORIGIN (https://player.example.com,"
            + " or * for any) read responses: CORS headers and preflights, as a CloudFront response-headers policy.")
    String cors;

    @Option(names = "--hide-missing-objects", description = "Answer a missing object 403 AccessDenied, as an S3 bucket"
            + " behind origin access control without s3:ListBucket does (default: 404 NoSuchKey).")
    boolean hideMissingObjects;

    /**
     * The part that touches the edge's classes. A nested class, so picocli's reflection over this mixin (for every
     * command's help) never loads them.
     */
    static final class Edge {
        private Edge() {}

        /**
         * Fills {@code b} from {@code o}: default port, config file, flags, then the environment when no key is
         * trusted yet.
         *
         * @throws ParameterException for a flag value the edge refuses (exit 2)
         * @throws CliException for a config file the edge refuses (exit 3)
         * @throws IOException for a key or config file that cannot be read (exit 4)
         */
        static EdgeConfig.Builder applyTo(ServeOptions o, EdgeConfig.Builder b, Map<String, String> env)
                throws IOException {
            if (o.rootDir != null && o.origin != null) {
                throw o.usage("Give --root DIR or --origin URL, not both.");
            }
            b.port(DEFAULT_PORT);
            if (o.config != null) {
                try {
                    b.configFile(o.config);
                } catch (IllegalArgumentException e) {
                    throw CliException.config("--config " + e.getMessage());
                }
            }
            o.set("--root", () -> b.root(o.rootDir), o.rootDir);
            o.set("--origin", () -> b.origin(URI.create(o.origin)), o.origin);
            for (String t : o.trust) {
                int sep = t.indexOf('=');
                if (sep <= 0 || sep == t.length() - 1) {
                    throw o.usage("--trust takes KEY-PAIR-ID=PUBLIC-KEY-FILE, e.g. K2JCJMDEHXQW5F=public_key.pem");
                }
                try {
                    b.trust(t.substring(0, sep), Path.of(t.substring(sep + 1)));
                } catch (IllegalArgumentException e) { // an ID given twice with two keys, or not an ID at all
                    throw o.usage("--trust " + Redact.oneLine(t.substring(0, sep)) + "=…: " + e.getMessage()
                            + ". Give each key pair ID once.");
                }
            }
            o.protect.forEach(p -> o.set("--protect", () -> b.protect(p), p));
            o.publicPaths.forEach(p -> o.set("--public", () -> b.publicPath(p), p));
            o.set("--public-url", () -> b.publicUrl(o.publicUrl), o.publicUrl);
            o.set("--host", () -> b.host(o.host), o.host);
            o.set("--port", () -> b.port(o.port), o.port);
            o.set("--clock-skew", () -> b.clockSkew(o.clockSkew), o.clockSkew);
            o.set("--idle-timeout", () -> b.idleTimeout(o.idleTimeout), o.idleTimeout);
            o.set("--header-timeout", () -> b.headerTimeout(o.headerTimeout), o.headerTimeout);
            if (o.explain) {
                b.explain(true);
            }
            if (o.noVerificationCache) {
                b.verificationCache(false);
            }
            if (o.signManifests) {
                b.streaming(b.streaming().withSignManifests(true));
            }
            o.set("--cors", () -> b.streaming(b.streaming().withCorsOrigin(o.cors)), o.cors);
            if (o.hideMissingObjects) {
                b.streaming(b.streaming().withHideMissingObjects(true));
            }
            if (!b.hasTrustedKeys()) {
                b.trustFromEnvironment(env);
            }
            return b;
        }
    }

    /** Runs {@code setter} when the option was given, reporting the edge's refusal as a usage error naming it. */
    private void set(String flag, Runnable setter, Object value) {
        if (value == null) {
            return;
        }
        try {
            setter.run();
        } catch (IllegalArgumentException e) {
            throw usage(flag + ": " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }
}
