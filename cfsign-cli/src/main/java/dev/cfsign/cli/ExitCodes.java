package dev.cfsign.cli;

/**
 * The exit codes of {@code cfsign}, listed in {@code --help}.
 *
 * <p>Library {@code SigningException}s about the input (a URL that cannot be signed as given, an expiry in the past,
 * a bad IP range, a bad line in bulk mode) are {@link #INVALID}: the command line was well formed, but what it asked
 * for cannot be signed. Option values that cannot even be read (an unknown duration unit, a millisecond epoch, an
 * unknown hash name) are {@link #USAGE}, reported by picocli before anything runs.
 */
public final class ExitCodes {
    /** Success; for {@code verify}, the request is allowed. */
    public static final int OK = 0;
    /** Denied or invalid: the input cannot be signed, or a signature does not verify. */
    public static final int INVALID = 1;
    /** Usage error: unknown option, missing argument, unreadable option value. */
    public static final int USAGE = 2;
    /** Key or configuration error: unreadable key, mismatched pair, missing or wrong AWS_CLOUDFRONT_* variable. */
    public static final int CONFIG = 3;
    /** I/O error: a file cannot be read or written, or would be overwritten without --force. */
    public static final int IO = 4;

    private ExitCodes() {}

    /** The lines picocli shows under "Exit codes:" in every command's help. */
    static final String[] HELP_LIST = {
        "0:Success (for verify: the request is allowed).",
        "1:Denied or invalid: the input cannot be signed or does not verify.",
        "2:Usage error: unknown option, missing or unreadable value.",
        "3:Key or configuration error (key file, AWS_CLOUDFRONT_* variables).",
        "4:I/O error: a file cannot be read or written.",
    };
}
