package dev.cfsign.internal;

import java.util.Optional;

/**
 * The one rule for key pair ID syntax, and the things people paste instead of one. CloudFront public key IDs look
 * like {@code K2JCJMDEHXQW5F}, legacy key pair IDs like {@code APKAEIBAERJR2EXAMPLE} (docs/cloudfront-rules.md
 * §1.1).
 */
public final class KeyPairIds {
    private KeyPairIds() {}

    /** The longest ID accepted; anything longer is taken for a pasted key. */
    public static final int MAX_LENGTH = 128;

    /** What a value that is not a key pair ID looks like, with the words to tell the user. */
    public enum LookAlike {
        PEM_KEY("a key, not a key ID", "the ID CloudFront assigned to the uploaded public key"),
        ACCOUNT_ID("an AWS account ID", "the ID of the CloudFront public key"),
        KEY_GROUP_ID("a key group ID", "the ID of a public key inside the key group"),
        DISTRIBUTION_ID("a CloudFront distribution ID", "the ID of a public key in a key group the distribution trusts");

        private final String what;
        private final String instead;

        LookAlike(String what, String instead) {
            this.what = what;
            this.instead = instead;
        }

        /** "an AWS account ID" */
        public String what() {
            return what;
        }

        /** What to give instead, without an example. */
        public String instead() {
            return instead;
        }
    }

    /** What {@code id} is instead of a key pair ID, if it is one of the usual mix-ups. */
    public static Optional<LookAlike> lookAlike(String id) {
        if (id.contains("BEGIN") || id.startsWith("MII") || id.length() > MAX_LENGTH) {
            return Optional.of(LookAlike.PEM_KEY);
        }
        if (id.length() == 12 && all(id, 0, 12, "0123456789")) {
            return Optional.of(LookAlike.ACCOUNT_ID);
        }
        if (isUuid(id)) {
            return Optional.of(LookAlike.KEY_GROUP_ID);
        }
        if ((id.length() == 13 || id.length() == 14) && id.charAt(0) == 'E'
                && all(id, 1, id.length(), "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")) {
            return Optional.of(LookAlike.DISTRIBUTION_ID);
        }
        return Optional.empty();
    }

    /** Letters, digits, {@code _} and {@code -}, 1 to {@link #MAX_LENGTH} characters. */
    public static boolean isWellFormed(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** An ID for messages: itself when well-formed and short, otherwise described (it may be a pasted PEM). */
    public static String forMessage(String id) {
        if (id.length() > 64) {
            return "(a " + id.length() + "-character value)";
        }
        return isWellFormed(id) ? id : "(a " + id.length() + "-character value with unexpected characters)";
    }

    private static boolean isUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !PercentEncoding.isHex(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean all(String s, int from, int to, String allowed) {
        for (int i = from; i < to; i++) {
            if (allowed.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
