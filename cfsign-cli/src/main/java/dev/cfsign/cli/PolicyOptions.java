package dev.cfsign.cli;

import dev.cfsign.CustomPolicy;
import dev.cfsign.IpRange;
import dev.cfsign.SigningException;
import java.time.Instant;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Policy options shared by {@code sign}, {@code cookies} and {@code policy}. A canned policy is used unless
 * {@code --custom}, {@code --starts}, {@code --ip} or {@code --policy-resource} asks for a custom one.
 */
final class PolicyOptions {
    static final String DEFAULT_EXPIRES = "20d";

    @Option(names = "--expires", paramLabel = "TIME", defaultValue = DEFAULT_EXPIRES, converter = TimeSpec.Converter.class,
            description = "When access ends: a duration from now (20d, 12h, 30m, 45s, 1h30m), an ISO-8601 instant"
                    + " (2026-01-01T18:00:00Z) or epoch seconds. Default: ${DEFAULT-VALUE}.")
    TimeSpec expires;

    @Option(names = "--starts", paramLabel = "TIME", converter = TimeSpec.Converter.class,
            description = "When access begins (custom policy, DateGreaterThan); same forms as --expires, and -5m for"
                    + " five minutes ago (tolerates clock drift).")
    TimeSpec starts;

    @Option(names = "--ip", paramLabel = "CIDR", converter = IpConverter.class,
            description = "Only this IPv4 address or range may use it (custom policy): 203.0.113.7 or 203.0.113.0/24.")
    IpRange ip;

    @Option(names = "--policy-resource", paramLabel = "PATTERN",
            description = "The resource the policy grants, with * and ? wildcards (custom policy):"
                    + " https://cdn.example.com/videos/*. Default: the URL itself.")
    String policyResource;

    @Option(names = "--custom", description = "Use a custom policy (Policy=) even without the options above.")
    boolean custom;

    boolean isCustom() {
        return custom || starts != null || ip != null || policyResource != null;
    }

    Instant expiresAt(Instant now) {
        return expires.resolve(now);
    }

    /** The custom policy; its resource is {@code --policy-resource}, or empty so the signer uses the URL. */
    CustomPolicy customPolicy(Instant now) {
        return CustomPolicy.builder()
                .resource(policyResource)
                .expiresAt(expires.resolve(now))
                .activeFrom(starts == null ? null : starts.resolve(now))
                .ipRange(ip)
                .build();
    }

    static final class IpConverter implements CommandLine.ITypeConverter<IpRange> {
        @Override
        public IpRange convert(String value) {
            try {
                return IpRange.parse(value);
            } catch (SigningException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
