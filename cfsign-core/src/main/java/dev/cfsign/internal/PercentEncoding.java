package dev.cfsign.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The one percent-decoder: {@code %XX} escapes become bytes, read as UTF-8; anything else is kept as it is. */
public final class PercentEncoding {
    private PercentEncoding() {}

    public static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Decodes {@code %XX} escapes. Invalid UTF-8 becomes U+FFFD: the result is for reading values and for hints,
     * never for comparing with what was signed (CloudFront compares the encoded form).
     */
    public static String decode(String s) {
        return s.indexOf('%') < 0 ? s : bytes(s, false).toString(StandardCharsets.UTF_8);
    }

    /**
     * Decodes {@code %XX} escapes strictly, for rules that must not guess: null when a {@code %} is not followed by two
     * hex digits or the bytes are not UTF-8 (overlong forms and lone surrogates included).
     */
    public static String decodeStrictly(String s) {
        ByteArrayOutputStream out = bytes(s, true);
        if (out == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The bytes {@code s} stands for; a stray {@code %} or lone surrogate is kept, or gives null when strict. */
    private static ByteArrayOutputStream bytes(String s, boolean strict) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else if (c < 0x80) {
                if (c == '%' && strict) {
                    return null;
                }
                out.write(c);
            } else {
                int cp = s.codePointAt(i);
                if (strict && Character.isSurrogate(c) && Character.charCount(cp) == 1) {
                    return null;
                }
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp) - 1;
            }
        }
        return out;
    }

    /** True when every {@code %XX} in {@code raw} stands for a letter, digit, '-', '.', '_' or '~' (RFC 3986). */
    public static boolean encodesOnlyUnreserved(String raw) {
        for (int i = raw.indexOf('%'); i >= 0 && i + 2 < raw.length(); i = raw.indexOf('%', i + 1)) {
            if (!isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                return false;
            }
            int c = Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!unreserved) {
                return false;
            }
        }
        return true;
    }
}
