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
}
