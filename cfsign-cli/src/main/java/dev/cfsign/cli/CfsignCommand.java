package dev.cfsign.cli;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
 * <p>{@link Main} runs the command built by {@link #commandLine(Map, InputStream, String...)}, which tests use
 * too. Command objects are mutable and live for one run; they are not thread-safe.
 *
 * <p>Subcommands are added in code, not in {@code @Command(subcommands = …)}: picocli builds every registered
 * command's model by reflection before parsing, which was most of a one-URL {@code sign}'s start-up. When the
 * arguments name a subcommand, only that one is registered (see BENCHMARKS.md, "CLI start-up").
 */
@Command(name = "cfsign",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"CloudFront signed URLs and cookies: sign, inspect, set up keys, and run a local edge.",
            "Keys come from a file (--private-key FILE, or - for stdin), a named variable (--private-key-env NAME)"
                + " or the AWS_CLOUDFRONT_* environment; never from the command line itself."},
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

    /** The subcommands in help order; {@code help} and {@code completion} follow them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("sign", SignCommand::new);
        SUBCOMMANDS.put("cookies", CookiesCommand::new);
        SUBCOMMANDS.put("policy", PolicyCommand::new);
        SUBCOMMANDS.put("playlist", PlaylistCommand::new);
        SUBCOMMANDS.put("inspect", InspectCommand::new);
        SUBCOMMANDS.put("verify", VerifyCommand::new);
        SUBCOMMANDS.put("explain", ExplainCommand::new);
        SUBCOMMANDS.put("env", EnvCommand::new);
        SUBCOMMANDS.put("keygen", KeygenCommand::new);
        SUBCOMMANDS.put("serve", ServeCommand::new);
        SUBCOMMANDS.put("demo", DemoCommand::new);
    }

    private final Context context;

    CfsignCommand(Context context) {
        this.context = context;
    }

    /** The real program, as {@link Main#main} runs it. */
    public static void main(String[] args) {
        Main.main(args);
    }

    /** Runs the command for {@code args} and exits with its code. */
    static void runAndExit(Context context, String... args) {
        CommandLine cl = commandLine(context, args);
        Charset charset = ConsoleText.consoleCharset();
        cl.setOut(ConsoleText.writer(System.out, charset));
        cl.setErr(ConsoleText.writer(System.err, charset));
        System.exit(cl.execute(args));
    }

    /**
     * Builds the configured command line for {@code args}: exception handler, exit-code mapper, exit codes in every
     * help page. {@code env} and {@code stdin} are what commands read instead of {@code System.getenv()} and
     * {@code System.in}. When {@code args} name a subcommand, only it is registered; otherwise (no arguments,
     * {@code --help}, {@code help}, {@code completion}, a misspelt command) all of them are, with {@code help} and
     * {@code completion}.
     */
    public static CommandLine commandLine(Map<String, String> env, InputStream stdin, String... args) {
        return commandLine(new Context(env, stdin, System.console() != null), args);
    }

    static CommandLine commandLine(Context context, String... args) {
        CommandLine cl = new CommandLine(new CfsignCommand(context));
        String only = subcommandNamedBy(args);
        if (only != null) {
            cl.addSubcommand(SUBCOMMANDS.get(only).get());
        } else {
            for (Supplier<Object> command : SUBCOMMANDS.values()) {
                cl.addSubcommand(command.get());
            }
            cl.addSubcommand(new CommandLine.HelpCommand());
            CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
            completion.getCommandSpec().name("completion").usageMessage()
                    .description("Print a bash/zsh completion script.", "Load it with: source <(cfsign completion)");
            cl.addSubcommand("completion", completion);
        }
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

    /**
     * The subcommand {@code args} run, when it is one of {@link #SUBCOMMANDS}: the first argument that is not one of
     * the top-level options {@code --debug} and {@code --now INSTANT}. Anything else (help, version, an unknown
     * option or command) returns {@code null}, so picocli sees every command and answers exactly as before.
     */
    static String subcommandNamedBy(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--debug") || a.startsWith("--now=")) {
                continue;
            }
            if (a.equals("--now")) {
                i++;
                continue;
            }
            return SUBCOMMANDS.containsKey(a) ? a : null;
        }
        return null;
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
                + " policy, inspect, verify, explain, env, keygen, serve, demo, completion (cfsign help COMMAND explains each).");
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
