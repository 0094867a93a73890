package dev.cfsign.cli;

import dev.cfsign.CloudFrontEnvironment;
import dev.cfsign.SignedRequestParts;
import dev.cfsign.SignedUrlDiagnosis;
import dev.cfsign.TrustedKeys;
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
            "Without any key (no --public-key, --trust or " + CloudFrontEnvironment.KEY_ID + "), it reports all it can"
                + " check without one and says the signature was not checked.",
            "Exit 0 when nothing is wrong (or, without a key, nothing found), 1 when a problem was found."},
        sortOptions = false)
final class ExplainCommand implements Callable<Integer> {
    /** Every way to give explain a key, in flags and variables. */
    static final String HOW_TO_GIVE_A_KEY = "--public-key FILE --key-pair-id ID, --trust ID=FILE, or set "
            + CloudFrontEnvironment.KEY_ID + " with " + CloudFrontEnvironment.PUBLIC_KEY + " (or "
            + CloudFrontEnvironment.PRIVATE_KEY + ") / --env-file FILE";
    static final String NOT_CHECKED = "signature not checked: no public key (give " + HOW_TO_GIVE_A_KEY + ")";

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
        if (expected == null && request.trust != null) {
            expected = claimedAmongTrusted(request.trusted(ctx));
        }
        if (expected == null && request.trust != null) {
            throw new ParameterException(spec.commandLine(), "Give the key you expect: --public-key FILE --key-pair-id"
                    + " ID, with --trust ID=FILE for the other keys of the key group.");
        }
        SignedUrlDiagnosis diagnosis = expected == null ? SignedUrlDiagnosis.withoutKeys(Clocks.of(root))
                : SignedUrlDiagnosis.builder()
                        .keyPairId(expected.getKey())
                        .publicKey(expected.getValue())
                        .otherKeys(request.trusted(ctx))
                        .clock(Clocks.of(root))
                        .build();
        SignedUrlDiagnosis.Finding f = diagnosis.diagnose(request.request());
        PrintWriter out = spec.commandLine().getOut();
        // Line by line: the resource view is two aligned lines with a caret under the first difference.
        out.println((f.isOk() ? "OK" : f.problem()) + ": " + Redact.lines(f.explanation()));
        if (!diagnosis.checksSignature()) {
            out.println(NOT_CHECKED);
        }
        out.flush();
        boolean fine = f.isOk() || f.problem() == SignedUrlDiagnosis.Problem.SIGNATURE_NOT_CHECKED;
        if (!fine) {
            spec.commandLine().getErr().println("cfsign: error: CloudFront would deny it: " + f.problem());
            spec.commandLine().getErr().flush();
        }
        return fine ? ExitCodes.OK : ExitCodes.INVALID;
    }

    /** With only {@code --trust}: the trusted key under the ID the request claims (from the one reading), if any. */
    private Map.Entry<String, VerificationKey> claimedAmongTrusted(TrustedKeys trusted) {
        return SignedRequestParts.parseUnverified(request.request()).keyPairId()
                .flatMap(id -> trusted.find(id).map(key -> Map.entry(id, key)))
                .orElse(null);
    }
}
