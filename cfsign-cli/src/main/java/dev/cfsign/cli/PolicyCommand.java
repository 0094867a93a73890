package dev.cfsign.cli;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.Policy;
import dev.cfsign.keys.KeyType;
import dev.cfsign.keys.SigningKey;
import java.io.PrintWriter;
import java.time.Clock;
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
        description = {"Print the exact policy JSON that would be signed, byte for byte (no trailing newline),",
            "so it can be piped to openssl or compared. --pretty indents it for reading.",
            "Takes the same policy options as sign; needs no key."},
        sortOptions = false)
final class PolicyCommand implements Callable<Integer> {
    /** Placeholder ID for the throw-away signer; it never appears in a policy. */
    private static final String PREVIEW_KEY_PAIR_ID = "KPOLICYPREVIEW";

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

    @Option(names = "--pretty", description = "Indent the JSON for humans (it is then not the signed bytes).")
    boolean pretty;

    @Override
    public Integer call() {
        if (url == null && policy.policyResource == null) {
            throw new ParameterException(spec.commandLine(), "Missing URL: give the URL, or --policy-resource PATTERN.");
        }
        Context ctx = root.context();
        Clock clock = Clocks.of(root);
        Instant now = clock.instant();
        // The policy is taken from a real signing by a throw-away EC key, so it is exactly what `sign` and `cookies`
        // produce (same URL checks and normalisation) without the user's key. P-256 generation takes milliseconds.
        CloudFrontSigner preview = CloudFrontSigner.builder()
                .keyPairId(PREVIEW_KEY_PAIR_ID)
                .signingKey(SigningKey.generate(KeyType.EC_P256))
                .clock(clock)
                .build();
        Policy p;
        if (url == null) {
            p = preview.signCookies(policy.customPolicy(now)).policy();
        } else if (policy.isCustom()) {
            p = preview.signUrl(target.resolve(url, ctx), policy.customPolicy(now)).policy();
        } else {
            p = preview.signUrl(target.resolve(url, ctx), policy.expiresAt(now)).policy();
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
