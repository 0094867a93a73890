package dev.cfsign;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of {@code .env} files, as the seed recipe writes them and {@code cfsign env} prints them:
 *
 * <ul>
 *   <li>{@code NAME=value} per line, optionally after {@code export}; spaces around {@code =} are allowed;
 *   <li>blank lines, and lines whose first non-blank character is {@code #}, are skipped; an unquoted value ends at
 *       {@code " #"} (a comment);
 *   <li>{@code "double quotes"} take the escapes {@code \n}, {@code \r}, {@code \t}, {@code \"}, {@code \\} and
 *       {@code \$} (so a one-line PEM with {@code \n} becomes the PEM), and may span lines;
 *       {@code 'single quotes'} are literal and may span lines;
 *   <li>LF or CRLF line ends; UTF-8.
 * </ul>
 *
 * <p>No {@code ${VAR}} expansion. Anything else — a line that is not an assignment, an unknown escape, an unclosed
 * quote, text after a closing quote, a name given twice — is a {@link ConfigurationException} naming the file, line
 * and variable; values are never repeated in messages.
 *
 * @since 0.1
 */
public final class Dotenv {
    private static final Pattern ASSIGNMENT =
            Pattern.compile("[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \\t]*=[ \\t]*(.*)", Pattern.DOTALL);

    private Dotenv() {}

    /**
     * Reads {@code file}.
     *
     * @return the variables in file order (unmodifiable)
     * @throws ConfigurationException for a line that breaks the syntax above
     * @throws IOException when the file cannot be read
     */
    public static Map<String, String> read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw problem(file.toString(), 0, null, "is not UTF-8 text");
        }
        return parse(text, file.toString());
    }

    /** Reads dotenv {@code text}; {@code source} names it in errors (a file name). */
    public static Map<String, String> parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = List.of(t.split("\n", -1));
        Map<String, String> vars = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        int i = 0;
        while (i < lines.size()) {
            int number = i + 1;
            String line = chomp(lines.get(i++));
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches()) {
                throw problem(source, number, null, "expected NAME=value (NAME of letters, digits and _, not starting"
                        + " with a digit)");
            }
            String name = m.group(1);
            String rest = m.group(2);
            String value;
            if (rest.startsWith("\"") || rest.startsWith("'")) {
                char q = rest.charAt(0);
                StringBuilder raw = new StringBuilder(rest.substring(1));
                int close = closingQuote(raw, q);
                while (close < 0 && i < lines.size()) {
                    raw.append('\n').append(chomp(lines.get(i++)));
                    close = closingQuote(raw, q);
                }
                if (close < 0) {
                    throw problem(source, number, name, "the " + (q == '"' ? "double" : "single") + " quote is never"
                            + " closed");
                }
                String after = raw.substring(close + 1).strip();
                if (!after.isEmpty() && !after.startsWith("#")) {
                    throw problem(source, number, name, "unexpected text after the closing quote (put the whole value"
                            + " in the quotes, or start a comment with ' #')");
                }
                String inner = raw.substring(0, close);
                value = q == '\'' ? inner : unescape(inner, source, number, name);
            } else {
                int hash = rest.indexOf(" #");
                int tab = rest.indexOf("\t#");
                int end = hash < 0 ? tab : tab < 0 ? hash : Math.min(hash, tab);
                value = (end < 0 ? rest : rest.substring(0, end)).strip();
                if (value.indexOf('"') >= 0 || value.indexOf('\'') >= 0) {
                    throw problem(source, number, name, "a quote inside an unquoted value: quote the whole value");
                }
            }
            Integer first = lineOf.putIfAbsent(name, number);
            if (first != null) {
                throw problem(source, number, name, "set twice (first on line " + first + "); keep one");
            }
            vars.put(name, value);
        }
        return Collections.unmodifiableMap(vars);
    }

    private static String chomp(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The index of the first unescaped {@code q} (backslash escapes count only in double quotes), or -1. */
    private static int closingQuote(CharSequence s, char q) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && q == '"') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s, String source, int line, String name) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = i + 1 < s.length() ? s.charAt(++i) : '\0';
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '"', '\\', '$' -> out.append(e);
                default -> throw problem(source, line, name, "unknown escape in double quotes (known: \\n \\r \\t"
                        + " \\\" \\\\ \\$); for a literal backslash write \\\\, or use single quotes");
            }
        }
        return out.toString();
    }

    private static ConfigurationException problem(String source, int line, String name, String message) {
        String where = source + (line > 0 ? " line " + line : "");
        return new ConfigurationException(List.of(new ConfigurationException.Problem(
                name == null ? where : name, (name == null ? "" : where + ": ") + message)));
    }
}
