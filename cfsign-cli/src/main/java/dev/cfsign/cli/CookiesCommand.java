package dev.cfsign.cli;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CookieAttributes;
import dev.cfsign.CustomPolicy;
import dev.cfsign.SignedCookie;
import dev.cfsign.SignedCookies;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cfsign cookies}: signed cookies for one URL (canned) or a wildcard resource (custom). */
@Command(name = "cookies", mixinStandardHelpOptions = true,
        description = {"Sign cookies and print their Set-Cookie values.",
            "One per line, or a JSON object with --format json.",
            "Canned: one exact URL. For many files, use --policy-resource 'https://cdn.example.com/videos/*'.",
            "The cookies must reach the CloudFront host: set --domain to a domain that covers it."},
        sortOptions = false)
final class CookiesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CfsignCommand root;

    @Parameters(paramLabel = "URL|OBJECT-KEY", arity = "0..1",
            description = "The URL for a canned policy; optional with --policy-resource.")
    String url;

    @Mixin
    PolicyOptions policy;

    @Mixin
    KeyOptions keys;

    @Mixin
    TargetOptions target;

    @Mixin
    EnvFileOption envFile;

    @Option(names = "--domain", paramLabel = "DOMAIN",
            description = "Cookie Domain (example.com covers cdn.example.com). Default: none (host-only).")
    String domain;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = "/", description = "Cookie Path. Default: /.")
    String path;

    @Option(names = "--same-site", paramLabel = "strict|lax|none", description = "Cookie SameSite attribute.")
    CookieAttributes.SameSite sameSite;

    @Option(names = "--max-age", paramLabel = "DURATION", converter = TimeSpec.DurationConverter.class,
            description = "Cookie Max-Age (30m, 12h, 20d). Default: none (session cookies).")
    Duration maxAge;

    @Option(names = "--no-secure", negatable = false, description = "Omit Secure (only for plain-http testing).")
    boolean noSecure;

    @Option(names = "--no-http-only", negatable = false, description = "Omit HttpOnly (lets page scripts read them).")
    boolean noHttpOnly;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text: Set-Cookie values, one per line; json: an object with the cookies and headers.")
    Format format;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (url == null && policy.policyResource == null) {
            throw new ParameterException(cl, "Missing URL: give the URL for a canned policy, or --policy-resource"
                    + " PATTERN for a custom one.");
        }
        CookieAttributes attributes;
        try {
            attributes = CookieAttributes.builder()
                    .domain(domain == null ? null : domain.toLowerCase(Locale.ROOT))
                    .path(path)
                    .sameSite(sameSite)
                    .maxAge(maxAge)
                    .secure(!noSecure)
                    .httpOnly(!noHttpOnly)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage());
        }
        Context ctx = envFile.apply(root.context());
        Clock clock = Clocks.of(root);
        CloudFrontSigner signer = keys.signer(ctx, clock);
        Instant now = clock.instant();
        SignedCookies cookies;
        if (policy.isCustom() || url == null) {
            CustomPolicy p = policy.customPolicy(now);
            if (p.resource().isEmpty()) {
                p = p.withResource(target.resolve(url, ctx));
            }
            cookies = signer.signCookies(p);
        } else {
            cookies = signer.signCookies(target.resolve(url, ctx), policy.expiresAt(now));
        }
        PrintWriter out = cl.getOut();
        if (format == Format.text) {
            cookies.toSetCookieHeaders(attributes).forEach(out::println);
        } else {
            Map<String, Object> values = new LinkedHashMap<>();
            for (SignedCookie c : cookies.cookies()) {
                values.put(c.name(), c.value());
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cookies", values);
            m.put("setCookie", cookies.toSetCookieHeaders(attributes));
            m.put("cookieHeader", cookies.toCookieHeader());
            m.put("policy", cookies.policy() instanceof CustomPolicy ? "custom" : "canned");
            m.put("resource", cookies.policy().resource().orElse(null));
            m.put("expires", cookies.expiresAt().getEpochSecond());
            m.put("expiresAt", cookies.expiresAt().toString());
            m.put("keyPairId", cookies.keyPairId());
            m.put("hashAlgorithm", cookies.hashAlgorithm().parameterValue());
            out.println(Json.write(m));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
