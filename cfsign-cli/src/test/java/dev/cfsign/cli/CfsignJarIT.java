package dev.cfsign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.edge.EdgeServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code target/cfsign.jar} (and the {@code ./cfsign} launcher at the repository root) as real
 * processes, after {@code package}: manifest version, real exit codes, stdin, and the environment.
 */
class CfsignJarIT {
    static final Path MODULE = Path.of(System.getProperty("user.dir"));
    static final Path JAR = MODULE.resolve("target/cfsign.jar");
    static final Path LAUNCHER = MODULE.getParent().resolve("cfsign");

    record Proc(int exit, String out, String err) {}

    static Proc exec(List<String> command, Map<String, String> env, String stdin) throws IOException,
            InterruptedException {
        return exec(command, env, stdin.getBytes(StandardCharsets.UTF_8));
    }

    static Proc exec(List<String> command, Map<String, String> env, byte[] stdin) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_CLOUDFRONT_") || k.equals("CFSIGN_NOW"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("cfsign-it", ".out");
        Path err = Files.createTempFile("cfsign-it", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin);
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Proc r = new Proc(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        Cli.assertNoSecrets(r.err());
        return r;
    }

    static List<String> java(String... args) {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        c.addAll(List.of(args));
        return c;
    }

    @Test
    void jar_version_readsManifest() throws Exception {
        Proc r = exec(java("--version"), Map.of(), "");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("cfsign 0.").doesNotContain("development build");
    }

    /**
     * The fat jar carries the cfsign-core and cfsign-edge classes of this build, byte for byte. It once kept stale
     * copies: the jar plugin reused the previous fat jar whenever cfsign-cli's own classes had not changed.
     */
    @Test
    void jar_carriesTheCoreAndEdgeClassesOfThisBuild() throws Exception {
        int compared = 0;
        try (ZipFile fat = new ZipFile(JAR.toFile())) {
            for (Class<?> module : List.of(CloudFrontSigner.class, EdgeServer.class)) {
                Path built = Path.of(module.getProtectionDomain().getCodeSource().getLocation().toURI());
                Map<String, byte[]> classes = new TreeMap<>();
                if (Files.isDirectory(built)) {
                    try (var files = Files.walk(built)) {
                        for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".class"))::iterator) {
                            classes.put(built.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                        }
                    }
                } else {
                    try (ZipFile jar = new ZipFile(built.toFile())) {
                        for (var e : Collections.list(jar.entries())) {
                            if (e.getName().endsWith(".class") && !e.getName().endsWith("module-info.class")) {
                                classes.put(e.getName(), jar.getInputStream(e).readAllBytes());
                            }
                        }
                    }
                }
                for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                    if (c.getKey().endsWith("module-info.class")) {
                        continue;
                    }
                    var entry = fat.getEntry(c.getKey());
                    assertThat(entry).as(c.getKey()).isNotNull();
                    assertThat(fat.getInputStream(entry).readAllBytes()).as(c.getKey()).isEqualTo(c.getValue());
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(50);
    }

    /** Linux x86-64 and aarch64 are the platforms the parent POM has a Corretto classifier profile for. */
    static boolean correttoPlatform() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch");
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("aarch64"));
    }

    @Test
    void jar_version_namesTheCorrettoProviderItShips() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(correttoPlatform(), "no Corretto build for this platform");
        Proc r = exec(java("--version"), Map.of(), "");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("JCA provider: AmazonCorrettoCryptoProvider 2.5.0");
    }

    @Test
    void jar_version_fallsBackToTheJdkWhenCorrettoIsDisabled() throws Exception {
        List<String> c = java("--version");
        c.add(1, "-Dcfsign.crypto.provider=jdk");
        Proc r = exec(c, Map.of(), "");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("JCA provider: RSA SunRsaSign").doesNotContain("Corretto");
    }

    @Test
    void jar_signWithKeyOnStdin_matchesGolden() throws Exception {
        Proc r = exec(java("sign", "--private-key", "-", "--key-pair-id", Cli.KEY_ID, "--expires", "1h",
                "https://d111111abcdef8.cloudfront.net/image.jpg"), Map.of("CFSIGN_NOW", Cli.NOW), Cli.read(Cli.RSA_PEM));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(Cli.golden("sign-canned.txt"));
    }

    /** The plain {@code sign} form runs without picocli (start-up) and prints what the full command prints. */
    @Test
    void jar_plainSign_loadsNoPicocliClass_andMatchesTheFullCommand() throws Exception {
        String url = "https://d111111abcdef8.cloudfront.net/images/a.jpg";
        List<String> c = java("sign", "--private-key", Cli.RSA_PEM.toString(), "--key-pair-id", Cli.KEY_ID,
                "--expires", "2030-01-01T00:00:00Z", "--hash", "sha256", url);
        c.add(1, "-verbose:class");
        Proc r = exec(c, Map.of(), "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("[class,load] dev.cfsign.cli.SignFastPath").doesNotContain("[class,load] picocli.CommandLine ");

        Cli.Result full = Cli.run("sign", "--private-key", Cli.RSA_PEM.toString(), "--key-pair-id", Cli.KEY_ID,
                "--expires", "2030-01-01T00:00:00Z", "--hash", "sha256", "--now", Cli.NOW, url);
        String printed = r.out().lines().filter(l -> !l.startsWith("[")).reduce("", (a, b) -> a + b + "\n");
        assertThat(printed).isEqualTo(full.out());
    }

    @Test
    void jar_missingConfiguration_exits3WithOneLine() throws Exception {
        Proc r = exec(java("sign", "https://cdn.example.com/a"), Map.of(), "");
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).startsWith("cfsign: error: ").hasLineCount(1);
    }

    @Test
    void jar_usageError_exits2() throws Exception {
        assertThat(exec(java("sign", "--bogus"), Map.of(), "").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void launcher_makesAnAppCdsArchiveOnce_andLaterRunsMapIt() throws Exception {
        Path jsa = MODULE.resolve("target/cfsign.jsa");
        Files.deleteIfExists(jsa);
        Proc first = exec(List.of("bash", LAUNCHER.toString(), "--version"), Map.of(), "");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(jsa).exists();
        // -Xshare:on (after the launcher's -Xshare:auto) makes the JVM fail instead of running without the archive.
        Proc second = exec(List.of("bash", LAUNCHER.toString(), "sign", "--private-key", Cli.RSA_PEM.toString(),
                "--key-pair-id", Cli.KEY_ID, "--expires", "1h", "https://d111111abcdef8.cloudfront.net/image.jpg"),
                Map.of("CFSIGN_NOW", Cli.NOW, "CFSIGN_JAVA_OPTS", "-Xshare:on"), "");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo(Cli.golden("sign-canned.txt"));
    }

    /** One-off commands get start-up JVM flags; the long-running serve and demo keep the default JIT and GC. */
    @Test
    void launcher_startUpFlagsForCommands_defaultJitForServeAndDemo() throws Exception {
        Map<String, String> env = Map.of("CFSIGN_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        for (List<String> args : List.of(List.of("policy", "--help"), List.of("--debug", "sign", "--help"))) {
            List<String> c = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
            c.addAll(args);
            Proc r = exec(c, env, "");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).as(args.toString()).contains("-XX:TieredStopAtLevel=1").contains("-XX:+UseSerialGC");
        }
        for (List<String> args : List.of(List.of("serve", "--help"), List.of("--now", Cli.NOW, "demo", "--help"))) {
            List<String> c = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
            c.addAll(args);
            Proc r = exec(c, env, "");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).as(args.toString()).doesNotContain("TieredStopAtLevel").doesNotContain("UseSerialGC");
        }
    }

    @Test
    void launcher_objectKeyFromEnvironment_signs() throws Exception {
        Map<String, String> env = Map.of("AWS_CLOUDFRONT_KEY_ID", Cli.KEY_ID,
                "AWS_CLOUDFRONT_PRIVATE_KEY", Cli.read(Cli.RSA_PEM).strip().replace("\n", "\\n"),
                "AWS_CLOUDFRONT_CUSTOM_DOMAIN", "cdn.example.com", "CFSIGN_NOW", Cli.NOW);
        Proc r = exec(List.of("bash", LAUNCHER.toString(), "sign", "videos/intro 2024.mp4"), env, "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("https://cdn.example.com/videos/intro%202024.mp4?Expires="
                + (1767225600L + 20 * 86400) + "&Signature=");
    }

    /** The first run (and every rebuild) says on stderr that it is building, instead of 15-30 silent seconds. */
    @Test
    void launcher_saysOnStderrWhileItBuilds(@TempDir Path tmp) throws Exception {
        Path copy = Files.copy(LAUNCHER, tmp.resolve("cfsign"));
        Files.writeString(tmp.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(tmp.resolve("cfsign-cli/src"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        // A stand-in for Maven that "builds" by copying the real jar into place.
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\nmkdir -p \"$FAKE_TARGET\"\n"
                + "cp \"$FAKE_JAR\" \"$FAKE_TARGET/cfsign.jar\"\n");
        mvn.toFile().setExecutable(true);
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "CFSIGN_NO_CDS", "1",
                "FAKE_JAR", JAR.toString(), "FAKE_TARGET", tmp.resolve("cfsign-cli/target").toString());
        Proc first = exec(List.of("bash", copy.toString(), "--version"), env, "");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).startsWith("cfsign: building cfsign-cli/target/cfsign.jar").hasLineCount(1);
        assertThat(first.out()).startsWith("cfsign 0.");
        Proc second = exec(List.of("bash", copy.toString(), "--version"), env, "");
        assertThat(second.err()).isEmpty();
    }

    /** Without a UTF-8 locale the JVM would print '\u2192' as '?': the CLI writes an ASCII stand-in. */
    @Test
    void jar_withoutUtf8Locale_printsAsciiArrows() throws Exception {
        Proc r = exec(java("sign", "--private-key", Cli.RSA_PEM.toString(), "--key-pair-id", Cli.KEY_ID,
                "https://cdn.example.com/a b.jpg"), Map.of("LC_ALL", "C", "LANG", "C"), "");
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("space -> %20").doesNotContain("?");
    }

    /** demo --keep-running, stopped as Ctrl+C or a service manager stops it, leaves no temporary folder behind. */
    @Test
    void demo_keepRunning_stopped_removesItsTemporaryFolder(@TempDir Path tmp) throws Exception {
        List<String> c = java("demo", "--keep-running");
        c.add(1, "-Djava.io.tmpdir=" + tmp);
        Path out = tmp.resolve("demo.out");
        Process p = new ProcessBuilder(c).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(out).contains("until you stop this process") && System.nanoTime() < deadline) {
                assertThat(p.isAlive()).as(Files.readString(out)).isTrue();
                Thread.sleep(100);
            }
            try (var s = Files.list(tmp)) {
                assertThat(s.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("cfsign-demo"));
            }
            p.destroy(); // SIGTERM; Ctrl+C (SIGINT) runs the same shutdown hooks
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        try (var s = Files.list(tmp)) {
            assertThat(s.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("cfsign-demo"));
        }
    }

    /** An I/O failure (no writable temporary folder) exits 4, as the README's exit-code table says. */
    @Test
    void demo_withoutATemporaryFolder_exits4() throws Exception {
        List<String> c = java("demo");
        c.add(1, "-Djava.io.tmpdir=" + MODULE.resolve("target/no-such-folder"));
        Proc r = exec(c, Map.of(), "");
        assertThat(r.exit()).isEqualTo(ExitCodes.IO);
        assertThat(r.err()).startsWith("cfsign: error: ").hasLineCount(1);
    }
}
