package dev.cfsign.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cfsign inspect}: what a signed URL or cookie says, WITHOUT verifying its signature. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what a signed URL (or --cookie header) says: policy type, key ID, hash, expiry (absolute",
            "and from now), start, IP range and the policy JSON. The signature is NOT verified: anyone can write",
            "these fields. The signature itself is never printed."},
        sortOptions = false)
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CfsignCommand root;

    @Parameters(paramLabel = "URL", arity = "0..1", description = "The signed URL (quote it: it contains &).")
    String url;

    @Option(names = "--cookie", paramLabel = "COOKIES",
            description = "A Cookie header value instead: 'CloudFront-Policy=…; CloudFront-Signature=…;"
                    + " CloudFront-Key-Pair-Id=…'.")
    String cookie;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "text or json.")
    Format format;

    @Override
    public Integer call() {
        if ((url == null) == (cookie == null)) {
            throw new ParameterException(spec.commandLine(), "Give a signed URL or --cookie 'CloudFront-…', one of them.");
        }
        SignedParts p = url != null ? SignedParts.fromUrl(url.strip()) : SignedParts.fromCookies(cookie);
        Instant now = Clocks.of(root).instant();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("verified", false);
            m.put("kind", p.kind().equals("signed URL") ? "url" : "cookies");
            m.put("policy", p.custom() ? "custom" : "canned");
            m.put("keyPairId", p.keyPairId());
            m.put("hashAlgorithm", p.hashAlgorithm().startsWith("SHA1 (") ? "SHA1" : p.hashAlgorithm());
            m.put("resource", p.policyResource());
            m.put("expires", p.expiresAt().getEpochSecond());
            m.put("expiresAt", p.expiresAt().toString());
            m.put("expired", !p.expiresAt().isAfter(now));
            m.put("activeFrom", p.activeFrom() == null ? null : p.activeFrom().toString());
            m.put("ipRange", p.ipRange());
            m.put("policyJson", p.policyJson());
            m.put("signatureBytes", p.signatureBytes());
            out.println(Json.write(m));
        } else {
            out.println("NOT VERIFIED: these fields are as written in the " + p.kind() + "; check it with the public key.");
            out.println("Policy:       " + (p.custom() ? "custom (Policy=)" : "canned (Expires=)"));
            out.println("Key-Pair-Id:  " + p.keyPairId());
            out.println("Hash:         " + p.hashAlgorithm());
            if (p.policyResource() != null) {
                out.println("Resource:     " + p.policyResource());
            }
            out.println("Expires:      " + p.expiresAt() + " (" + p.expiresAt().getEpochSecond() + ", "
                    + (p.expiresAt().isAfter(now) ? TimeSpec.relativeTo(p.expiresAt(), now)
                            : "EXPIRED " + TimeSpec.relativeTo(p.expiresAt(), now)) + ")");
            if (p.activeFrom() != null) {
                out.println("Active from:  " + p.activeFrom() + " (" + TimeSpec.relativeTo(p.activeFrom(), now) + ")");
            }
            if (p.ipRange() != null) {
                out.println("IP range:     " + p.ipRange());
            }
            out.println("Signature:    " + p.signatureBytes() + " bytes (not shown)");
            if (p.policyJson() != null) {
                out.println("Policy JSON:  " + p.policyJson());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
