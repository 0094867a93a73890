package dev.cfsign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.keys.KeyType;
import dev.cfsign.keys.SigningKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Black-box runner: builds the real command line for the arguments, as {@code main} does, with
 * {@link CfsignCommand#commandLine(Context, String...)}; captures stdout and stderr, never calls System.exit. Every
 * failing run's stderr is checked for key material and signatures.
 */
final class Cli {
    private Cli() {}

    /** A run's exit code and captured output. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** Texts that must never reach stderr: PEM bodies of every key the tests use, and signatures they saw. */
    private static final List<String> SECRETS = new ArrayList<>();

    static final Path FIXTURES = resource("keys");
    static final Path RSA_PEM = FIXTURES.resolve("rsa-2048.pem");
    static final Path RSA_PUBLIC_PEM = FIXTURES.resolve("rsa-2048-public.pem");
    static final Path EC_PEM = FIXTURES.resolve("ec-p256.pem");
    static final Path EC_PUBLIC_PEM = FIXTURES.resolve("ec-p256-public.pem");
    static final String KEY_ID = "K2JCJMDEHXQW5F";
    static final String NOW = "2026-01-01T00:00:00Z";

    static {
        for (Path p : List.of(RSA_PEM, EC_PEM)) {
            secret(read(p));
        }
    }

    static Result run(String... args) {
        return run(Map.of(), "", args);
    }

    static Result run(Map<String, String> env, String stdin, String... args) {
        return run(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    static Result run(Map<String, String> env, InputStream stdin, String... args) {
        CommandLine cl = CfsignCommand.commandLine(new Context(env, stdin, false), args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        Result r = new Result(code, out.toString(), err.toString());
        assertNoSecrets(r.err());
        if (code != 0) {
            assertThat(r.err()).as("a failing run explains itself").contains("cfsign: error: ");
        }
        return r;
    }

    /** Registers a PEM (its base64 body) or a signature as text that must never appear on stderr. */
    static void secret(String text) {
        synchronized (SECRETS) {
            SECRETS.add(text);
        }
    }

    /** No 16-character run of any registered secret's base64 body appears in {@code err}. */
    static void assertNoSecrets(String err) {
        List<String> copy;
        synchronized (SECRETS) {
            copy = List.copyOf(SECRETS);
        }
        for (String s : copy) {
            String body = s.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s|\\\\n", "");
            for (int i = 0; i + 16 <= body.length(); i += 4) {
                assertThat(err).as("stderr must not contain key material or signatures")
                        .doesNotContain(body.substring(i, i + 16));
            }
        }
    }

    /** A fresh key written to {@code dir} as PKCS#8 PEM (mode left to the test). */
    static Path generatedKey(Path dir, KeyType type) {
        SigningKey key = SigningKey.generate(type);
        String pem = key.exportPkcs8Pem();
        secret(pem);
        try {
            return Files.writeString(dir.resolve(type.name().toLowerCase() + ".pem"), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(Cli.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String golden(String name) {
        return read(resource("golden/" + name));
    }

    /** Base arguments: the RSA fixture key, the key ID and the fixed clock. */
    static String[] withKey(String command, String... rest) {
        List<String> a = new ArrayList<>(List.of(command, "--private-key", RSA_PEM.toString(), "--key-pair-id", KEY_ID,
                "--now", NOW));
        a.addAll(List.of(rest));
        return a.toArray(String[]::new);
    }
}
