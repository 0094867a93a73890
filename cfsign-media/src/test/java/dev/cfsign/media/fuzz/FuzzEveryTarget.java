package dev.cfsign.media.fuzz;

import dev.cfsign.fuzz.FuzzBudget;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Fuzzes each {@code @FuzzTest} of this module for {@code fuzz.seconds} with core's {@link FuzzBudget}. */
class FuzzEveryTarget {
    @TestFactory
    Stream<DynamicTest> fuzzEachTarget_findsNothing() {
        return FuzzBudget.everyTarget(FuzzEveryTarget.class);
    }
}
