package dev.cfsign.internal;

import dev.cfsign.Remedy;
import dev.cfsign.SigningException.Reason;
import dev.cfsign.SigningException;
import java.time.Instant;

/** Shared preconditions with messages that name the rule and the fix. */
public final class Checks {
    private Checks() {}

    /** CloudFront reads epochs as 32-bit integers: 2147483647 is 2038-01-19T03:14:07Z. */
    public static final long MAX_EPOCH = 2147483647L;

    public static void requireExpiration(Instant expiresAt) {
        if (expiresAt == null) {
            throw new SigningException(Reason.MISSING_EXPIRATION,
                    "An expiration date is required (DateLessThan): set when the signed URL or cookies stop working.");
        }
        requireEpochInRange(expiresAt, "expiration date (DateLessThan)");
    }

    public static void requireEpochInRange(Instant t, String what) {
        long s = t.getEpochSecond();
        if (s < 0 || s > MAX_EPOCH) {
            throw new SigningException(Reason.EPOCH_OUT_OF_RANGE, "The " + what + " " + t
                    + " is outside CloudFront's range: epoch seconds must be 0 to 2147483647 (2038-01-19T03:14:07Z).");
        }
    }

    /** A resource must be printable ASCII without spaces: CloudFront compares it with the percent-encoded request. */
    public static void requireResource(String resource, String what) {
        if (resource == null || resource.isEmpty()) {
            throw new SigningException(Reason.INVALID_RESOURCE, "The " + what + " is empty: give the URL or pattern to grant.");
        }
        for (int i = 0; i < resource.length(); i++) {
            char c = resource.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new SigningException(Reason.INVALID_RESOURCE, "The " + what + " has "
                        + describe(c) + " at position " + i + ": CloudFront matches the percent-encoded URL, so"
                        + " percent-encode it first (a space is %20, 'é' is %C3%A9).", Remedy.ENCODE_OBJECT_KEY);
            }
        }
    }

    public static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c < 0x20 || c == 0x7f) {
            return "a control character (U+" + String.format("%04X", (int) c) + ")";
        }
        if (c > 0x7f) {
            return "a non-ASCII character (U+" + String.format("%04X", (int) c) + ")";
        }
        return "the character '" + c + "'";
    }

    /**
     * A key pair ID as CloudFront shows it ({@link KeyPairIds}). Refuses the usual mix-ups, saying what was given.
     */
    public static String requireKeyPairId(String id) {
        if (id == null || id.isBlank()) {
            throw new SigningException(Reason.INVALID_KEY_PAIR_ID, "The key pair ID is empty: give the ID CloudFront shows"
                    + " for the public key (Public keys page), e.g. K2JCJMDEHXQW5F.");
        }
        String v = id.strip();
        KeyPairIds.LookAlike like = KeyPairIds.lookAlike(v).orElse(null);
        if (like == KeyPairIds.LookAlike.PEM_KEY) {
            throw new SigningException(Reason.INVALID_KEY_PAIR_ID, "The key pair ID looks like a key, not an ID: give the"
                    + " ID CloudFront assigned to the uploaded public key (e.g. K2JCJMDEHXQW5F), not the key itself.");
        }
        if (like != null) {
            throw new SigningException(Reason.INVALID_KEY_PAIR_ID, "The key pair ID '" + KeyPairIds.forMessage(v)
                    + "' looks like " + like.what() + ": give " + like.instead() + " (e.g. K2JCJMDEHXQW5F).");
        }
        if (!KeyPairIds.isWellFormed(v)) {
            throw new SigningException(Reason.INVALID_KEY_PAIR_ID, "The key pair ID may contain only letters, digits,"
                    + " '_' and '-' (CloudFront IDs look like K2JCJMDEHXQW5F or APKAEIBAERJR2EXAMPLE).");
        }
        return v;
    }
}
