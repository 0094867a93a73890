package dev.cfsign.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cfsign serve}: a local CloudFront edge (module {@code cfsign-edge}). {@link ServeOptions} fills the edge's
 * configuration builder directly. No edge or Jetty class is loaded unless this command runs: everything that touches
 * them is in {@link EdgeRunner}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run a local CloudFront edge that enforces signed URLs and cookies.",
            "It serves a folder (--root) or proxies an origin (--origin), and denies with CloudFront's answers (403"
                + " and its XML error body).",
            "The first line on stdout is the listening URL; then the trusted key IDs, the crypto provider, the origin"
                + " and the behaviors; then one access-log line per request. Stop it with Ctrl+C (or SIGTERM)."},
        sortOptions = false)
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CfsignCommand root;

    @Mixin
    ServeOptions options;

    @Mixin
    EnvFileOption envFile;

    @Option(names = "--quiet", description = "No access log on stdout.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        return EdgeRunner.serve(options, envFile.apply(root.context()).env(), spec.commandLine().getOut(), quiet);
    }
}
