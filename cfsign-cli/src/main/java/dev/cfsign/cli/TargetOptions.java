package dev.cfsign.cli;

import dev.cfsign.CloudFrontEnvironment;
import dev.cfsign.ObjectUrl;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * How a command-line argument becomes the URL to sign: with a scheme ({@code https://…}) it is used exactly as
 * given; without one it is an S3 object key, resolved with {@link ObjectUrl} against {@code --base-url}, else
 * {@code AWS_CLOUDFRONT_CUSTOM_DOMAIN}, else {@code AWS_CLOUDFRONT_DOMAIN} (the library's order).
 */
final class TargetOptions {
    private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Domain that object keys are resolved against (cdn.example.com or https://cdn.example.com/"
                    + "prefix). Default: $AWS_CLOUDFRONT_CUSTOM_DOMAIN, else $AWS_CLOUDFRONT_DOMAIN.")
    String baseUrl;

    private String resolvedBase;

    static boolean hasScheme(String arg) {
        return HAS_SCHEME.matcher(arg).matches();
    }

    /**
     * A first segment shaped like a host: two dots or more (cdn.example.com), or one dot and a common top-level
     * domain (example.com). Object keys rarely start so; a leading {@code /} keeps one that does.
     */
    private static final Pattern HOST_FIRST = Pattern.compile("(?i)(localhost|([a-z0-9-]+\\.){2,}[a-z]{2,24}"
            + "|[a-z0-9-]+\\.(com|net|org|io|dev|app|co|info|biz|cloud|edu|gov|tv|me))(:\\d+)?(/.*)?",
            Pattern.DOTALL);

    /** The URL for {@code arg}; object keys need a base URL, else a configuration error (exit 3). */
    String resolve(String arg, Context ctx) {
        if (hasScheme(arg)) {
            return arg;
        }
        if (HOST_FIRST.matcher(arg).matches()) {
            String host = Redact.oneLine(arg.contains("/") ? arg.substring(0, arg.indexOf('/')) : arg);
            throw CliException.invalid("'" + host + "' looks like a host name, so '" + host + "/…'"
                    + " is a URL without its scheme, not an S3 object key: give the whole URL, https://" + host
                    + "/…, or put a leading / before an object key whose first folder is named like a host.");
        }
        return ObjectUrl.of(base(ctx), arg);
    }

    /** The configured base URL, normalised; cached, and checked once (by core's one reader of the variables). */
    synchronized String base(Context ctx) {
        if (resolvedBase == null) {
            resolvedBase = baseUrl != null ? CloudFrontEnvironment.baseUrlOf("--base-url", baseUrl)
                    : CloudFrontEnvironment.baseUrlFrom(ctx.env()).orElseThrow(() -> CliException.config("An argument"
                    + " without https:// is read as an S3 object key, but no domain is configured to put it on: pass"
                    + " --base-url https://cdn.example.com, or set " + CloudFrontEnvironment.CUSTOM_DOMAIN + " or "
                    + CloudFrontEnvironment.DOMAIN + " (d111111abcdef8.cloudfront.net)."));
        }
        return resolvedBase;
    }
}
