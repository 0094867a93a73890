package dev.cfsign.edge;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection that has started a request head (request line and headers) and not finished it within the
 * header timeout. Jetty's idle timeout restarts on every byte, so a client trickling a head one byte every few seconds
 * (slowloris) would otherwise hold its connection forever; a client that sends nothing is the idle timeout's job.
 *
 * <p>Works from public connection counters only, sampled every quarter of the timeout (so the close comes between the
 * timeout and a quarter more after the first byte): a head is "started" when bytes
 * arrived since the last request head completed while no request is in progress (requests in equal responses out).
 * A request being handled (its body still arriving, for a proxied upload) is never cut by this.
 */
final class HeaderTimeout implements Connection.Listener {
    private final Scheduler scheduler;
    private final long timeoutNanos;
    private final long periodNanos;
    private final AtomicLong closed = new AtomicLong();

    HeaderTimeout(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeoutNanos = timeout.toNanos();
        this.periodNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), timeoutNanos / 4);
    }

    /** Connections closed for an unfinished request head so far. */
    long closedConnections() {
        return closed.get();
    }

    @Override
    public void onOpened(Connection connection) {
        new Watch(connection).schedule();
    }

    /** One connection's sampler; runs on the scheduler thread only, re-arming itself until the connection closes. */
    private final class Watch implements Runnable {
        private final Connection connection;
        private long requests;
        private long bytesAtLastHead;
        private long startedAt = -1;

        Watch(Connection connection) {
            this.connection = connection;
        }

        void schedule() {
            scheduler.schedule(this, periodNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            long in = connection.getMessagesIn();
            long bytes = connection.getBytesIn();
            if (in != requests || in > connection.getMessagesOut()) {
                // A head completed since the last sample, or a request is in progress: nothing is pending.
                requests = in;
                bytesAtLastHead = bytes;
                startedAt = -1;
            } else if (bytes > bytesAtLastHead) {
                long now = System.nanoTime();
                if (startedAt < 0) {
                    startedAt = now; // the first byte came within the last period: close T to T + period after it
                } else if (now - startedAt >= timeoutNanos) {
                    // Expire it through Jetty's own idle-timeout path rather than closing the end point from this
                    // thread while a selector or worker thread may be filling its buffer.
                    closed.incrementAndGet();
                    connection.getEndPoint().setIdleTimeout(1);
                    return;
                }
            }
            schedule();
        }
    }
}
