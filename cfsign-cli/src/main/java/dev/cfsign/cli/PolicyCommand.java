package dev.cfsign.cli;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CustomPolicy;
import dev.cfsign.Policy;
import dev.cfsign.Remedy;
import dev.cfsign.SigningException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cfsign policy}: the exact policy JSON that {@code sign} (or {@code cookies}) would sign. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Print the exact policy JSON that would be signed, byte for byte.",
            "No trailing newline, so it can be piped to openssl or compared; --pretty indents it for reading.",
            "Takes the same policy options as sign; needs no key."},
        sortOptions = false)
final class PolicyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CfsignCommand root;

    @Parameters(paramLabel = "URL|OBJECT-KEY", arity = "0..1",
            description = "The URL (or object key); optional with --policy-resource.")
    String url;

    @Mixin
    PolicyOptions policy;

    @Mixin
    TargetOptions target;

    @Mixin
    EnvFileOption envFile;

    @Option(names = "--pretty", description = "Indent the JSON for humans (it is then not the signed bytes).")
    boolean pretty;

    @Override
    public Integer call() {
        if (url == null && policy.policyResource == null) {
            throw new ParameterException(spec.commandLine(), "Missing URL: give the URL, or --policy-resource PATTERN.");
        }
        Context ctx = envFile.apply(root.context());
        Instant now = Clocks.of(root).instant();
        // Built the way CloudFrontSigner builds it, with no key: canonicalUrl applies signUrl's URL checks and
        // normalisation, so the bytes are exactly what `sign` and `cookies` sign.
        String canonical = url == null ? null : CloudFrontSigner.canonicalUrl(target.resolve(url, ctx));
        Policy p;
        if (policy.isCustom()) {
            CustomPolicy c = policy.customPolicy(now);
            p = c.resource().isPresent() ? c : c.withResource(canonical);
        } else {
            if (CloudFrontSigner.hasPathWildcard(canonical)) {
                throw new SigningException(SigningException.Reason.WILDCARD_IN_CANNED_POLICY, "A canned policy grants"
                        + " one exact URL, so its path cannot hold the wildcard '*'.",
                        Remedy.USE_CUSTOM_POLICY_FOR_WILDCARD);
            }
            p = Policy.canned(canonical, policy.expiresAt(now));
        }
        // sign and cookies refuse a policy that is already expired; so does its preview.
        if (!p.expiresAt().isAfter(now)) {
            throw new SigningException(SigningException.Reason.EXPIRATION_NOT_IN_FUTURE, "The expiration "
                    + p.expiresAt() + " is not after the current time " + now + ": the link would be denied at once."
                    + " Give a later --expires (epochs are seconds, not milliseconds).");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (pretty) {
            out.println(Json.pretty(p.toJson()));
        } else {
            out.print(p.toJson());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
