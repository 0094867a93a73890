package dev.cfsign.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Map;

/**
 * Writers for stdout and stderr in the terminal's charset. Where it cannot show a character (a C or POSIX locale is
 * ASCII), the typographic ones cfsign writes get an ASCII stand-in ({@code →} becomes {@code ->}) instead of the
 * JVM's {@code ?}.
 */
final class ConsoleText {
    private static final Map<Character, String> ASCII = Map.of('→', "->", '…', "...", '—', "-", '–', "-", '‘', "'",
            '’', "'", '“', "\"", '”', "\"", 'é', "e", '·', ".");

    private ConsoleText() {}

    /** The charset the JVM writes {@code System.out} in: Java 18+ says so; Java 17 uses the locale's default. */
    static Charset consoleCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null) {
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    // fall through to the default
                }
            }
        }
        return Charset.defaultCharset();
    }

    /** An auto-flushing writer to {@code out} in {@code charset}, with ASCII stand-ins for what it cannot encode. */
    static PrintWriter writer(OutputStream out, Charset charset) {
        Writer w = new OutputStreamWriter(out, charset);
        CharsetEncoder encoder = charset.newEncoder();
        return new PrintWriter(encoder.canEncode('→') ? w : new Fallback(w, encoder), true);
    }

    /** {@code text} with ASCII stand-ins (or {@code ?}) for the characters {@code encoder} cannot encode. */
    static String fallback(String text, CharsetEncoder encoder) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(encoder.canEncode(c) ? String.valueOf(c) : ASCII.getOrDefault(c, "?"));
        }
        return sb.toString();
    }

    private static final class Fallback extends FilterWriter {
        private final CharsetEncoder encoder;

        Fallback(Writer out, CharsetEncoder encoder) {
            super(out);
            this.encoder = encoder;
        }

        @Override
        public void write(int c) throws IOException {
            out.write(fallback(String.valueOf((char) c), encoder));
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            out.write(fallback(new String(buf, off, len), encoder));
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            out.write(fallback(str.substring(off, off + len), encoder));
        }
    }
}
