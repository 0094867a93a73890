package dev.cfsign.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.function.IntPredicate;
import picocli.CommandLine.Option;

/**
 * {@code --output FILE} and {@code --force} for every command whose output is bearer links ({@code sign},
 * {@code playlist}): the one place that decides how such a file is written ({@link AtomicFile}: all or nothing, no
 * more readable than the umask, an existing file keeps its mode and is replaced only with {@code --force}).
 */
final class OutputFileOptions {
    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the result to FILE atomically (all or nothing) instead of standard output; a new file"
                    + " is no more readable than the umask allows, an existing one keeps its mode.")
    Path output;

    @Option(names = "--force", description = "With --output: replace an existing file.")
    boolean force;

    /** What a command writes; returns its exit code. */
    @FunctionalInterface
    interface Body {
        int writeTo(Writer out) throws IOException;
    }

    /**
     * Runs {@code body} against standard output, or against the {@code --output} file, which is committed only when
     * {@code keep} accepts the exit code (an exception discards it).
     */
    int write(PrintWriter stdout, Body body, IntPredicate keep) throws IOException {
        if (output == null) {
            int code = body.writeTo(stdout);
            stdout.flush();
            return code;
        }
        try (AtomicFile file = AtomicFile.open(output, AtomicFile.UP_TO_UMASK, force)) {
            int code = body.writeTo(file.writer());
            if (keep.test(code)) {
                file.commit(force);
            }
            return code;
        }
    }
}
