package io.techo.client.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;

/**
 * Dates and times on the command line: {@code 2026-12-31} (a whole day, UTC) or an RFC 3339 instant
 * ({@code 2026-12-31T18:00:00Z}). As an end of a period, a date means the end of that day.
 */
final class Times {

    private Times() {
    }

    /** The end of a period: a date covers that whole day. */
    static final class Until implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return parse(value, true);
        }
    }

    /** The start of a period: a date starts at its midnight. */
    static final class From implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return parse(value, false);
        }
    }

    static Instant parse(String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (2026-12-31) or an RFC 3339 UTC time (2026-12-31T18:00:00Z): " + value);
        }
    }
}
