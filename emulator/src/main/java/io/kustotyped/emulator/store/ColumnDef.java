package io.kustotyped.emulator.store;

import java.util.Objects;

/**
 * A table column: its (case-sensitive) name and type.
 *
 * @param name the column name
 * @param type the column type
 */
public record ColumnDef(String name, ScalarType type) {
    /** Checks both parts are present. */
    public ColumnDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
