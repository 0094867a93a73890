package dev.cfsign.edge;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Jetty writes the access log just after a response completes, so tests on real sockets wait for the line. */
final class Await {
    private Await() {}

    /** Waits until {@code condition} holds or {@code timeout} passes; the caller's assertion then reports either way. */
    static void until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
