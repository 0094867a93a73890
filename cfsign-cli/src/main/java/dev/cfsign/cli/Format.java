package dev.cfsign.cli;

/** {@code --format} of commands that print results. Lower-case constants: they are the values users type. */
enum Format {
    text,
    json
}
