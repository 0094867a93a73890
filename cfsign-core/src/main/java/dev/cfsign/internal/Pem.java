package dev.cfsign.internal;

import dev.cfsign.keys.KeyFormatException;
import dev.cfsign.keys.KeyFormatException.Reason;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds PEM blocks in text and decodes their bodies. Lenient about layout (any line length, CRLF, tabs, trailing
 * spaces, no line breaks at all, text before and after the blocks), strict about the base64 itself.
 * Messages name labels and line numbers, never body characters.
 */
final class Pem {
    private Pem() {}

    /** Words of capitals and digits with single separators: never runs into the dashes that close the line. */
    private static final String LABEL = "[A-Z0-9]{1,20}(?:[ _.#-][A-Z0-9]{1,20}){0,6}";
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN (" + Pem.LABEL + ")-----");
    private static final Pattern END = Pattern.compile("-----END (" + Pem.LABEL + ")-----");
    private static final Pattern DEK_INFO =
            Pattern.compile("DEK-Info:[ \\t]*([A-Za-z0-9-]{1,40})[ \\t]*,[ \\t]*([0-9A-Fa-f]{1,64})");

    /** One {@code BEGIN}/{@code END} block: its label, where it starts and its raw body. */
    static final class Block {
        final String label;
        final int line;
        final String body;

        Block(String label, int line, String body) {
            this.label = label;
            this.line = line;
            this.body = body;
        }

        /** Legacy OpenSSL encryption: a {@code Proc-Type: 4,ENCRYPTED} header inside the block. */
        boolean hasEncryptedHeader() {
            int i = body.indexOf("Proc-Type:");
            return i >= 0 && body.indexOf("ENCRYPTED", i) >= 0;
        }

        /** The {@code DEK-Info} cipher name and IV (hex), or {@code null}. */
        String[] dekInfo() {
            Matcher m = DEK_INFO.matcher(body);
            return m.find() ? new String[] {m.group(1), m.group(2)} : null;
        }

        String describe() {
            return "BEGIN " + label + " (line " + line + ")";
        }
    }

    static boolean containsPem(String text) {
        return text.contains("-----BEGIN ") || text.contains("-----END ");
    }

    /** All blocks, in order. A {@code BEGIN} without its {@code END} is {@link Reason#MALFORMED_BASE64}. */
    static List<Block> scan(String text) {
        List<Block> out = new ArrayList<>();
        Matcher b = BEGIN.matcher(text);
        int pos = 0;
        while (b.find(pos)) {
            String label = b.group(1).trim();
            int line = lineOf(text, b.start());
            Matcher e = END.matcher(text);
            if (!e.find(b.end())) {
                throw new KeyFormatException(Reason.MALFORMED_BASE64, "The PEM block BEGIN " + label + " (line " + line
                        + ") has no '-----END " + label + "-----' line: the value looks truncated. Copy the whole"
                        + " file, including the END line; in an environment variable keep the value on one line with"
                        + " literal \\n or quote it so nothing is cut at the first line break.");
            }
            Matcher nextBegin = BEGIN.matcher(text);
            if (nextBegin.find(b.end()) && nextBegin.start() < e.start()) {
                throw new KeyFormatException(Reason.MALFORMED_BASE64, "The PEM block BEGIN " + label + " (line " + line
                        + ") is not closed before the next BEGIN line (line " + lineOf(text, nextBegin.start())
                        + "): the block looks truncated. Copy the whole key, up to and including its END line.");
            }
            String endLabel = e.group(1).trim();
            if (!endLabel.equals(label)) {
                throw new KeyFormatException(Reason.MALFORMED_BASE64, "The PEM block BEGIN " + label + " (line " + line
                        + ") ends with END " + endLabel + " (line " + lineOf(text, e.start())
                        + "): the labels must match. The value was probably pasted from two files.");
            }
            out.add(new Block(label, line, text.substring(b.end(), e.start())));
            pos = e.end();
        }
        if (out.isEmpty()) {
            Matcher e = END.matcher(text);
            if (e.find()) {
                String label = e.group(1).trim();
                throw new KeyFormatException(Reason.MALFORMED_BASE64, "Found '-----END " + label + "-----' (line "
                        + lineOf(text, e.start()) + ") but no BEGIN line before it: the start of the value was cut."
                        + " Copy the whole PEM, starting with '-----BEGIN " + label + "-----'.");
            }
        }
        return out;
    }

    /** The body as bytes: headers dropped, all whitespace ignored, base64 checked strictly. */
    static byte[] decode(Block block) {
        String body = block.body;
        Matcher dek = DEK_INFO.matcher(body);
        if (body.contains("Proc-Type:") && dek.find()) {
            body = body.substring(dek.end());
        } else if (body.indexOf(':') >= 0) {
            // RFC 1421 headers: base64 never contains ':', so any line holding one is a header line.
            StringBuilder sb = new StringBuilder();
            for (String l : body.split("\n", -1)) {
                if (l.indexOf(':') < 0) {
                    sb.append(l).append('\n');
                }
            }
            body = sb.toString();
        }
        return base64(body, "The body of the PEM block " + block.describe(), block.line);
    }

    /**
     * Strict base64 of text that may contain whitespace anywhere.
     *
     * @param what the subject of the error sentence, e.g. "The body of the PEM block BEGIN PRIVATE KEY (line 1)"
     * @param firstLine the line number of the text's first line, for messages; 0 for none
     */
    static byte[] base64(String text, String what, int firstLine) {
        StringBuilder sb = new StringBuilder(text.length());
        int line = firstLine;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                continue;
            }
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/' || c == '=';
            if (!ok) {
                throw new KeyFormatException(Reason.MALFORMED_BASE64, what + " has " + describe(c)
                        + (firstLine > 0 ? " on line " + line : " at position " + i)
                        + ", which is not base64. Copy the key again from its source; in an environment variable, keep"
                        + " the line breaks as literal \\n.");
            }
            sb.append(c);
        }
        String s = sb.toString();
        if (s.isEmpty()) {
            throw new KeyFormatException(Reason.MALFORMED_BASE64, what + " is empty: the key text between the BEGIN"
                    + " and END lines is missing. Copy the whole key again.");
        }
        int pad = s.indexOf('=');
        if (pad >= 0 && pad < s.length() - 2 || pad >= 0 && !s.substring(pad).matches("=+")) {
            throw new KeyFormatException(Reason.MALFORMED_BASE64, what + " has '=' padding in the middle (character "
                    + (pad + 1) + " of " + s.length() + "): two keys were probably pasted together, or part of the"
                    + " value was cut out. Copy the key again.");
        }
        if (s.length() % 4 != 0) {
            throw new KeyFormatException(Reason.MALFORMED_BASE64, what + " has " + s.length()
                    + " base64 characters, not a multiple of 4: the value looks truncated (or lost characters when"
                    + " its line breaks were lost). Copy the whole key again.");
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) { // message would name a character; ours is enough
            throw new KeyFormatException(Reason.MALFORMED_BASE64, what + " is not valid base64 ("
                    + s.length() + " characters). Copy the key again.");
        }
    }

    /** A safe description of a character that is not base64 (so never key material). */
    static String describe(char c) {
        if (c > 0x20 && c < 0x7F) {
            return "a '" + c + "' character";
        }
        return "a character U+" + String.format("%04X", (int) c);
    }

    static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
