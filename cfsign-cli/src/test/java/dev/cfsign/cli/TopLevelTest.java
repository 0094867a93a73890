package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopLevelTest {
    @Test
    void version_printsJavaAndProvider() {
        Cli.Result r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("cfsign ").contains("Java " + System.getProperty("java.version"))
                .contains("JCA provider: ");
    }

    @Test
    void help_listsCommandsAndExitCodes() {
        Cli.Result r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("sign", "cookies", "policy", "inspect", "env", "keygen", "completion")
                .contains("Exit codes:").contains("  3   Key or configuration error");
    }

    @Test
    void subcommandHelp_listsExitCodes() {
        for (String c : new String[] {"sign", "cookies", "policy", "inspect", "env", "keygen"}) {
            Cli.Result r = run(c, "--help");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).as(c).contains("Exit codes:").contains("  4   I/O error");
        }
    }

    @Test
    void noCommand_exits2WithUsageHint() {
        Cli.Result r = run();
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Missing command").contains("(cfsign --help lists the options)").hasLineCount(1);
    }

    @Test
    void unknownCommand_exits2WithSuggestion() {
        Cli.Result r = run("sgin");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("sign");
    }

    @Test
    void namedSubcommand_registersOnlyThatOne_otherwiseAll() {
        Context ctx = new Context(java.util.Map.of(), java.io.InputStream.nullInputStream(), false);
        assertThat(CfsignCommand.commandLine(ctx, "--debug", "--now", Cli.NOW, "sign", "--help").getSubcommands())
                .containsOnlyKeys("sign");
        assertThat(CfsignCommand.commandLine(ctx, "--now=" + Cli.NOW, "policy").getSubcommands())
                .containsOnlyKeys("policy");
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "sign"}, {"sgin"}, {"completion"},
                {"--version"}, {"--bogus", "sign"}}) {
            assertThat(CfsignCommand.commandLine(ctx, args).getSubcommands()).as(String.join(" ", args))
                    .containsKeys("sign", "cookies", "policy", "inspect", "verify", "explain", "env", "keygen",
                            "help", "completion");
        }
    }

    @Test
    void subcommandHelp_isTheSameWhetherAloneOrWithItsSiblings() {
        for (String c : new String[] {"sign", "cookies", "policy", "inspect", "verify", "explain", "env", "keygen"}) {
            Cli.Result alone = run(c, "--help");
            Cli.Result viaHelp = run("help", c);
            assertThat(alone.out()).as(c).isEqualTo(viaHelp.out());
        }
    }

    @Test
    void completion_printsBashScript() {
        Cli.Result r = run("completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F").contains("cfsign");
    }
}
