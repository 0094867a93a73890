package dev.cfsign.internal;

import dev.cfsign.Remedy;
import dev.cfsign.keys.KeyFormatException.Reason;
import dev.cfsign.keys.KeyFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a key value as people store it (a file's text, or an environment variable holding the PEM on one line with
 * literal {@code \n}, in quotes, base64-encoded once more...) into either PEM text or DER bytes.
 * Recognises and refuses the usual mistakes: an empty value, a file path, a variable name, an SSH key.
 * Messages describe the value (its length, its first character, its extension); they never quote it.
 */
final class KeyText {
    private KeyText() {}

    /** PEM text or DER bytes, and how the value was found, for messages. */
    static final class Source {
        final String pem;
        final byte[] der;
        final String origin;

        private Source(String pem, byte[] der, String origin) {
            this.pem = pem;
            this.der = der;
            this.origin = origin;
        }
    }

    private static final Pattern ENV_NAME =
            Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*|\\$\\{[A-Za-z_][A-Za-z0-9_]*}|%[A-Za-z_][A-Za-z0-9_]*%");
    private static final Pattern BARE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern UPPER_NAME = Pattern.compile("[A-Z][A-Z0-9]*");
    private static final Pattern SSH_PUBLIC =
            Pattern.compile("(ssh-(rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp\\d+|sk-[a-z0-9@.-]+)\\s+AAAA[\\s\\S]*");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+=*");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+=*");

    /** "private key" or "public key". */
    static Source normalise(String raw, String what) {
        return normalise(raw, what, 0);
    }

    private static Source normalise(String raw, String what, int depth) {
        String origin = depth == 0 ? "The value" : "The base64-decoded value";
        if (raw == null) {
            throw new KeyFormatException(Reason.EMPTY, "No " + what + " was given (the value is null): if it comes"
                    + " from an environment variable, check that the variable is set in this process.");
        }
        String v = raw;
        if (!v.isEmpty() && v.charAt(0) == '\uFEFF') {
            v = v.substring(1);
        }
        v = v.strip();
        for (int i = 0; i < 2 && v.length() >= 2; i++) {
            char q = v.charAt(0);
            if ((q == '"' || q == '\'') && v.charAt(v.length() - 1) == q) {
                v = v.substring(1, v.length() - 1).strip();
            }
        }
        if (v.isEmpty() || v.equals("\"") || v.equals("'")) {
            throw new KeyFormatException(Reason.EMPTY, origin + " is empty or only whitespace/quotes: expected a "
                    + what + " in PEM ('-----BEGIN " + (what.startsWith("private") ? "PRIVATE" : "PUBLIC")
                    + " KEY-----'). If it comes from an environment variable or a secret, check that it is set.");
        }
        if (Pem.containsPem(v)) {
            return new Source(lineBreaks(unescape(v)), null, origin);
        }
        java.util.regex.Matcher ssh = SSH_PUBLIC.matcher(v);
        if (ssh.matches()) {
            throw new KeyFormatException(Reason.NOT_A_KEY, origin + " is an OpenSSH public key (it starts with '"
                    + ssh.group(1) + " AAAA'), not PEM. Convert it: ssh-keygen -e -m PKCS8 -f key.pub"
                    + " > public.pem" + (what.startsWith("private")
                    ? "; for signing you need the private key instead (ssh-keygen -p -m PEM -f key converts it)." : "."));
        }
        if (v.startsWith("---- BEGIN SSH2")) {
            throw new KeyFormatException(Reason.NOT_A_KEY, origin + " is an SSH2 (RFC 4716) key, not PEM."
                    + " Convert it: ssh-keygen -i -m PKCS8 -f key.pub > public.pem");
        }
        if (v.startsWith("PuTTY-User-Key-File")) {
            throw new KeyFormatException(Reason.NOT_A_KEY, origin + " is a PuTTY .ppk key, not PEM. Convert it:"
                    + " puttygen key.ppk -O private-openssl -o key.pem");
        }
        if (v.startsWith("{")) {
            throw new KeyFormatException(Reason.NOT_A_KEY, origin + " looks like JSON (a JWK or a secret document), not"
                    + " PEM. Pass the PEM text itself, e.g. the JSON field that holds '-----BEGIN ...-----'.");
        }
        String compact = unescape(v).replaceAll("\\s+", "");
        boolean b64 = BASE64.matcher(compact).matches();
        boolean b64url = !b64 && BASE64URL.matcher(compact).matches() && compact.length() >= 64;
        if ((b64 || b64url) && compact.length() >= 64) {
            if (depth > 0) {
                throw new KeyFormatException(Reason.NOT_A_KEY, origin + " is base64 again (" + compact.length()
                        + " characters): only one extra layer of base64 around the PEM or DER is undone. Store the"
                        + " PEM text itself (with literal \\n for line breaks) or base64 it once.");
            }
            byte[] bytes;
            if (b64) {
                bytes = Pem.base64(compact, origin + " (" + compact.length() + " base64 characters)", 0);
            } else {
                try {
                    bytes = Base64.getUrlDecoder().decode(compact);
                } catch (IllegalArgumentException e) {
                    throw new KeyFormatException(Reason.MALFORMED_BASE64, origin + " looks like base64url ("
                            + compact.length() + " characters) but does not decode: it looks truncated.");
                }
            }
            String asText = new String(bytes, StandardCharsets.ISO_8859_1);
            if (Pem.containsPem(asText)) {
                return normalise(new String(bytes, StandardCharsets.UTF_8), what, depth + 1);
            }
            if (bytes.length > 0 && bytes[0] == 0x30) {
                return new Source(null, bytes, origin + " (base64 of DER)");
            }
            throw new KeyFormatException(Reason.NOT_A_KEY, origin + " is base64 (" + compact.length() + " characters)"
                    + " but decodes to " + bytes.length + " bytes that are neither PEM text nor a DER key. Expected a "
                    + what + " as PEM ('-----BEGIN ...-----'), or that PEM or its DER base64-encoded once.");
        }
        if (v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            String path = pathHint(v);
            if (path != null) {
                throw new KeyFormatException(Reason.LOOKS_LIKE_PATH, origin + " looks like a file path (" + path
                        + "), not key text.", what.startsWith("private") ? Remedy.LOAD_PRIVATE_KEY_FILE
                        : Remedy.LOAD_PUBLIC_KEY_FILE);
            }
            String env = envHint(v);
            if (env != null) {
                throw new KeyFormatException(Reason.LOOKS_LIKE_ENV_NAME, origin + " looks like the name of an"
                        + " environment variable (" + env + "), not its value.", Remedy.READ_ENVIRONMENT_VARIABLE);
            }
        }
        if (b64 || b64url) {
            throw new KeyFormatException(Reason.NOT_A_KEY, origin + " is " + compact.length() + " characters of"
                    + " base64, far too short for a " + what + ". Expected PEM ('-----BEGIN ...-----') or its base64.");
        }
        throw new KeyFormatException(Reason.NOT_A_KEY, origin + " (" + v.length() + " characters) holds no PEM block:"
                + " expected a " + what + " starting with '-----BEGIN " + (what.startsWith("private") ? "PRIVATE"
                : "PUBLIC") + " KEY-----' (or RSA/EC variants), that PEM base64-encoded once, or DER.");
    }

    /** Literal escape sequences as environment files and JSON store them: {@code \n}, {@code \r}, {@code \t}, {@code \/}. */
    static String unescape(String v) {
        if (v.indexOf('\\') < 0) {
            return v;
        }
        return v.replaceAll("\\\\+n", "\n").replaceAll("\\\\+r", "\r").replaceAll("\\\\+t", "\t")
                .replaceAll("\\\\+/", "/");
    }

    static String lineBreaks(String v) {
        return v.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** A safe description of why {@code v} looks like a path, or {@code null}. */
    static String pathHint(String v) {
        if (v.length() > 512) {
            return null;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        String ext = null;
        for (String e : new String[] {".pem", ".key", ".der", ".p8", ".pk8", ".crt", ".cer", ".pub", ".p12", ".pfx"}) {
            if (lower.endsWith(e)) {
                ext = e;
            }
        }
        String start = null;
        if (lower.startsWith("file:")) {
            start = "'file:'";
        } else if (lower.matches("[a-z]:[\\\\/].*")) {
            start = "a drive letter";
        } else if (v.startsWith("~/") || v.startsWith("./") || v.startsWith("../") || v.startsWith("\\\\")
                || v.startsWith("~\\") || v.startsWith(".\\")) {
            start = "'" + v.substring(0, v.startsWith("../") ? 3 : 2) + "'";
        } else if (v.startsWith("/") && v.indexOf('/', 1) > 0 && !BASE64.matcher(v).matches()) {
            start = "'/'";
        }
        if (ext == null && start == null) {
            return null;
        }
        return start != null && ext != null ? "it starts with " + start + " and ends in '" + ext + "'"
                : start != null ? "it starts with " + start : "it ends in '" + ext + "'";
    }

    /** A safe description of why {@code v} looks like a variable name, or {@code null}. */
    static String envHint(String v) {
        if (v.length() > 128) {
            return null;
        }
        if (ENV_NAME.matcher(v).matches()) {
            return "it is written " + (v.startsWith("${") ? "${...}" : v.startsWith("%") ? "%...%" : "$...");
        }
        if (BARE_NAME.matcher(v).matches() && v.indexOf('_') >= 0) {
            return v.length() + " characters of letters, digits and '_'";
        }
        if (UPPER_NAME.matcher(v).matches() && v.length() <= 40) {
            return v.length() + " capital letters and digits";
        }
        return null;
    }
}
