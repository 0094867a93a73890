package dev.cfsign.cli;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CustomPolicy;
import dev.cfsign.SignedUrl;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cfsign sign}: signed URLs, one per argument or one per input line (bulk). */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Sign URLs (or S3 object keys) and print one signed URL per line.",
            "A canned policy is used unless --starts, --ip, --policy-resource or --custom asks for a custom one.",
            "An argument without https:// is an S3 object key, put on --base-url or the AWS_CLOUDFRONT_* domain.",
            "Bulk: --input FILE (or -) reads one URL or key per line (blank lines and # comments are skipped) and"
                + " signs on all cores, in order."},
        sortOptions = false)
final class SignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CfsignCommand root;

    @Parameters(paramLabel = "URL|OBJECT-KEY", arity = "0..*", description = "URLs (https://…) or S3 object keys.")
    List<String> targets;

    @Mixin
    PolicyOptions policy;

    @Mixin
    KeyOptions keys;

    @Mixin
    TargetOptions target;

    @Mixin
    EnvFileOption envFile;

    @Option(names = "--input", paramLabel = "FILE", description = "Read one URL or object key per line; - for stdin.")
    String input;

    @Mixin
    OutputFileOptions output;

    @Option(names = "--keep-going", description = "Bulk: report a bad line on stderr, skip it and go on (exit 1 at the"
            + " end); without it the first bad line stops the run.")
    boolean keepGoing;

    @Option(names = "--threads", paramLabel = "N", description = "Bulk: signing threads. Default: all cores.")
    Integer threads;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text: one signed URL per line; json: one JSON object per line (url, expires, policy type,"
                    + " key pair ID, hash).")
    Format format;

    @Override
    public Integer call() throws IOException {
        boolean hasArgs = targets != null && !targets.isEmpty();
        if (hasArgs && input != null) {
            throw new ParameterException(spec.commandLine(), "Give URLs as arguments or --input FILE, not both.");
        }
        if (!hasArgs && input == null) {
            throw new ParameterException(spec.commandLine(), "Missing URL: give one or more URLs or object keys,"
                    + " or --input FILE (- for stdin).");
        }
        if ("-".equals(input) && keys.readsStdin()) {
            throw new ParameterException(spec.commandLine(), "Standard input cannot hold both the key"
                    + " (--private-key -) and the URLs (--input -): put one of them in a file.");
        }
        if (threads != null && (threads < 1 || threads > 256)) {
            throw new ParameterException(spec.commandLine(), "--threads must be between 1 and 256.");
        }
        Context ctx = envFile.apply(root.context());
        Clock clock = Clocks.of(root);
        CloudFrontSigner signer = keys.signer(ctx, clock, input != null);
        Instant now = clock.instant();
        Signing signing = new Signing(signer, policy.isCustom() ? policy.customPolicy(now) : null,
                policy.expiresAt(now), format, target, ctx);

        return output.write(spec.commandLine().getOut(), out -> run(signing, hasArgs, out, ctx),
                code -> code == ExitCodes.OK || keepGoing);
    }

    private int run(Signing signing, boolean hasArgs, Writer out, Context ctx) throws IOException {
        if (hasArgs) {
            for (String t : targets) {
                out.write(signing.sign(t));
                out.write('\n');
            }
            return ExitCodes.OK;
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        BulkSigner bulk = new BulkSigner(signing::sign, n, keepGoing, spec.commandLine().getErr(), ctx.interactive());
        return bulk.run(input, ctx.stdin(), out);
    }

    /** Signs one argument or line; thread-safe (the signer is, and the rest is immutable). */
    record Signing(CloudFrontSigner signer, CustomPolicy custom, Instant expiresAt, Format format,
                   TargetOptions target, Context ctx) {
        String sign(String arg) {
            String url = target.resolve(arg, ctx);
            SignedUrl s = custom != null ? signer.signUrl(url, custom) : signer.signUrl(url, expiresAt);
            if (format == Format.text) {
                return s.url();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", s.url());
            m.put("resource", s.unsignedUrl());
            m.put("policy", s.isCustomPolicy() ? "custom" : "canned");
            m.put("expires", s.expiresAt().getEpochSecond());
            m.put("expiresAt", s.expiresAt().toString());
            m.put("keyPairId", s.keyPairId());
            m.put("hashAlgorithm", s.hashAlgorithm().parameterValue());
            return Json.write(m);
        }
    }
}
