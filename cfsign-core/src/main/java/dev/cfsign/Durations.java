package dev.cfsign;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cfsign's one duration grammar, for every option and configuration key that takes a length of time
 * ({@code --expires 1h}, {@code --max-age 20d}, {@code serve --idle-timeout 1h}, {@code clock-skew = 30s}): one or
 * more number-and-unit parts with units {@code d}, {@code h}, {@code m}, {@code s} and {@code ms}, largest first and
 * each at most once ({@code 20d}, {@code 1h30m}, {@code 500ms}), or ISO-8601 ({@code PT30S}). A bare number is
 * refused: {@code 30} could be seconds, minutes or an epoch.
 *
 * @since 0.1
 */
public final class Durations {
    /** The grammar in words, for error messages. */
    public static final String FORMS = "a number with a unit: 20d, 12h, 30m, 45s, 500ms, or combined: 1h30m;"
            + " or ISO-8601 (PT30S)";

    private static final Pattern UNITS = Pattern.compile(
            "(?:([0-9]{1,9})d)?(?:([0-9]{1,9})h)?(?:([0-9]{1,9})m(?!s))?(?:([0-9]{1,9})s)?(?:([0-9]{1,9})ms)?");

    private Durations() {}

    /** Whether {@code text} is in the grammar (non-negative; no sign). */
    public static boolean isDuration(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Reads a non-negative duration.
     *
     * @throws IllegalArgumentException naming the accepted forms (the value is repeated only when short)
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        String v = text.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty duration: use " + FORMS);
        }
        if (v.matches("[0-9]+")) {
            throw new IllegalArgumentException("'" + shorten(v) + "' has no unit: write " + v + "s for seconds ("
                    + FORMS + ")");
        }
        if (v.charAt(0) == 'P' || v.charAt(0) == 'p') {
            try {
                Duration d = Duration.parse(v.toUpperCase(Locale.ROOT));
                if (!d.isNegative()) {
                    return d;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
        } else {
            Matcher m = UNITS.matcher(v.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                return Duration.ofDays(part(m, 1)).plusHours(part(m, 2)).plusMinutes(part(m, 3))
                        .plusSeconds(part(m, 4)).plusMillis(part(m, 5));
            }
        }
        throw new IllegalArgumentException("'" + shorten(v) + "' is not a duration: use " + FORMS);
    }

    private static long part(Matcher m, int group) {
        String g = m.group(group);
        return g == null ? 0 : Long.parseLong(g);
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
