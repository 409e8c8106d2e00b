package org.astroruntime.e2e.peers;

import java.util.List;

/**
 * The result of an ADQL query.
 *
 * @param columns  output columns
 * @param rows     output rows (values in column order; numbers as Short/Integer/Long/Float/Double)
 * @param overflow whether MAXREC cut the result (more rows would have matched)
 */
public record QueryResult(List<ColumnDef> columns, List<Object[]> rows, boolean overflow) {
}
