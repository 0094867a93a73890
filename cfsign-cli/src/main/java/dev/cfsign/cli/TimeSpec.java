package dev.cfsign.cli;

import dev.cfsign.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A point in time as typed on the command line: relative to now (a duration in core's one grammar,
 * {@link Durations}: {@code 20d}, {@code 12h}, {@code 1h30m}; a leading {@code -} for the past), an ISO-8601 instant
 * ({@code 2026-01-01T18:00:00Z}, or with an offset, or a date meaning midnight UTC) or epoch seconds.
 *
 * <p>Epoch values of 13 or more digits are refused: they are milliseconds (or finer), the classic cause of
 * {@code MalformedPolicy} (SPEC §4.5).
 */
final class TimeSpec {
    private final Instant absolute;
    private final Duration relative;
    private final String text;

    private TimeSpec(Instant absolute, Duration relative, String text) {
        this.absolute = absolute;
        this.relative = relative;
        this.text = text;
    }

    /** Resolves against {@code now} (the command's clock). */
    Instant resolve(Instant now) {
        return absolute != null ? absolute : now.plus(relative);
    }

    boolean isRelative() {
        return relative != null;
    }

    @Override
    public String toString() {
        return text;
    }

    static TimeSpec parse(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            throw new TypeConversionException("empty time: use 20d, 12h, 30m, 45s, an ISO-8601 instant"
                    + " (2026-01-01T18:00:00Z) or epoch seconds");
        }
        boolean past = v.startsWith("-");
        String magnitude = past ? v.substring(1) : v;
        if (!magnitude.matches("[0-9]+") && Durations.isDuration(magnitude)) {
            Duration d = Durations.parse(magnitude);
            return new TimeSpec(null, past ? d.negated() : d, v);
        }
        if (v.matches("[0-9]+")) {
            if (v.length() >= 13) {
                String hint = v.length() == 13
                        ? " Divide by 1000: " + v.substring(0, 10) + "."
                        : "";
                throw new TypeConversionException("'" + v + "' has " + v.length() + " digits: that looks like"
                        + " milliseconds (or finer), but CloudFront epochs are seconds (10 digits)." + hint);
            }
            long seconds = Long.parseLong(v);
            if (seconds < 1_000_000_000L) {
                throw new TypeConversionException("'" + v + "' is read as epoch seconds (" + Instant.ofEpochSecond(seconds)
                        + "), which is long past. For a duration add a unit: " + v + "s, or use 30m, 12h, 20d.");
            }
            return new TimeSpec(Instant.ofEpochSecond(seconds), null, v);
        }
        try {
            return new TimeSpec(Instant.parse(v), null, v);
        } catch (DateTimeParseException ignored) {
            // try the other ISO forms
        }
        try {
            return new TimeSpec(OffsetDateTime.parse(v).toInstant(), null, v);
        } catch (DateTimeParseException ignored) {
            // try a plain date
        }
        try {
            return new TimeSpec(LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant(), null, v);
        } catch (DateTimeParseException ignored) {
            // fall through to the error
        }
        throw new TypeConversionException("'" + shorten(v) + "' is not a time: use a duration from now (20d, 12h, 30m,"
                + " 45s, 1h30m, -5m), an ISO-8601 instant (2026-01-01T18:00:00Z) or epoch seconds (1767290400).");
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    /** picocli converter for {@code --expires}, {@code --starts}. */
    static final class Converter implements ITypeConverter<TimeSpec> {
        @Override
        public TimeSpec convert(String value) {
            return parse(value);
        }
    }

    /** picocli converter for options that take a length of time ({@code --max-age}, {@code serve --idle-timeout}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses an instant for {@code --now} / {@code CFSIGN_NOW}: ISO-8601 or epoch seconds, never relative. */
    static Instant parseInstant(String value) {
        TimeSpec t = parse(value);
        if (t.isRelative()) {
            throw new TypeConversionException("'" + value + "' is relative; give an ISO-8601 instant or epoch seconds");
        }
        return t.absolute;
    }

    /** Short human form of the distance between two instants: "in 19d 23h", "2h 5m ago". */
    static String relativeTo(Instant t, Instant now) {
        Duration d = Duration.between(now, t);
        boolean past = d.isNegative();
        Duration a = d.abs();
        long days = a.toDays();
        long hours = a.toHoursPart();
        long minutes = a.toMinutesPart();
        long seconds = a.toSecondsPart();
        String s;
        if (days > 0) {
            s = days + "d" + (hours > 0 ? " " + hours + "h" : "");
        } else if (hours > 0) {
            s = hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        } else if (minutes > 0) {
            s = minutes + "m" + (seconds > 0 ? " " + seconds + "s" : "");
        } else {
            s = seconds + "s";
        }
        return past ? s + " ago" : "in " + s;
    }
}
