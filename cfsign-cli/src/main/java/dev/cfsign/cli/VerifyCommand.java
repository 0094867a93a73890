package dev.cfsign.cli;

import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.TrustedKeys;
import dev.cfsign.VerificationResult;
import dev.cfsign.VerifiedRequest;
import dev.cfsign.keys.VerificationKey;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cfsign verify}: would CloudFront allow this request? Exit 0 when allowed, 1 when denied. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a signed URL (or --cookie) exactly as CloudFront would, with the public keys you trust.",
            "Exit 0 when allowed; 1 when denied, with CloudFront's error code and the precise reason."},
        sortOptions = false)
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CfsignCommand root;

    @Mixin
    TrustOptions request;

    @Mixin
    EnvFileOption envFile;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "text or json.")
    Format format;

    @Override
    public Integer call() {
        TrustedKeys trusted = request.trusted(envFile.apply(root.context()));
        CloudFrontVerifier verifier = CloudFrontVerifier.builder()
                .trust(trusted)
                .provider(Providers.forFewSignatures(trusted.asMap().values().stream()
                        .map(VerificationKey::keyType).toList()))
                .clock(Clocks.of(root))
                .build();
        VerificationResult result = verifier.check(request.request());
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("allowed", result.isAllowed());
        if (result.isAllowed()) {
            VerifiedRequest v = result.verifiedRequest().orElseThrow();
            m.put("keyPairId", v.keyPairId());
            m.put("source", v.source().name().toLowerCase());
            m.put("policy", v.isCannedPolicy() ? "canned" : "custom");
            m.put("hashAlgorithm", v.hashAlgorithm().parameterValue());
            m.put("expiresAt", v.expiresAt().toString());
        } else {
            m.put("cloudFrontError", result.cloudFrontError().orElseThrow().code());
            m.put("reason", result.denialReason().orElseThrow().name());
            m.put("message", Redact.oneLine(result.message()));
        }
        if (format == Format.json) {
            out.println(Json.write(m));
        } else if (result.isAllowed()) {
            out.println("ALLOWED: signed by " + m.get("keyPairId") + " (" + m.get("policy") + " policy, "
                    + m.get("hashAlgorithm") + ", " + m.get("source") + "), valid until " + m.get("expiresAt"));
        } else {
            out.println("DENIED: CloudFront answers " + m.get("cloudFrontError") + " (" + m.get("reason") + "): "
                    + m.get("message"));
        }
        out.flush();
        if (!result.isAllowed()) {
            // The verdict is on stdout; stderr gets the usual one line so `>/dev/null` still shows why.
            spec.commandLine().getErr().println("cfsign: error: denied: " + m.get("cloudFrontError") + " ("
                    + m.get("reason") + ")");
            spec.commandLine().getErr().flush();
        }
        return result.isAllowed() ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
