package org.astroruntime.registry.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.astroruntime.registry.index.ResourceIndex;

/** Counts what one ingest run does, and turns the counts into its report. */
public final class IngestTally {

    /** Rejections kept per report; a source that sends nothing but bad records must not fill the heap. */
    private static final int MAX_REJECTIONS_LISTED = 1000;

    private final String source;
    private final Instant started = Instant.now();
    private int added;
    private int changed;
    private int unchanged;
    private int deleted;
    private int rejectedCount;
    private final List<IngestReport.Rejection> rejected = new ArrayList<>();

    public IngestTally(String source) {
        this.source = source;
    }

    public void count(ResourceIndex.Outcome outcome) {
        switch (outcome) {
            case ADDED -> added++;
            case CHANGED -> changed++;
            case UNCHANGED -> unchanged++;
        }
    }

    public void deleted() {
        deleted++;
    }

    public void reject(String record, String reason) {
        rejectedCount++;
        if (rejected.size() < MAX_REJECTIONS_LISTED) {
            rejected.add(new IngestReport.Rejection(record, reason));
        }
    }

    public int seen() {
        return added + changed + unchanged + deleted + rejectedCount;
    }

    public IngestReport completed() {
        String note = rejectedCount > rejected.size()
                ? rejectedCount + " records rejected; the first " + rejected.size() + " are listed" : null;
        return new IngestReport(source, IngestReport.Status.COMPLETED, started, Instant.now(), added, changed,
                unchanged, deleted, rejected, note);
    }

    /** A failed run keeps nothing, so it reports no changes, only why. */
    public IngestReport failed(String why) {
        return new IngestReport(source, IngestReport.Status.FAILED, started, Instant.now(), 0, 0, 0, 0, rejected,
                why + " (" + seen() + " records read before that were discarded; the previous set is kept)");
    }
}
