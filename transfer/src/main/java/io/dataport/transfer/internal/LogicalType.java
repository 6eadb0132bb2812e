package io.dataport.transfer.internal;

import java.util.Locale;

/**
 * A column type independent of the database: what a source declared type means, and what the target type is
 * written from.
 *
 * @param kind      the kind of value
 * @param length    the maximum length of a {@code CHAR} or {@code VARCHAR}, else 0
 * @param precision the precision of a {@code DECIMAL}, 0 when unconstrained
 * @param scale     the scale of a {@code DECIMAL}
 */
record LogicalType(Kind kind, int length, int precision, int scale) {

    /** The kinds of values a transfer knows how to move and verify. */
    enum Kind {
        SMALLINT, INTEGER, BIGINT, DECIMAL, DOUBLE, BOOLEAN, CHAR, VARCHAR, TEXT, DATE, TIME, TIMESTAMP,
        TIMESTAMPTZ, BLOB, UUID, JSON;

        boolean isInteger() {
            return this == SMALLINT || this == INTEGER || this == BIGINT;
        }

        boolean isTemporal() {
            return this == DATE || this == TIME || this == TIMESTAMP || this == TIMESTAMPTZ;
        }
    }

    static LogicalType of(Kind kind) {
        return new LogicalType(kind, 0, 0, 0);
    }

    static LogicalType sized(Kind kind, int length) {
        return new LogicalType(kind, length, 0, 0);
    }

    static LogicalType decimal(int precision, int scale) {
        return new LogicalType(Kind.DECIMAL, 0, precision, scale);
    }

    /** How the type reads in messages, in standard SQL whichever the databases: {@code numeric(10,2)}. */
    String describe() {
        if (kind == Kind.DECIMAL) {
            return precision > 0 ? "numeric(" + precision + "," + scale + ")" : "numeric";
        }
        String name = kind.name().toLowerCase(Locale.ROOT);
        return length > 0 ? name + "(" + length + ")" : name;
    }
}
