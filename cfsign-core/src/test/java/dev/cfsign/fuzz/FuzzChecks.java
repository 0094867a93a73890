package dev.cfsign.fuzz;

import dev.cfsign.CloudFrontSigningException;
import java.nio.charset.StandardCharsets;

/**
 * The property every fuzz target shares: the only exceptions that may escape cfsign are its own typed ones, each
 * with a reason and a message. Anything else (a {@code StringIndexOutOfBoundsException}, an {@code ArithmeticException},
 * a JCA exception...) is left to propagate, which Jazzer reports as a finding.
 */
final class FuzzChecks {
    private FuzzChecks() {}

    /**
     * How long one fuzzing run of one target lasts when nothing else says so (with JAZZER_FUZZ=1 from an IDE; without
     * it, targets only replay their saved inputs). `mvn verify` and scripts/fuzz set their own budget through
     * {@link FuzzBudget}, which overrides this one.
     */
    static final String MAX_DURATION = "30s";

    /** Runs {@code call}; a {@link CloudFrontSigningException} is accepted after checking it is well-formed. */
    static <T> T typedOnly(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CloudFrontSigningException e) {
            wellFormed(e);
            return null;
        }
    }

    static void wellFormed(CloudFrontSigningException e) {
        if (e.reason() == null) {
            throw new AssertionError("a typed exception without a reason", e);
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("a typed exception without a message", e);
        }
    }

    /** Fuzz bytes as text. UTF-8 keeps the saved inputs readable; malformed bytes become U+FFFD. */
    static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
