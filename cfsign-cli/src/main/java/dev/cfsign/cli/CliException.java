package dev.cfsign.cli;

/**
 * A failure the CLI itself detects, with the exit code it maps to. The message is one sentence that says how to fix
 * the problem, and never contains key material or a signature.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static CliException config(String message) {
        return new CliException(ExitCodes.CONFIG, message);
    }

    static CliException invalid(String message) {
        return new CliException(ExitCodes.INVALID, message);
    }
}
