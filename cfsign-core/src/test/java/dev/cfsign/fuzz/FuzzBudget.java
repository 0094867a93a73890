package dev.cfsign.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Fuzzes every {@code @FuzzTest} of a module for a fixed budget, one JVM per target ({@link FuzzMain} with
 * {@code JAZZER_FUZZ=1}: Jazzer fuzzes one target per JVM), a few at a time, and gives one dynamic test per target
 * that fails on a finding with the crash input's path. Each module's {@code FuzzEveryTarget} calls it from the
 * {@code fuzz} failsafe execution of {@code mvn verify}; {@code scripts/fuzz} runs the same execution with a longer
 * budget.
 *
 * <p>The budget: Jazzer 0.24 reads the fuzzing time from {@code @FuzzTest(maxDuration)} only, then appends the
 * libFuzzer arguments given as JUnit configuration parameters {@code jazzer.internal.arg.1...} (0 is argv[0]), and
 * libFuzzer takes the last {@code -max_total_time}; so {@code -max_total_time=SECONDS} passed that way overrides the
 * annotation (read from jazzer-junit 0.24.0's {@code FuzzTestExecutor.prepare} and {@code Utils.getLibFuzzerArgs},
 * and checked: each target's log says "Done N runs in S second(s)"). Re-check this when upgrading Jazzer.
 *
 * <p>System properties: {@code fuzz.seconds} (per target; 0 skips), {@code fuzz.parallel} (JVMs at a time),
 * {@code fuzz.targets} (comma-separated {@code Class#method} or {@code Class}, simple names; empty: all).
 * Jazzer writes findings into {@code src/test/resources/<package>/<Class>Inputs/<method>/} (where {@code mvn verify}
 * replays them) and its generated corpus into the module's {@code .cifuzz-corpus/} (not committed); logs go to
 * {@code target/fuzz-logs/}.
 */
public final class FuzzBudget {
    private static final Pattern DONE = Pattern.compile("^Done (\\d+) runs in (\\d+) second", Pattern.MULTILINE);
    private static final Pattern CRASH = Pattern.compile("Test unit written to (\\S+)");

    private final Path module;
    private final Path testClasses;
    private final long seconds;
    private final int parallel;
    private final List<String> only;

    private FuzzBudget(Class<?> anchor) {
        try {
            testClasses = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        module = testClasses.getParent().getParent();
        seconds = Long.parseLong(System.getProperty("fuzz.seconds", "10").strip());
        parallel = Math.max(1, Integer.parseInt(System.getProperty("fuzz.parallel", "2").strip()));
        String t = System.getProperty("fuzz.targets", "").strip();
        only = t.isEmpty() ? List.of() : Arrays.stream(t.split(",")).map(String::strip).toList();
    }

    /** One dynamic test per {@code @FuzzTest} found in the test-classes folder that holds {@code anchor}. */
    public static Stream<DynamicTest> everyTarget(Class<?> anchor) {
        return new FuzzBudget(anchor).tests();
    }

    private Stream<DynamicTest> tests() {
        Assumptions.assumeTrue(seconds > 0, "fuzz.seconds=0: fuzzing skipped");
        List<String> targets = targets();
        Assumptions.assumeFalse(targets.isEmpty() && !only.isEmpty(), "no target here matches fuzz.targets=" + only);
        if (targets.isEmpty()) {
            throw new AssertionError("no @FuzzTest in " + testClasses);
        }
        System.out.printf(Locale.ROOT, "fuzz: %d target(s) in %s, %d s each, %d JVM(s) at a time%n", targets.size(),
                module.getFileName(), seconds, parallel);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (String target : targets) {
            outcomes.add(pool.submit(() -> fuzz(target)));
        }
        pool.shutdown();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Future<Outcome> outcome = outcomes.get(i);
            tests.add(DynamicTest.dynamicTest(simple(targets.get(i)), () -> outcome.get().check()));
        }
        return tests.stream();
    }

    /** {@code Class#method} of every {@code @FuzzTest}, sorted; filtered by {@code fuzz.targets}. */
    List<String> targets() {
        List<String> targets = new ArrayList<>();
        try (Stream<Path> files = Files.walk(testClasses)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = testClasses.relativize(f).toString().replace(File.separatorChar, '.');
                name = name.substring(0, name.length() - ".class".length());
                Class<?> type;
                try {
                    type = Class.forName(name, false, FuzzBudget.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String target = name + "#" + m.getName();
                    if (m.isAnnotationPresent(FuzzTest.class) && (only.isEmpty() || only.contains(simple(target))
                            || only.contains(type.getSimpleName()))) {
                        targets.add(target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        targets.sort(null);
        return targets;
    }

    private Outcome fuzz(String target) throws IOException, InterruptedException {
        Path logs = Files.createDirectories(module.resolve("target/fuzz-logs"));
        Path log = logs.resolve(simple(target).replace('#', '.') + ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Lets Jazzer attach its agent in-process instead of starting a helper JVM (seconds per target).
                "-Djdk.attach.allowAttachSelf=true",
                "-Djazzer.internal.arg.0=fuzz", "-Djazzer.internal.arg.1=-max_total_time=" + seconds,
                "-cp", classPath(), FuzzMain.class.getName(), target);
        ProcessBuilder pb = new ProcessBuilder(command).directory(module.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAZZER_FUZZ", "1");
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        // Start-up, the seeds, the budget and a margin; a hung target is a failure, not a stuck build.
        boolean ended = p.waitFor(seconds + 300, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        long wall = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        Outcome o = new Outcome(target, ended ? p.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8), log,
                wall, module);
        System.out.println("fuzz: " + o.summary());
        return o;
    }

    /** This JVM's class path (failsafe sets the full test class path there), the module's classes as folders. */
    private static String classPath() {
        return System.getProperty("java.class.path");
    }

    static String simple(String target) {
        return target.substring(target.lastIndexOf('.') + 1);
    }

    /** What one target's JVM did. */
    record Outcome(String target, int exit, String output, Path log, long wallSeconds, Path module) {
        long runs() {
            Matcher m = DONE.matcher(output);
            long runs = -1;
            while (m.find()) {
                runs = Long.parseLong(m.group(1));
            }
            return runs;
        }

        String crashInput() {
            Matcher m = CRASH.matcher(output);
            return m.find() ? m.group(1) : null;
        }

        String summary() {
            String crash = crashInput();
            if (exit == 0 && runs() >= 0) {
                return String.format(Locale.ROOT, "%s: %,d runs, no finding (%d s wall)", simple(target), runs(),
                        wallSeconds);
            }
            return simple(target) + ": " + (crash != null ? "FINDING, crash input " + crash
                    : exit == -1 ? "timed out" : "failed (exit " + exit + ")") + "; log " + module.relativize(log);
        }

        void check() {
            String crash = crashInput();
            if (crash != null || exit != 0) {
                String tail = output.lines().filter(l -> !l.startsWith("INFO: ") && !l.startsWith("#"))
                        .reduce((a, b) -> a + "\n" + b).orElse("");
                if (tail.length() > 4000) {
                    tail = tail.substring(tail.length() - 4000);
                }
                throw new AssertionError(summary() + (crash != null ? "\nReproduce: it is replayed by mvn verify (the"
                        + " inputs folder); rename it finding-<what>, fix, and keep it." : "") + "\n" + tail);
            }
            if (runs() < 0) {
                throw new AssertionError(simple(target) + " did not fuzz (no \"Done N runs\" line); log "
                        + module.relativize(log));
            }
        }
    }
}
