package dev.cfsign.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The clock a command uses: fixed by {@code --now} / {@code CFSIGN_NOW}, else the system's (UTC). */
final class Clocks {
    private Clocks() {}

    static Clock of(CfsignCommand root) {
        Instant fixed = root.fixedNow();
        return fixed == null ? Clock.systemUTC() : Clock.fixed(fixed, ZoneOffset.UTC);
    }
}
