package org.astroruntime.common.votable;

import java.util.List;

/**
 * What a streamed check of a VOTable document found.
 *
 * @param status   the query status the document declares
 * @param message  the service's message for {@link QueryStatus#ERROR} or {@link QueryStatus#OVERFLOW}, or null
 * @param tables   how many TABLE elements the document holds
 * @param rows     rows in the first table (the one a query result is about)
 * @param columns  columns of the first table
 * @param bytes    bytes read from the input
 */
public record VoTableReport(QueryStatus status, String message, int tables, long rows, List<ColumnSummary> columns,
                            long bytes) {

    public VoTableReport {
        columns = List.copyOf(columns);
    }

    /** True when the document is an error document. */
    public boolean isError() {
        return status == QueryStatus.ERROR;
    }
}
