package dev.cfsign.cli;

import dev.cfsign.edge.Demo;
import dev.cfsign.edge.EdgeConfig;
import dev.cfsign.edge.EdgeServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The only CLI class that touches {@code cfsign-edge} (and so Jetty): {@code serve} and {@code demo} delegate here,
 * so other commands never load the server's classes. All server logic is the edge's; this class adapts its
 * {@code PrintStream} output to picocli's writer and its exceptions to the CLI's exit codes.
 */
final class EdgeRunner {
    private EdgeRunner() {}

    /** Starts the edge {@code options} describe, prints its banner (URL first) and blocks until the JVM stops. */
    static int serve(ServeOptions options, Map<String, String> env, PrintWriter out, boolean quiet)
            throws IOException {
        Consumer<String> accessLog = quiet ? line -> { } : line -> {
            out.println(line);
            out.flush();
        };
        // An incomplete setup (no origin, no key) reaches ErrorHandler, which words its remedy in flags (CliWording).
        EdgeConfig config = ServeOptions.Edge.applyTo(options, EdgeConfig.builder().accessLog(accessLog), env).build();
        EdgeServer edge = EdgeServer.start(config); // Jetty stops it at JVM shutdown (SIGTERM, Ctrl+C)
        edge.banner().forEach(out::println);
        out.flush();
        try {
            edge.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            edge.close();
        }
        return ExitCodes.OK;
    }

    static int demo(PrintWriter out, boolean keepRunning) throws IOException {
        try {
            return Demo.run(printStream(out), keepRunning) ? ExitCodes.OK : ExitCodes.INVALID;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }

    /** A UTF-8 PrintStream that passes each flushed chunk (autoflush: every println) to {@code out}. */
    static PrintStream printStream(PrintWriter out) {
        OutputStream bytes = new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                pending.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                pending.write(b, off, len);
            }

            @Override
            public synchronized void flush() {
                out.write(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
                out.flush();
            }
        };
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
