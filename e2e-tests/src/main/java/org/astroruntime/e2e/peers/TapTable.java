package org.astroruntime.e2e.peers;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A table the ADQL engine can scan.
 *
 * @param schema      schema name, e.g. {@code demo}
 * @param name        qualified name, e.g. {@code demo.stars}
 * @param description human description
 * @param columns     its columns; rows hold values in this order
 * @param rows        a fresh iterator over the rows on each call (scans may be slow: see demo.slow_stars)
 */
public record TapTable(String schema, String name, String description, List<ColumnDef> columns,
                       Supplier<Iterator<Object[]>> rows) {

    /** The column's index, by case-insensitive name, or -1. */
    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    /** The name without its schema. */
    public String shortName() {
        int dot = name.lastIndexOf('.');
        return name.substring(dot + 1);
    }

    /** Whether {@code ref} (lower-cased) names this table: the qualified or the short name. */
    boolean isNamed(String ref) {
        String r = ref.toLowerCase(Locale.ROOT);
        return r.equals(name.toLowerCase(Locale.ROOT)) || r.equals(shortName().toLowerCase(Locale.ROOT));
    }
}
