package dev.cfsign.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cfsign serve}: a local CloudFront edge (module {@code cfsign-edge}). The options are picocli's, for help,
 * completion and typed values; the edge's own launcher ({@code dev.cfsign.edge.EdgeMain}) reads them, so the config
 * file, the flags and the environment fallback behave exactly as documented for the edge. No edge or Jetty class is
 * loaded unless this command runs: everything that touches them is in {@link EdgeRunner}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run a local CloudFront edge: serve a folder (--root) or proxy an origin (--origin), and enforce",
            "signed URLs and cookies with CloudFront's answers (403 and its XML error body).",
            "The first line on stdout is the listening URL; then the trusted key IDs, the crypto provider, the origin",
            "and the behaviors; then one access-log line per request. Stop it with Ctrl+C (or SIGTERM)."},
        sortOptions = false)
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CfsignCommand root;

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

    @Option(names = "--port", paramLabel = "N", description = "Port; 0 picks any free port. Default: 8080.")
    Integer port;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A key = value file (root, origin, trust.ID, protect, public, public-url, …); the flags add"
                    + " to it or override it.")
    Path config;

    @Option(names = "--clock-skew", paramLabel = "DURATION",
            description = "Tolerance for clock differences (30s, 2m; at most 10m).")
    String clockSkew;

    @Option(names = "--explain",
            description = "Add X-Cfsign-Denial: <REASON> to denials (local debugging; CloudFront never says why).")
    boolean explain;

    @Option(names = "--no-verification-cache", description = "Verify every request (default: cache allowed"
            + " results until they expire).")
    boolean noVerificationCache;

    @Option(names = "--idle-timeout", paramLabel = "DURATION",
            description = "Close connections with no traffic for this long (30s, 500ms, 2m). Default: 30s.")
    String idleTimeout;

    @Option(names = "--header-timeout", paramLabel = "DURATION",
            description = "Close connections that start a request line or headers and do not finish them within this"
                    + " long (slow clients, slowloris). Default: 10s.")
    String headerTimeout;

    @Option(names = "--sign-manifests", description = "Rewrite HLS playlists and DASH MPDs fetched with a signed URL so"
            + " every URI the policy covers carries the same signature (what Lambda@Edge does for URL-signed streams).")
    boolean signManifests;

    @Option(names = "--cors", paramLabel = "ORIGIN", description = "Let a player on ORIGIN (https://player.example.com,"
            + " or * for any) read responses: CORS headers and preflights, as a CloudFront response-headers policy.")
    String cors;

    @Option(names = "--hide-missing-objects", description = "Answer a missing object 403 AccessDenied, as an S3 bucket"
            + " behind origin access control without s3:ListBucket does (default: 404 NoSuchKey).")
    boolean hideMissingObjects;

    @Option(names = "--quiet", description = "No access log on stdout.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (rootDir != null && origin != null) {
            throw new ParameterException(spec.commandLine(), "Give --root DIR or --origin URL, not both.");
        }
        return EdgeRunner.serve(edgeArguments(), root.context().env(), spec.commandLine().getOut(), quiet);
    }

    /** These options as {@code EdgeMain serve} flags; the config file first, as the edge reads it. */
    List<String> edgeArguments() {
        List<String> a = new ArrayList<>();
        if (config != null) {
            a.add("--config");
            a.add(config.toString());
        }
        if (rootDir != null) {
            a.add("--root");
            a.add(rootDir.toString());
        }
        add(a, "--origin", origin);
        for (String t : trust) {
            add(a, "--trust", t);
        }
        for (String p : protect) {
            add(a, "--protect", p);
        }
        for (String p : publicPaths) {
            add(a, "--public", p);
        }
        add(a, "--public-url", publicUrl);
        add(a, "--host", host);
        add(a, "--port", port == null ? null : port.toString());
        add(a, "--clock-skew", clockSkew);
        add(a, "--idle-timeout", idleTimeout);
        add(a, "--header-timeout", headerTimeout);
        if (explain) {
            a.add("--explain");
        }
        if (noVerificationCache) {
            a.add("--no-verification-cache");
        }
        if (signManifests) {
            a.add("--sign-manifests");
        }
        if (hideMissingObjects) {
            a.add("--hide-missing-objects");
        }
        add(a, "--cors", cors);
        return a;
    }

    private static void add(List<String> a, String flag, String value) {
        if (value != null) {
            a.add(flag);
            a.add(value);
        }
    }
}
