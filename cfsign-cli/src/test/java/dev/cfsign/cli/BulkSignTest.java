package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CryptoProviders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkSignTest {
    static final String KEY_ID = "K2JCJMDEHXQW5F";
    static final long EXPIRES = 1767229200L;

    @TempDir
    Path tmp;

    static String[] ecArgs(String... rest) {
        List<String> a = new ArrayList<>(List.of("sign", "--private-key", Cli.EC_PEM.toString(), "--key-pair-id", KEY_ID,
                "--now", Cli.NOW, "--expires", "1h"));
        a.addAll(List.of(rest));
        return a.toArray(String[]::new);
    }

    /**
     * 100,000 lines through the parallel pipeline: the output keeps the input order and every signature verifies
     * with the JDK's Signature API over the canned policy JSON rebuilt here (an oracle independent of cfsign).
     */
    @Test
    void sign_input100000Lines_orderKeptAndEverySignatureVerifies() throws Exception {
        int n = 100_000;
        Path in = tmp.resolve("urls.txt");
        StringBuilder sb = new StringBuilder("# one URL per line\n\n");
        for (int i = 0; i < n; i++) {
            sb.append(i % 3 == 0 ? "https://cdn.example.com/v/" + i + ".mp4\n" : "  https://cdn.example.com/v/" + i
                    + ".mp4?q=" + i + "  \n");
            if (i % 10_000 == 0) {
                sb.append("# comment ").append(i).append("\n\n");
            }
        }
        Files.writeString(in, sb);
        Path out = tmp.resolve("signed.txt");
        Cli.Result r = run(ecArgs("--input", in.toString(), "--output", out.toString()));
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(n);

        PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                .decode(Cli.read(Cli.EC_PUBLIC_PEM).replaceAll("-----[A-Z ]+-----", ""))));
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        IntStream.range(0, n).parallel().forEach(i -> {
            String resource = "https://cdn.example.com/v/" + i + ".mp4" + (i % 3 == 0 ? "" : "?q=" + i);
            String line = lines.get(i);
            String prefix = resource + (i % 3 == 0 ? "?" : "&") + "Expires=" + EXPIRES + "&Signature=";
            String suffix = "&Key-Pair-Id=" + KEY_ID;
            if (!line.startsWith(prefix) || !line.endsWith(suffix)) {
                failures.add(i + ": shape " + line.substring(0, Math.min(80, line.length())));
                return;
            }
            String sig = line.substring(prefix.length(), line.length() - suffix.length());
            String policy = "{\"Statement\":[{\"Resource\":\"" + resource + "\",\"Condition\":{\"DateLessThan\":"
                    + "{\"AWS:EpochTime\":" + EXPIRES + "}}}]}";
            if (!verify(pub, policy, sig)) {
                failures.add(i + ": signature");
            }
        });
        assertThat(failures).isEmpty();
    }

    private static boolean verify(PublicKey pub, String policy, String cfSignature) {
        try {
            // The Corretto provider when present (the JDK's SunEC verifies 100,000 ECDSA signatures slowly).
            Signature v = CryptoProviders.corretto().isPresent()
                    ? Signature.getInstance("SHA1withECDSA", CryptoProviders.corretto().get())
                    : Signature.getInstance("SHA1withECDSA");
            v.initVerify(pub);
            v.update(policy.getBytes(StandardCharsets.UTF_8));
            return v.verify(Base64.getDecoder().decode(cfSignature.replace('-', '+').replace('_', '=')
                    .replace('~', '/')));
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void sign_inputWithBadLine_stopsWithLineNumberAndLeavesNoOutputFile() throws Exception {
        Path in = tmp.resolve("urls.txt");
        Files.writeString(in, "https://cdn.example.com/a\n# c\nhttps://cdn.example.com/b c?x=secret\n"
                + "https://cdn.example.com/d\n");
        Path out = tmp.resolve("signed.txt");
        Cli.Result r = run(ecArgs("--input", in.toString(), "--output", out.toString()));
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).startsWith("cfsign: error: line 3 (https://cdn.example.com/b c?…)")
                .doesNotContain("secret");
        assertThat(out).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(in);
        }
    }

    @Test
    void sign_inputWithBadLineKeepGoing_skipsItAndExits1() {
        String input = "https://cdn.example.com/a\nhttps://cdn.example.com/*\nhttps://cdn.example.com/c\n";
        Cli.Result r = run(Map.of(), input, ecArgs("--input", "-", "--keep-going"));
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.out().lines().toList().get(1)).startsWith("https://cdn.example.com/c?Expires=");
        assertThat(r.err()).contains("cfsign: warning: skipped line 2 (https://cdn.example.com/*): ").contains("1 line was skipped, 2 signed");
    }

    @Test
    void sign_inputAlreadySignedLine_neverEchoesTheSignature() {
        String signed = Cli.golden("sign-canned.txt").strip();
        Cli.secret(signed.substring(signed.indexOf("Signature=") + 10, signed.indexOf("&Key-Pair-Id")));
        Cli.Result r = run(Map.of(), signed + "\n", ecArgs("--input", "-"));
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("line 1 (https://d111111abcdef8.cloudfront.net/image.jpg?…)");
    }

    @Test
    void sign_inputAndArguments_exits2() {
        Cli.Result r = run(ecArgs("--input", "-", "https://cdn.example.com/a"));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void sign_keyAndInputBothOnStdin_exits2() {
        Cli.Result r = run("sign", "--private-key", "-", "--key-pair-id", KEY_ID, "--input", "-");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Standard input");
    }

    @Test
    void sign_inputFileMissing_exits4() {
        Cli.Result r = run(ecArgs("--input", tmp.resolve("none.txt").toString()));
        assertThat(r.exit()).isEqualTo(ExitCodes.IO);
    }
}
