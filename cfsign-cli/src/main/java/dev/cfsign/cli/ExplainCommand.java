package dev.cfsign.cli;

import dev.cfsign.CloudFrontEnvironment;
import dev.cfsign.SignedUrlDiagnosis;
import dev.cfsign.keys.VerificationKey;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cfsign explain}: why a signed URL or cookie fails, in words, with the fix. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain why CloudFront would deny a signed URL (or --cookie), and how to fix it.",
            "It recognises a wrong key ID, standard base64, milliseconds, a URL encoded differently from what was"
                + " signed, a mismatched key and more.",
            "Exit 0 when nothing is wrong, 1 when a problem was found."},
        sortOptions = false)
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CfsignCommand root;

    @Mixin
    TrustOptions request;

    @Mixin
    EnvFileOption envFile;

    @Override
    public Integer call() {
        Context ctx = envFile.apply(root.context());
        Map.Entry<String, VerificationKey> expected = request.expected(ctx);
        if (expected == null) {
            throw new ParameterException(spec.commandLine(), "Give the key you expect: --public-key FILE --key-pair-id"
                    + " ID (and --trust ID=FILE for the other keys of the key group), or set "
                    + CloudFrontEnvironment.KEY_ID + " with " + CloudFrontEnvironment.PUBLIC_KEY + " (or pass"
                    + " --env-file FILE).");
        }
        SignedUrlDiagnosis diagnosis = SignedUrlDiagnosis.builder()
                .keyPairId(expected.getKey())
                .publicKey(expected.getValue())
                .otherKeys(request.trusted(ctx))
                .clock(Clocks.of(root))
                .build();
        SignedUrlDiagnosis.Finding f = diagnosis.diagnose(request.request());
        PrintWriter out = spec.commandLine().getOut();
        // Line by line: the resource view is two aligned lines with a caret under the first difference.
        out.println((f.isOk() ? "OK" : f.problem()) + ": " + Redact.lines(f.explanation()));
        out.flush();
        if (!f.isOk()) {
            spec.commandLine().getErr().println("cfsign: error: CloudFront would deny it: " + f.problem());
            spec.commandLine().getErr().flush();
        }
        return f.isOk() ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
