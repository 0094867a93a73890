package dev.cfsign.cli;

import dev.cfsign.CloudFrontSigningException;
import dev.cfsign.ConfigurationException;
import dev.cfsign.IncompleteSetupException;
import dev.cfsign.SigningException;
import dev.cfsign.keys.KeyFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line, {@code cfsign: error: <what and how to fix it>}, and an exit code
 * ({@link ExitCodes}). With {@code --debug} it adds the exception class and the cause chain. Messages pass through
 * {@link Redact} so no key material, signature or encoded policy can reach stderr, even from a cause.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IExitCodeExceptionMapper, IParameterExceptionHandler {

    @Override
    public int getExitCode(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof CliException c) {
            return c.exitCode();
        }
        if (e instanceof ParameterException || e instanceof IncompleteSetupException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof KeyFormatException || e instanceof ConfigurationException) {
            return ExitCodes.CONFIG;
        }
        if (e instanceof SigningException s) {
            return switch (s.reason()) {
                case INVALID_KEY_PAIR_ID, CRYPTO_FAILURE -> ExitCodes.CONFIG;
                default -> ExitCodes.INVALID;
            };
        }
        if (e instanceof IOException) {
            return ExitCodes.IO;
        }
        return ExitCodes.INVALID;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Throwable e = unwrap(ex);
        err.println("cfsign: error: " + message(e));
        if (debugRequested(parseResult)) {
            printDebug(err, e);
        }
        err.flush();
        return getExitCode(e);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        // One line, as every error: the message, picocli's suggestions (Did you mean …?) and where the help is.
        StringWriter suggestions = new StringWriter();
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, new PrintWriter(suggestions));
        String message = PassphraseOptions.isPassphraseOption(ex.getArgSpec()) ? PassphraseOptions.NO_VALUE
                : ex.getMessage();
        String suggested = suggestions.toString().replaceAll("\\s+", " ").strip();
        err.println("cfsign: error: " + Redact.oneLine(message + (suggested.isEmpty() ? "" : "; " + suggested))
                + " (" + cl.getCommandSpec().qualifiedName() + " --help lists the options)");
        if (debugRequested(cl.getParseResult())) {
            printDebug(err, ex);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** The safe one-line message shown for {@code e}. */
    static String message(Throwable e) {
        String m;
        if (e instanceof CloudFrontSigningException c) {
            m = CliWording.message(c);
        } else if (e instanceof IncompleteSetupException i) {
            m = CliWording.message(i);
        } else if (e instanceof CliException) {
            m = e.getMessage();
        } else if (e instanceof NoSuchFileException n) {
            m = "no such file: " + n.getFile() + (n.getReason() == null ? "" : " (" + n.getReason() + ")");
        } else if (e instanceof AccessDeniedException a) {
            m = "permission denied: " + a.getFile();
        } else if (e instanceof FileAlreadyExistsException f) {
            m = "file already exists: " + f.getFile() + " (pass --force to replace it)";
        } else if (e instanceof IOException) {
            m = "I/O error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } else {
            m = "internal error (" + e.getClass().getName() + "); please report it, and rerun with --debug for details";
        }
        return Redact.oneLine(m);
    }

    private static void printDebug(PrintWriter err, Throwable e) {
        String reason = e instanceof CloudFrontSigningException c ? " (reason " + c.reason() + ")" : "";
        err.println("cfsign: debug: " + e.getClass().getName() + reason);
        int depth = 0;
        for (Throwable c = e.getCause(); c != null && depth < 10; c = c.getCause(), depth++) {
            err.println("cfsign: debug:   caused by " + c.getClass().getName()
                    + (c.getMessage() == null ? "" : ": " + Redact.oneLine(c.getMessage())));
        }
    }

    private static boolean debugRequested(ParseResult pr) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof UncheckedIOException || e instanceof CommandLine.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
