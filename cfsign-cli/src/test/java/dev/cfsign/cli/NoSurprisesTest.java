package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a new user trips over: host-looking object keys, a repeated --trust, help text, two-line errors, '?' arrows. */
class NoSurprisesTest {
    @Test
    void urlWithoutScheme_startingWithAHost_isRefusedNamingTheFix() {
        Cli.Result r = run(Cli.withKey("sign", "--base-url", "https://d111111abcdef8.cloudfront.net",
                "cdn.example.com/videos/a.mp4"));
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("https://cdn.example.com/", "leading /").hasLineCount(1);
        Cli.Result env = run(Map.of("AWS_CLOUDFRONT_DOMAIN", "d111111abcdef8.cloudfront.net"), "",
                Cli.withKey("sign", "example.com/a.mp4"));
        assertThat(env.exit()).isEqualTo(ExitCodes.INVALID);
    }

    /** verify and explain have no object keys: a URL without its scheme is a plain, typed error (was "internal"). */
    @Test
    void verifyAndExplain_urlWithoutScheme_sayWhatIsWrong() {
        for (String command : List.of("verify", "explain")) {
            Cli.Result r = run(command, "--public-key", Cli.RSA_PUBLIC_PEM.toString(), "--key-pair-id", Cli.KEY_ID,
                    "cdn.example.com/videos/a.mp4");
            assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.INVALID);
            assertThat(r.err()).contains("https://").doesNotContain("internal error").hasLineCount(1);
        }
    }

    @Test
    void objectKeys_includingAHostLikeFolderAfterASlash_stillSign() {
        for (String key : List.of("videos/a.mp4", "v1.2/a.mp4", "/cdn.example.com/videos/a.mp4", "a.mp4")) {
            Cli.Result r = run(Cli.withKey("sign", "--base-url", "https://d111111abcdef8.cloudfront.net", key));
            assertThat(r.exit()).as(key + ": " + r).isZero();
            assertThat(r.out()).startsWith("https://d111111abcdef8.cloudfront.net/" + key.replaceFirst("^/", "") + "?");
        }
    }

    @Test
    void repeatedTrust_forOneId_isRefused() {
        Cli.Result r = run("verify", "--now", Cli.NOW, "--trust", "KSAME=" + Cli.RSA_PUBLIC_PEM, "--trust",
                "KSAME=" + Cli.EC_PUBLIC_PEM, "https://cdn.example.com/a.jpg?Expires=1&Signature=x&Key-Pair-Id=KSAME");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--trust KSAME=", "once").hasLineCount(1);
    }

    /** Each summary in the top-level help is a whole sentence; picocli shows only a description's first line there. */
    @Test
    void topLevelHelp_summariesAreWholeSentences() {
        String out = run("--help").out();
        String commands = out.substring(out.indexOf("Commands:") + 10, out.indexOf("Exit codes:")).strip();
        List<String> entries = new ArrayList<>();
        for (String line : commands.split("\n")) {
            if (line.startsWith("    ")) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
            } else if (!line.isBlank()) {
                entries.add(line.strip());
            }
        }
        assertThat(entries).hasSizeGreaterThanOrEqualTo(12).allSatisfy(e -> assertThat(e).endsWith("."));
    }

    /** Every description line of every command is whole: picocli wraps each element, so none may end mid-sentence. */
    @Test
    void commandDescriptions_neverBreakMidSentence() {
        CommandLine cl = CfsignCommand.commandLine(new Context(Map.of(), System.in, false));
        List<CommandLine> all = new ArrayList<>(cl.getSubcommands().values());
        all.add(cl);
        for (CommandLine c : all) {
            for (String line : c.getCommandSpec().usageMessage().description()) {
                assertThat(line.replace("%n", "")).as(c.getCommandName()).matches("(?s).*[.)]$");
            }
        }
    }

    @Test
    void completionHelp_saysCompletion() {
        Cli.Result r = run("completion", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: cfsign completion").doesNotContain("generate-completion");
    }

    @Test
    void usageErrors_areOneLine_withTheSuggestion() {
        Cli.Result r = run("sign", "--expire", "1h", "https://cdn.example.com/a");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).hasLineCount(1).contains("--expires", "cfsign sign --help");
    }

    @Test
    void withoutUtf8_arrowsBecomeAscii_notQuestionMarks() {
        String shown = ConsoleText.fallback("space → %20, 'é' … done", StandardCharsets.US_ASCII.newEncoder());
        assertThat(shown).isEqualTo("space -> %20, 'e' ... done");
        assertThat(ConsoleText.fallback("space → %20", StandardCharsets.UTF_8.newEncoder())).isEqualTo("space → %20");
    }
}
