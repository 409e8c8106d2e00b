package org.astroruntime.query.metadata;

import java.util.List;

/**
 * One table of a TAP service, as its VOSI {@code /tables} resource describes it (VODataService 1.2).
 *
 * @param schema      the schema's name, or null when the document is a single table
 * @param name        the fully qualified name to use in ADQL
 * @param title       a short title, or null
 * @param description a description, or null
 * @param type        {@code table}, {@code view} or {@code output}, or null when not said
 * @param rows        the row count the service announces ({@code nrows}), or null
 * @param columns     the columns; empty when the service sent the table list without detail
 */
public record TableMetadata(String schema, String name, String title, String description, String type, Long rows,
                            List<ColumnMetadata> columns) {

    public TableMetadata {
        columns = List.copyOf(columns);
    }

    /**
     * One column.
     *
     * @param name        the column name
     * @param description a description, or null
     * @param datatype    the VOTable or ADQL data type ({@code double}, {@code char}, ...), or null
     * @param arraysize   the array size, or null for a scalar
     * @param xtype       the extended type ({@code timestamp}, {@code point}, ...), or null
     * @param unit        the unit, or null
     * @param ucd         the UCD, or null
     * @param utype       the utype, or null
     * @param indexed     whether the service says it is indexed
     * @param principal   whether the service marks it as principal
     */
    public record ColumnMetadata(String name, String description, String datatype, String arraysize, String xtype,
                                 String unit, String ucd, String utype, boolean indexed, boolean principal) {
    }
}
