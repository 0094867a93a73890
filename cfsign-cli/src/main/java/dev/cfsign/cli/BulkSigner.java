package dev.cfsign.cli;

import dev.cfsign.CloudFrontSigningException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The bulk pipeline of {@code sign --input}: the calling thread reads lines into chunks and submits each chunk to a
 * fixed pool; at most {@code 4 × threads} chunks are in flight, and results are written in submission order, so the
 * output keeps the input's order while memory stays bounded. Blank lines and lines starting with {@code #} are
 * skipped. A bad line is reported by its number (and a short, query-free preview, so no signature is ever echoed).
 */
final class BulkSigner {
    static final int CHUNK = 256;
    private static final long PROGRESS_MIN_BYTES = 1 << 20;
    private static final long PROGRESS_INTERVAL_NANOS = 200_000_000L;

    private final Function<String, String> signOne;
    private final int threads;
    private final boolean keepGoing;
    private final PrintWriter err;
    private final boolean interactive;

    BulkSigner(Function<String, String> signOne, int threads, boolean keepGoing, PrintWriter err, boolean interactive) {
        this.signOne = signOne;
        this.threads = threads;
        this.keepGoing = keepGoing;
        this.err = err;
        this.interactive = interactive;
    }

    private record Line(long number, String text) {}

    private record Failure(long number, String message) {}

    private record Result(List<String> outputs, List<Failure> failures) {}

    int run(String input, InputStream stdin, Writer out) throws IOException {
        long total = -1;
        BufferedReader reader;
        if ("-".equals(input)) {
            reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8), 1 << 16);
        } else {
            Path p = Path.of(input);
            total = Files.size(p);
            reader = Files.newBufferedReader(p, StandardCharsets.UTF_8);
        }
        Progress progress = interactive && total >= PROGRESS_MIN_BYTES ? new Progress(total) : null;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cfsign-sign");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Result>> inFlight = new ArrayDeque<>();
        long failures = 0;
        long signed = 0;
        try (reader) {
            long lineNo = 0;
            boolean eof = false;
            while (!eof || !inFlight.isEmpty()) {
                if (!eof && inFlight.size() < threads * 4) {
                    List<Line> chunk = new ArrayList<>(CHUNK);
                    String s;
                    while (chunk.size() < CHUNK && (s = reader.readLine()) != null) {
                        lineNo++;
                        if (progress != null) {
                            progress.read(s.length() + 1L);
                        }
                        String t = s.strip();
                        if (!t.isEmpty() && !t.startsWith("#")) {
                            chunk.add(new Line(lineNo, t));
                        }
                    }
                    if (chunk.size() < CHUNK) {
                        eof = true;
                    }
                    if (!chunk.isEmpty()) {
                        inFlight.add(pool.submit(() -> signChunk(chunk)));
                    }
                    continue;
                }
                Result r = await(inFlight.removeFirst());
                for (String o : r.outputs()) {
                    out.write(o);
                    out.write('\n');
                }
                signed += r.outputs().size();
                for (Failure f : r.failures()) {
                    failures++;
                    if (!keepGoing) {
                        clear(progress);
                        throw new CliException(ExitCodes.INVALID, "line " + f.number() + f.message()
                                + " (stopped; --keep-going skips bad lines)");
                    }
                    clear(progress);
                    err.println("cfsign: warning: skipped line " + f.number() + f.message());
                }
                if (progress != null) {
                    progress.show(err, signed);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        clear(progress);
        out.flush();
        if (failures > 0) {
            err.println("cfsign: error: " + failures + (failures == 1 ? " line was" : " lines were") + " skipped, "
                    + signed + " signed.");
            err.flush();
            return ExitCodes.INVALID;
        }
        return ExitCodes.OK;
    }

    private Result signChunk(List<Line> chunk) {
        List<String> outputs = new ArrayList<>(chunk.size());
        List<Failure> failures = new ArrayList<>(0);
        for (Line l : chunk) {
            try {
                outputs.add(signOne.apply(l.text()));
            } catch (CloudFrontSigningException | CliException e) {
                failures.add(new Failure(l.number(), preview(l.text()) + ": " + ErrorHandler.message(e)));
                if (!keepGoing) {
                    return new Result(outputs, failures);
                }
            }
        }
        return new Result(outputs, failures);
    }

    /** The line up to its query, at most 60 characters: enough to find it, never a signature. */
    static String preview(String line) {
        int q = line.indexOf('?');
        String p = q < 0 ? line : line.substring(0, q) + "?…";
        if (p.length() > 60) {
            p = p.substring(0, 59) + "…";
        }
        return " (" + Redact.oneLine(p) + ")";
    }

    private static Result await(Future<Result> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        }
    }

    private void clear(Progress progress) {
        if (progress != null && progress.shown) {
            err.print("\r\033[K");
            err.flush();
            progress.shown = false;
        }
    }

    /** A one-line progress bar on stderr, only on a terminal and for large inputs. */
    private static final class Progress {
        private final long total;
        private long read;
        private long last;
        boolean shown;

        Progress(long total) {
            this.total = total;
        }

        void read(long bytes) {
            read += bytes;
        }

        void show(PrintWriter err, long signed) {
            long t = System.nanoTime();
            if (t - last < PROGRESS_INTERVAL_NANOS) {
                return;
            }
            last = t;
            int pct = (int) Math.min(100, read * 100 / Math.max(1, total));
            int filled = pct / 4;
            err.print("\rcfsign: [" + "#".repeat(filled) + " ".repeat(25 - filled) + "] " + pct + "% " + signed
                    + " signed");
            err.flush();
            shown = true;
        }
    }
}
