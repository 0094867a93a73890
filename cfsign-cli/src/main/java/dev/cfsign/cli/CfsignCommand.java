package dev.cfsign.cli;

import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code cfsign}: CloudFront signed URLs and cookies from the command line.
 *
 * <p>{@link #main} only runs the command built by {@link #commandLine(Map, InputStream)}, which tests use too.
 * Command objects are mutable and live for one run; they are not thread-safe.
 */
@Command(name = "cfsign",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"CloudFront signed URLs and cookies: sign, inspect, and set up keys.",
            "Keys come from a file (--private-key FILE, or - for stdin), a named variable (--private-key-env NAME)"
                + " or the AWS_CLOUDFRONT_* environment; never from the command line itself."},
        subcommands = {
            SignCommand.class,
            CookiesCommand.class,
            PolicyCommand.class,
            InspectCommand.class,
            VerifyCommand.class,
            ExplainCommand.class,
            EnvCommand.class,
            KeygenCommand.class,
            CommandLine.HelpCommand.class
        },
        sortOptions = false)
public final class CfsignCommand implements Runnable {
    /** Environment variable that fixes the clock, like the hidden {@code --now} option (for golden tests). */
    static final String NOW_ENV = "CFSIGN_NOW";

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On errors, also print the exception class and cause chain (never key material).")
    boolean debug;

    @Option(names = "--now", hidden = true, scope = ScopeType.INHERIT, paramLabel = "INSTANT",
            converter = NowConverter.class, description = "Fix the clock (ISO-8601 or epoch seconds), for tests.")
    Instant now;

    private final Context context;

    CfsignCommand(Context context) {
        this.context = context;
    }

    /** The real program: only runs the command and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), System.in).execute(args));
    }

    /**
     * Builds the configured command line: exception handler, exit-code mapper, exit codes in every help page, and
     * the {@code completion} subcommand. {@code env} and {@code stdin} are what commands read instead of
     * {@code System.getenv()} and {@code System.in}.
     */
    public static CommandLine commandLine(Map<String, String> env, InputStream stdin) {
        return commandLine(new Context(env, stdin, System.console() != null));
    }

    static CommandLine commandLine(Context context) {
        CommandLine cl = new CommandLine(new CfsignCommand(context));
        CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
        completion.getCommandSpec().usageMessage()
                .description("Print a bash/zsh completion script: source <(cfsign completion)");
        cl.addSubcommand("completion", completion);
        ErrorHandler errors = new ErrorHandler();
        cl.setExecutionExceptionHandler(errors);
        cl.setExitCodeExceptionMapper(errors);
        cl.setParameterExceptionHandler(errors);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : ExitCodes.HELP_LIST) {
            int colon = line.indexOf(':');
            codes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        applyExitCodes(cl, codes);
        return cl;
    }

    private static void applyExitCodes(CommandLine cl, Map<String, String> codes) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        for (CommandLine sub : cl.getSubcommands().values()) {
            applyExitCodes(sub, codes);
        }
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give one of sign, cookies,"
                + " policy, inspect, verify, explain, env, keygen, completion (cfsign help COMMAND explains each).");
    }

    Context context() {
        return context;
    }

    /** The fixed instant of {@code --now} or {@code CFSIGN_NOW}, or {@code null} for the system clock. */
    Instant fixedNow() {
        if (now != null) {
            return now;
        }
        String env = context.env().get(NOW_ENV);
        if (env == null || env.isBlank()) {
            return null;
        }
        try {
            return TimeSpec.parseInstant(env);
        } catch (CommandLine.TypeConversionException e) {
            throw new ParameterException(spec.commandLine(), NOW_ENV + ": " + e.getMessage());
        }
    }

    static final class NowConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return TimeSpec.parseInstant(value);
        }
    }
}
