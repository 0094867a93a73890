package dev.cfsign.spring;

import dev.cfsign.ConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a cfsign {@link ConfigurationException} at start-up into one report listing every property or variable at
 * fault. The exception's messages never contain key material, so neither does the report.
 */
final class CfsignFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
        StringBuilder description = new StringBuilder("The cfsign configuration has ")
                .append(cause.problems().size()).append(cause.problems().size() == 1 ? " problem:" : " problems:");
        cause.problems().forEach(p -> description.append("\n  - ").append(p));
        String action = "Fix the settings listed above. Set cfsign.key-pair-id and cfsign.private-key (a file: or"
                + " classpath: location, or the PEM text), or leave every cfsign key setting out and set the"
                + " AWS_CLOUDFRONT_* variables instead; trusted public keys go in cfsign.trust.<key pair ID>.";
        return new FailureAnalysis(description.toString(), action, cause);
    }
}
