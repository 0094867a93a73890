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
        assertThat(r.err()).contains("Missing command").contains("Try 'cfsign --help'");
    }

    @Test
    void unknownCommand_exits2WithSuggestion() {
        Cli.Result r = run("sgin");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("sign");
    }

    @Test
    void completion_printsBashScript() {
        Cli.Result r = run("completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F").contains("cfsign");
    }
}
