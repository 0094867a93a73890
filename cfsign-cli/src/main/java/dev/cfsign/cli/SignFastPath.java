package dev.cfsign.cli;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.HashAlgorithm;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commonest run, {@code cfsign sign URL…}, without picocli, whose start-up (reflection over every option
 * annotation) cost more than the signature itself (BENCHMARKS.md, "CLI start-up").
 *
 * <p>It accepts only the plain form: URLs or object keys with {@code --private-key FILE} (or the
 * {@code AWS_CLOUDFRONT_*} environment), {@code --key-pair-id}, {@code --expires}, {@code --hash} and
 * {@code --base-url}. For anything else, and whenever anything fails, it returns {@code null} having printed nothing,
 * and {@link CfsignCommand#main} runs the full command, which parses and reports exactly as always. The work itself is
 * the full command's: the same {@link KeyOptions}, {@link TargetOptions}, {@link TimeSpec} and
 * {@link SignCommand.Signing}; {@code SignFastPathTest} checks both paths print the same bytes.
 */
final class SignFastPath {
    private SignFastPath() {}

    /** The options it takes, each at most once; all take a value. */
    private static final Set<String> OPTIONS =
            Set.of("--private-key", "--key-pair-id", "--expires", "--hash", "--base-url");

    /** The text {@code cfsign sign} prints for {@code args}, or {@code null} when the full command must run. */
    static String run(Context ctx, Clock clock, String... args) {
        if (args.length < 2 || !args[0].equals("sign") || ctx.env().containsKey(CfsignCommand.NOW_ENV)) {
            return null;
        }
        Map<String, String> options = new HashMap<>();
        List<String> urls = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-")) {
                if (a.startsWith("@")) {
                    return null; // picocli reads @FILE as more arguments
                }
                urls.add(a);
                continue;
            }
            String name = a;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (value.isEmpty() || value.startsWith("-")) {
                return null; // stdin (-), option-like values and their errors are the full command's
            }
            if (!OPTIONS.contains(name) || options.putIfAbsent(name, value) != null) {
                return null; // another option, or one given twice (the full command refuses that)
            }
        }
        if (urls.isEmpty()) {
            return null;
        }
        KeyOptions keys = new KeyOptions();
        keys.privateKey = options.get("--private-key");
        keys.keyPairId = options.get("--key-pair-id");
        TargetOptions target = new TargetOptions();
        target.baseUrl = options.get("--base-url");
        try {
            keys.hash = HashAlgorithm.fromName(options.getOrDefault("--hash", KeyOptions.DEFAULT_HASH));
            Instant expiresAt = TimeSpec.parse(options.getOrDefault("--expires", PolicyOptions.DEFAULT_EXPIRES))
                    .resolve(clock.instant());
            CloudFrontSigner signer = keys.signer(ctx, clock, false);
            SignCommand.Signing signing = new SignCommand.Signing(signer, null, expiresAt, Format.text, target, ctx);
            StringBuilder out = new StringBuilder();
            for (String url : urls) {
                out.append(signing.sign(url)).append('\n');
            }
            return out.toString();
        } catch (RuntimeException e) {
            return null; // the full command reports it, with its exit code
        }
    }
}
