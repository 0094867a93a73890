package dev.cfsign.cli;

import java.time.Clock;

/**
 * The jar's entry point: {@code sign URL…} by {@link SignFastPath} when it can, else the full {@link CfsignCommand}.
 * A class of its own because loading {@code CfsignCommand} pulls in picocli's {@code CommandLine} (most of a plain
 * signing run's start-up), even when it then goes unused.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Context context = new Context(System.getenv(), System.in, System.console() != null);
        String signed = SignFastPath.run(context, Clock.systemUTC(), args);
        if (signed == null) {
            CfsignCommand.runAndExit(context, args);
            return;
        }
        System.out.print(signed);
        System.out.flush();
        System.exit(System.out.checkError() ? ExitCodes.IO : ExitCodes.OK);
    }
}
