package org.astroruntime.registry.harvest;

import java.util.List;
import org.w3c.dom.Element;

/**
 * One OAI-PMH answer, as far as harvesting needs it.
 *
 * @param responseDate     the repository's clock when it answered (the next incremental harvest starts there)
 * @param errorCode        the OAI-PMH error code ({@code noRecordsMatch}, {@code badResumptionToken}, ...), or null
 * @param errorMessage     the error's text, or null
 * @param granularity      Identify's datestamp granularity, or null for other verbs
 * @param records          ListRecords' records, in order
 * @param resumptionToken  the token for the next page; null or empty when the list is complete
 */
record OaiResponse(String responseDate, String errorCode, String errorMessage, String granularity,
                   List<OaiRecord> records, String resumptionToken) {

    /**
     * One record of a ListRecords page.
     *
     * @param identifier the OAI identifier (for IVOA registries, the resource's ivo:// id)
     * @param datestamp  when the record last changed
     * @param deleted    the header's {@code status="deleted"}
     * @param resource   the metadata's {@code Resource} element; null for deleted records
     */
    record OaiRecord(String identifier, String datestamp, boolean deleted, Element resource) {
    }
}
