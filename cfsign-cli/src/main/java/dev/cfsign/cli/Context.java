package dev.cfsign.cli;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * What a run reads from its surroundings: the environment, standard input, and whether a terminal is attached
 * (for progress bars). Injected so tests never touch the real process.
 */
record Context(Map<String, String> env, InputStream stdin, boolean interactive) {
    Context {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(stdin, "stdin");
    }

    /** The same run with another environment (an {@code --env-file}'s). */
    Context withEnv(Map<String, String> newEnv) {
        return new Context(newEnv, stdin, interactive);
    }
}
