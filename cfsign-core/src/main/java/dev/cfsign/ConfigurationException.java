package dev.cfsign;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration (for example the {@code AWS_CLOUDFRONT_*} environment) is incomplete or wrong.
 * {@link #problems()} lists every variable at fault and why, so one run shows everything to fix.
 *
 * @since 0.1
 */
public final class ConfigurationException extends CloudFrontSigningException {
    private static final long serialVersionUID = 1L;

    /** Why configuration was refused. */
    public enum Reason {
        /** One or more settings are missing or invalid; see {@link #problems()}. */
        INVALID_CONFIGURATION
    }

    /**
     * One variable and what is wrong with it. Never contains the variable's value when it may be secret. With a
     * {@code remedy} (may be null), {@code message} is the problem alone and {@link #toString()} adds the remedy's
     * library wording.
     */
    public record Problem(String variable, String message, Remedy remedy) {
        /** A problem without a remedy: {@code message} says everything. */
        public Problem(String variable, String message) {
            this(variable, message, null);
        }

        /** The problem {@code e} found in {@code variable}, keeping its remedy. */
        public static Problem of(String variable, CloudFrontSigningException e) {
            return new Problem(variable, e.problem(), e.remedy().orElse(null));
        }

        @Override
        public String toString() {
            return variable + ": " + message + (remedy == null ? "" : " " + remedy.advice());
        }
    }

    private final List<Problem> problems;

    public ConfigurationException(List<Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    private static String format(List<Problem> problems) {
        return "CloudFront configuration has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public Reason reason() {
        return Reason.INVALID_CONFIGURATION;
    }
}
