package org.astroruntime.common.votable;

/**
 * What a table column is, as declared by its FIELD.
 *
 * @param name     column name
 * @param datatype Java class simple name STIL maps the VOTable datatype to (e.g. {@code Double}, {@code String})
 * @param unit     unit string, or null
 * @param ucd      UCD, or null
 */
public record ColumnSummary(String name, String datatype, String unit, String ucd) {
}
