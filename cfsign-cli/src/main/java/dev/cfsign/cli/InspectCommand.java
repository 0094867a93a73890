package dev.cfsign.cli;

import dev.cfsign.CredentialSource;
import dev.cfsign.HashAlgorithm;
import dev.cfsign.SignedRequestParts;
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

/**
 * {@code cfsign inspect}: what a signed URL or cookie says, WITHOUT verifying its signature. The reading is core's
 * {@link SignedRequestParts#parseUnverified(String)}, so inspect, verify and the edge all read a request the same way.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what a signed URL (or --cookie header) says, without verifying it.",
            "Policy type, key ID, hash, expiry (absolute and from now), start, IP range and the policy JSON. The"
                + " signature is NOT verified: anyone can write these fields. The signature itself is never printed."},
        sortOptions = false)
final class InspectCommand implements Callable<Integer> {
    /** Stands in for the request URL when --cookie comes without one; nothing derived from it is shown. */
    private static final String NO_URL = "https://no-url.invalid/";

    @Spec
    CommandSpec spec;

    @ParentCommand
    CfsignCommand root;

    @Parameters(paramLabel = "URL", arity = "0..1",
            description = {"The signed URL (quote it: it contains &).",
                "With --cookie: the URL the cookies are sent to (optional; canned cookies need it to show their"
                    + " resource and policy)."})
    String url;

    @Option(names = "--cookie", paramLabel = "COOKIES",
            description = "A Cookie header value instead: 'CloudFront-Policy=…; CloudFront-Signature=…;"
                    + " CloudFront-Key-Pair-Id=…'.")
    String cookie;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "text or json.")
    Format format;

    @Override
    public Integer call() {
        if (url == null && cookie == null) {
            throw new ParameterException(spec.commandLine(), "Give a signed URL, or --cookie 'CloudFront-…' (and"
                    + " optionally the URL the cookies are for).");
        }
        boolean cookies = cookie != null;
        boolean haveUrl = url != null;
        String requestUrl = haveUrl ? url.strip() : NO_URL;
        SignedRequestParts p;
        try {
            p = cookies ? SignedRequestParts.parseUnverifiedCookies(requestUrl, cookie)
                    : SignedRequestParts.parseUnverified(requestUrl);
        } catch (IllegalArgumentException e) {
            throw CliException.invalid("The URL cannot be read: " + e.getMessage() + ".");
        }
        if (cookies && p.source() == CredentialSource.URL) {
            throw new ParameterException(spec.commandLine(), "With --cookie, give the URL the cookies are for without"
                    + " signing parameters; to inspect a signed URL, leave out --cookie.");
        }
        String kind = cookies ? "signed cookies" : "signed URL";
        check(p, kind);
        // A canned policy's resource and JSON are rebuilt from the request URL: without one there is nothing to show.
        boolean showCanned = !p.isCannedPolicy() || haveUrl;
        String resource = showCanned ? p.resource().orElse(null) : null;
        String policyJson = showCanned ? p.policyJson().orElse(null) : null;
        Instant expiresAt = p.expiresAt().orElseThrow();
        String keyPairId = p.keyPairId().orElseThrow();
        Instant activeFrom = p.activeFrom().orElse(null);
        String ipRange = p.ipRange().orElse(null);
        String hash = p.hashAlgorithm().map(HashAlgorithm::parameterValue).orElse(null);

        Instant now = Clocks.of(root).instant();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("verified", false);
            m.put("kind", cookies ? "cookies" : "url");
            m.put("policy", p.isCannedPolicy() ? "canned" : "custom");
            m.put("keyPairId", keyPairId);
            m.put("hashAlgorithm", hash != null ? hash : p.hashAlgorithmParameter().orElse(null));
            m.put("resource", resource);
            m.put("expires", expiresAt.getEpochSecond());
            m.put("expiresAt", expiresAt.toString());
            m.put("expired", !expiresAt.isAfter(now));
            m.put("activeFrom", activeFrom == null ? null : activeFrom.toString());
            m.put("ipRange", ipRange);
            m.put("policyJson", policyJson);
            m.put("signaturePresent", true);
            out.println(Json.write(m));
        } else {
            out.println("NOT VERIFIED: these fields are as written in the " + kind + "; check it with the public key.");
            out.println("Policy:       " + (p.isCannedPolicy() ? "canned (Expires=)" : "custom (Policy=)"));
            out.println("Key-Pair-Id:  " + keyPairId);
            out.println("Hash:         " + (p.hashAlgorithmParameter().isEmpty() ? "SHA1 (default, no Hash-Algorithm)"
                    : hash != null ? hash : "unknown '" + p.hashAlgorithmParameter().get() + "' (CloudFront takes SHA1"
                            + " or SHA256)"));
            if (resource != null) {
                out.println("Resource:     " + resource);
            } else if (p.isCannedPolicy()) {
                out.println("Resource:     (canned cookies carry no URL: give it after --cookie to see it)");
            }
            out.println("Expires:      " + expiresAt + " (" + expiresAt.getEpochSecond() + ", "
                    + (expiresAt.isAfter(now) ? TimeSpec.relativeTo(expiresAt, now)
                            : "EXPIRED " + TimeSpec.relativeTo(expiresAt, now)) + ")");
            if (activeFrom != null) {
                out.println("Active from:  " + activeFrom + " (" + TimeSpec.relativeTo(activeFrom, now) + ")");
            }
            if (ipRange != null) {
                out.println("IP range:     " + ipRange);
            }
            out.println("Signature:    present (not shown)");
            if (policyJson != null) {
                out.println("Policy JSON:  " + policyJson);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Refuses what is not a readable CloudFront signed request (exit 1), in core's words where it has them. */
    private static void check(SignedRequestParts p, String kind) {
        if (!p.hasCredentials()) {
            throw CliException.invalid(kind.equals("signed URL")
                    ? "The URL is not signed: it has no Expires/Policy, Signature or Key-Pair-Id parameter."
                    : "No CloudFront-* cookie found: this is not a CloudFront cookie header.");
        }
        if (p.policyProblem().isPresent()) {
            String problem = p.policyProblem().get();
            throw CliException.invalid("The " + kind + " cannot be read: " + problem
                    + (p.isCannedPolicy() ? " (CloudFront wants epoch seconds, not milliseconds)." : "."));
        }
        if (p.policyJson().isEmpty()) {
            throw CliException.invalid("Neither Expires (canned) nor Policy (custom) is present: this is not a"
                    + " CloudFront " + kind + ".");
        }
        if (!p.signaturePresent()) {
            throw CliException.invalid("The Signature is missing.");
        }
        if (p.keyPairId().filter(id -> !id.isEmpty()).isEmpty()) {
            throw CliException.invalid("The Key-Pair-Id is missing.");
        }
        if (p.expiresAt().isEmpty()) {
            throw CliException.invalid("The policy has no DateLessThan AWS:EpochTime (integer seconds).");
        }
    }
}
