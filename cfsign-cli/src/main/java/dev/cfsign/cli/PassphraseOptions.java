package dev.cfsign.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The passphrase of an encrypted private key, as picocli's {@code PasswordDemo} takes a password: from a file, a
 * named variable, or the terminal without echo; never as an option value, which {@code ps} and shell history show.
 */
final class PassphraseOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "For an encrypted private key: read its passphrase from FILE (the first line).")
    Path file;

    @Option(names = "--passphrase-env", paramLabel = "NAME",
            description = "For an encrypted private key: read its passphrase from the environment variable NAME.")
    String env;

    @Option(names = "--passphrase",
            description = "For an encrypted private key: ask for its passphrase on the terminal (not echoed).")
    boolean ask;

    /** Said instead of picocli's message when {@code --passphrase} gets a value, which would echo it. */
    static final String NO_VALUE = "--passphrase takes no value: it asks on the terminal. A passphrase on the command"
            + " line shows in ps and shell history; use --passphrase-file FILE or --passphrase-env NAME.";

    static boolean isPassphraseOption(ArgSpec arg) {
        return arg instanceof OptionSpec o && o.longestName().equals("--passphrase");
    }

    boolean given() {
        return file != null || env != null || ask;
    }

    /** The passphrase, or {@code null} when none of the options was given. */
    char[] read(Context ctx) {
        if ((file != null ? 1 : 0) + (env != null ? 1 : 0) + (ask ? 1 : 0) > 1) {
            throw usage("Give one of --passphrase-file FILE, --passphrase-env NAME or --passphrase, not several.");
        }
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                return text.lines().findFirst().orElse("").toCharArray();
            } catch (IOException e) {
                throw new CliException(ExitCodes.IO, "Cannot read the passphrase file " + file + ": "
                        + ErrorHandler.message(e), e);
            }
        }
        if (env != null) {
            String value = ctx.env().get(env);
            if (value == null || value.isEmpty()) {
                throw CliException.config("The environment variable " + env + " (from --passphrase-env) is not set"
                        + " or empty: export it with the key's passphrase.");
            }
            return value.toCharArray();
        }
        if (ask) {
            Console console = ctx.interactive() ? System.console() : null;
            if (console == null) {
                throw usage("--passphrase asks on the terminal, and this run has none (standard input or output is"
                        + " redirected): use --passphrase-file FILE or --passphrase-env NAME.");
            }
            char[] typed = console.readPassword("Passphrase for the private key: ");
            if (typed == null) {
                throw usage("--passphrase: no passphrase was typed.");
            }
            return typed;
        }
        return null;
    }

    private RuntimeException usage(String message) {
        return mixee != null ? new ParameterException(mixee.commandLine(), message)
                : new IllegalArgumentException(message);
    }
}
