package dev.cfsign.fuzz;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes each of this module's {@code @FuzzTest} targets for {@code fuzz.seconds} (see {@link FuzzBudget}). Run by
 * the {@code fuzz} failsafe execution only: the name matches neither surefire's nor failsafe's default includes.
 */
class FuzzEveryTarget {
    @TestFactory
    Stream<DynamicTest> fuzzEachTarget_findsNothing() {
        return FuzzBudget.everyTarget(FuzzEveryTarget.class);
    }
}
