package org.astroruntime.registry.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The most recent ingest reports, oldest first (bounded: a scheduled harvest runs forever). */
@ApplicationScoped
public class IngestReports {

    private static final int KEPT = 200;

    private final Deque<IngestReport> reports = new ArrayDeque<>();

    public synchronized void add(IngestReport report) {
        reports.addLast(report);
        while (reports.size() > KEPT) {
            reports.removeFirst();
        }
    }

    public synchronized List<IngestReport> all() {
        return List.copyOf(reports);
    }
}
