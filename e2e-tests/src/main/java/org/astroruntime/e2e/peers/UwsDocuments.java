package org.astroruntime.e2e.peers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The UWS 1.1 XML documents of the TAP peer's async jobs: the job list, a job, and a job's parameters and
 * results. Pure rendering, apart from the HTTP handling in {@link TapAsyncJobs}; each job is read under its lock
 * so a document shows one consistent state.
 */
final class UwsDocuments {

    static final String UWS_NS = "http://www.ivoa.net/xml/UWS/v1.0";

    private UwsDocuments() {
    }

    private static String xmlHead() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    }

    private static String namespaces() {
        return "xmlns:uws=\"" + UWS_NS + "\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    }

    /** The UWS 1.1 job list ({@code uws:jobs}) of already filtered and ordered jobs. */
    static String jobList(List<TapJob> list) {
        StringBuilder sb = new StringBuilder(xmlHead());
        sb.append("<uws:jobs ").append(namespaces()).append(" version=\"1.1\">\n");
        for (TapJob j : list) {
            synchronized (j) {
                sb.append("  <uws:jobref id=\"").append(VoTables.esc(j.id)).append("\" xlink:href=\"")
                        .append(VoTables.esc(j.url())).append("\">\n");
                sb.append("    <uws:phase>").append(j.phase).append("</uws:phase>\n");
                if (j.runId != null) {
                    sb.append("    <uws:runId>").append(VoTables.esc(j.runId)).append("</uws:runId>\n");
                }
                sb.append("    <uws:ownerId xsi:nil=\"true\"/>\n");
                sb.append("    <uws:creationTime>").append(j.creation).append("</uws:creationTime>\n");
                sb.append("  </uws:jobref>\n");
            }
        }
        sb.append("</uws:jobs>\n");
        return sb.toString();
    }

    /** The UWS 1.1 job document (elements in the schema's order). */
    static String job(TapJob job) {
        synchronized (job) {
            StringBuilder sb = new StringBuilder(xmlHead());
            sb.append("<uws:job ").append(namespaces()).append(" version=\"1.1\">\n");
            sb.append("  <uws:jobId>").append(VoTables.esc(job.id)).append("</uws:jobId>\n");
            if (job.runId != null) {
                sb.append("  <uws:runId>").append(VoTables.esc(job.runId)).append("</uws:runId>\n");
            }
            sb.append("  <uws:ownerId xsi:nil=\"true\"/>\n");
            sb.append("  <uws:phase>").append(job.phase).append("</uws:phase>\n");
            sb.append("  <uws:quote xsi:nil=\"true\"/>\n");
            sb.append("  <uws:creationTime>").append(job.creation).append("</uws:creationTime>\n");
            sb.append(time("startTime", job.start));
            sb.append(time("endTime", job.end));
            sb.append("  <uws:executionDuration>").append(job.executionDuration).append("</uws:executionDuration>\n");
            sb.append("  <uws:destruction>").append(job.destruction).append("</uws:destruction>\n");
            sb.append(parametersXml(job, "  "));
            sb.append(resultsXml(job, "  "));
            if (job.error != null && (job.phase == TapJob.Phase.ERROR || job.phase == TapJob.Phase.ABORTED)) {
                sb.append("  <uws:errorSummary type=\"").append(job.phase == TapJob.Phase.ERROR ? "fatal" : "transient")
                        .append("\" hasDetail=\"true\">\n");
                sb.append("    <uws:message>").append(VoTables.esc(job.error)).append("</uws:message>\n");
                sb.append("  </uws:errorSummary>\n");
            }
            sb.append("</uws:job>\n");
            return sb.toString();
        }
    }

    /** The job's {@code parameters} child resource as a document of its own. */
    static String parameters(TapJob job) {
        return xmlHead() + parametersXml(job, "").replaceFirst("<uws:parameters>",
                "<uws:parameters " + namespaces() + ">");
    }

    /** The job's {@code results} child resource as a document of its own. */
    static String results(TapJob job) {
        return xmlHead() + resultsXml(job, "").replaceFirst("<uws:results>",
                "<uws:results " + namespaces() + ">");
    }

    private static String time(String name, Instant t) {
        return t == null ? "  <uws:" + name + " xsi:nil=\"true\"/>\n" : "  <uws:" + name + ">" + t + "</uws:" + name + ">\n";
    }

    private static String parametersXml(TapJob job, String indent) {
        synchronized (job) {
            StringBuilder sb = new StringBuilder(indent + "<uws:parameters>\n");
            for (Map.Entry<String, List<String>> e : job.params.entrySet()) {
                for (String v : e.getValue()) {
                    sb.append(indent).append("  <uws:parameter id=\"").append(VoTables.esc(e.getKey())).append("\">")
                            .append(VoTables.esc(v)).append("</uws:parameter>\n");
                }
            }
            return sb.append(indent).append("</uws:parameters>\n").toString();
        }
    }

    private static String resultsXml(TapJob job, String indent) {
        synchronized (job) {
            if (job.result == null) {
                return indent + "<uws:results></uws:results>\n";
            }
            return indent + "<uws:results>\n" + indent + "  <uws:result id=\"result\" xlink:type=\"simple\" xlink:href=\""
                    + VoTables.esc(job.url() + "/results/result") + "\" mime-type=\"" + VoTables.esc(job.resultType)
                    + "\" size=\"" + job.result.length + "\"/>\n" + indent + "</uws:results>\n";
        }
    }
}
