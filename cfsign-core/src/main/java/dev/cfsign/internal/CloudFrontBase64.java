package dev.cfsign.internal;

import java.util.Base64;

/**
 * CloudFront's URL-safe base64: standard base64 with padding, then {@code +}→{@code -}, {@code =}→{@code _},
 * {@code /}→{@code ~}. Not RFC 4648 base64url, which maps {@code /} to {@code _}.
 */
public final class CloudFrontBase64 {
    private CloudFrontBase64() {}

    public static String encode(byte[] data) {
        byte[] b = Base64.getEncoder().encode(data);
        for (int i = 0; i < b.length; i++) {
            switch (b[i]) {
                case '+': b[i] = '-'; break;
                case '=': b[i] = '_'; break;
                case '/': b[i] = '~'; break;
                default: break;
            }
        }
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Decodes CloudFront base64, strictly: only {@code A-Z a-z 0-9 - _ ~}, padded to a multiple of four.
     *
     * @throws IllegalArgumentException when the text is not CloudFront base64
     */
    public static byte[] decode(String text) {
        int n = text.length();
        if (n == 0 || n % 4 != 0) {
            throw new IllegalArgumentException("length " + n + " is not a positive multiple of 4");
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b[i] = (byte) c;
            } else if (c == '-') {
                b[i] = '+';
            } else if (c == '_') {
                b[i] = '=';
            } else if (c == '~') {
                b[i] = '/';
            } else {
                throw new IllegalArgumentException("character at position " + i + " is outside the CloudFront base64 alphabet");
            }
        }
        return Base64.getDecoder().decode(b);
    }
}
