package dev.cfsign.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cfsign demo}: the edge module's demo ({@code dev.cfsign.edge.Demo}), through {@link EdgeRunner}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"See a CloudFront edge at work, with no setup.",
            "A throw-away ECDSA key, a temporary folder and a local edge on a free port; then a signed URL (200), a"
                + " tampered one, an expired one, one without its key pair ID (403 with CloudFront's codes) and signed"
                + " cookies for a folder (200). Takes about a second; the temporary folder is removed afterwards, also"
                + " after Ctrl+C.",
            "Exit 0 when every answer was CloudFront's, 1 otherwise."},
        sortOptions = false)
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--keep-running", description = "Keep the edge serving afterwards, until Ctrl+C (or SIGTERM).")
    boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        return EdgeRunner.demo(spec.commandLine().getOut(), keepRunning);
    }
}
