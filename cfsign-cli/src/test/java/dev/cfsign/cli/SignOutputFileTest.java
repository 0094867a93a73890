package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.KEY_ID;
import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sign --output}: bearer links in files no more readable than the umask allows, an existing file's mode kept,
 * no overwrite without {@code --force}, and no readable temporary file even when the run is killed. The umask is
 * set for real, in a child JVM started by {@code sh -c 'umask …'}.
 */
class SignOutputFileTest {
    static final String URL = "https://d111111abcdef8.cloudfront.net/a.txt";

    @TempDir
    Path tmp;

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** {@code cfsign ARGS} in a child JVM under {@code umask}, from the test's classpath. */
    static ProcessBuilder child(String umask, Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.cfsign.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    @ParameterizedTest
    @CsvSource({"077, rw-------", "022, rw-r--r--", "027, rw-r-----"})
    void newFile_modeIsWhatTheUmaskAllows(String umask, String expected) throws Exception {
        Process p = child(umask, tmp, "sign", "--private-key", Cli.RSA_PEM.toString(), "--key-pair-id", KEY_ID,
                "--output", "links.txt", URL).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(mode(tmp.resolve("links.txt"))).isEqualTo(expected);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(tmp.resolve("links.txt"));
        }
    }

    @Test
    void existingFile_refusedWithoutForce_keepsItsModeWithForce() throws Exception {
        Path out = Files.writeString(tmp.resolve("links.txt"), "old\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
        Cli.Result refused = run(withKey("sign", "--output", out.toString(), URL));
        assertThat(refused.exit()).isEqualTo(ExitCodes.IO);
        assertThat(refused.err()).contains("--force");
        assertThat(Files.readString(out)).isEqualTo("old\n");

        Cli.Result forced = run(withKey("sign", "--output", out.toString(), "--force", URL));
        assertThat(forced.exit()).as(forced.toString()).isZero();
        assertThat(Files.readString(out)).startsWith(URL + "?Expires=");
        assertThat(mode(out)).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void killedRun_leavesNoReadableTempFile() throws Exception {
        Process p = child("022", tmp, "sign", "--private-key", Cli.RSA_PEM.toString(), "--key-pair-id", KEY_ID,
                "--input", "-", "--output", "links.txt").start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((URL + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            Path temp = null;
            for (int i = 0; i < 600 && temp == null; i++) {
                try (Stream<Path> files = Files.list(tmp)) {
                    temp = files.filter(f -> f.getFileName().toString().endsWith(".tmp")).findFirst().orElse(null);
                }
                Thread.sleep(100);
            }
            assertThat(temp).as("the run opened its temporary file").isNotNull();
            assertThat(mode(temp)).isEqualTo("rw-------");
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.exists(tmp.resolve("links.txt"))).isFalse();
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path f : files.toList()) {
                assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
            }
        }
    }

    static String[] withKey(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(1, List.of("--private-key", Cli.RSA_PEM.toString(), "--key-pair-id", KEY_ID));
        return a.toArray(String[]::new);
    }
}
