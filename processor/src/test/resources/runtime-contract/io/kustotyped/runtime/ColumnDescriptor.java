package io.kustotyped.runtime;

import java.util.Objects;

/**
 * One column of a generated table: its Kusto name and its Kusto scalar type as written in DDL
 * ({@code string}, {@code long}, {@code datetime}, ...).
 *
 * @param name the column name, exactly as in Kusto (case-sensitive)
 * @param kustoType the Kusto type name, lower case, without aliases
 */
public record ColumnDescriptor(String name, String kustoType) {

    /** Checks that both parts are present. */
    public ColumnDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kustoType, "kustoType");
    }
}
