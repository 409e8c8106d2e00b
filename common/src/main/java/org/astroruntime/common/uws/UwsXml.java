package org.astroruntime.common.uws;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes UWS 1.1 documents: a job ({@code uws:job}) and a job list ({@code uws:jobs}), as UWS clients such as
 * pyvo and TOPCAT read them.
 */
public final class UwsXml {

    /** The UWS namespace (the same for 1.0 and 1.1; the version is an attribute). */
    public static final String NS = "http://www.ivoa.net/xml/UWS/v1.0";
    /** The media type of UWS documents. */
    public static final String MEDIA_TYPE = "application/xml";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private UwsXml() {
    }

    /** The job document of {@code job}. */
    public static String job(UwsJob job) {
        return write(w -> {
            start(w, "job");
            element(w, "jobId", job.jobId());
            optional(w, "runId", job.runId());
            nillable(w, "ownerId", job.ownerId());
            element(w, "phase", job.phase());
            nillable(w, "quote", text(job.quote()));
            element(w, "creationTime", job.creationTime().toString());
            nillable(w, "startTime", text(job.startTime()));
            nillable(w, "endTime", text(job.endTime()));
            element(w, "executionDuration", Long.toString(job.executionDurationSecs()));
            nillable(w, "destruction", text(job.destruction()));
            w.writeStartElement("uws", "parameters", NS);
            for (Map.Entry<String, String> p : new TreeMap<>(job.parameters()).entrySet()) {
                w.writeStartElement("uws", "parameter", NS);
                w.writeAttribute("id", p.getKey());
                w.writeCharacters(p.getValue());
                w.writeEndElement();
            }
            w.writeEndElement();
            results(w, job.results(), false);
            if (job.errorSummary() != null) {
                w.writeStartElement("uws", "errorSummary", NS);
                w.writeAttribute("type", "fatal");
                w.writeAttribute("hasDetail", "false");
                element(w, "message", job.errorSummary());
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** The {@code uws:results} document of a job. */
    public static String results(List<UwsJob.Result> results) {
        return write(w -> results(w, results, true));
    }

    /**
     * A job list: one {@code uws:jobref} per job with its phase (and, from UWS 1.1, run id, owner and creation time).
     *
     * @param jobs     the jobs to list
     * @param hrefBase the list's URL; each job is {@code hrefBase/jobId}
     */
    public static String jobs(List<UwsJob> jobs, String hrefBase) {
        return write(w -> {
            start(w, "jobs");
            for (UwsJob job : jobs) {
                w.writeStartElement("uws", "jobref", NS);
                w.writeAttribute("id", job.jobId());
                w.writeAttribute("xlink", XLINK, "href", hrefBase.replaceAll("/+$", "") + "/" + job.jobId());
                element(w, "phase", job.phase());
                optional(w, "runId", job.runId());
                optional(w, "ownerId", job.ownerId());
                element(w, "creationTime", job.creationTime().toString());
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a UWS document", e);
        }
        return out.toString();
    }

    private static void start(XMLStreamWriter w, String root) throws XMLStreamException {
        w.writeStartElement("uws", root, NS);
        w.writeNamespace("uws", NS);
        w.writeNamespace("xlink", XLINK);
        w.writeNamespace("xsi", XSI);
        w.writeAttribute("version", "1.1");
    }

    private static void results(XMLStreamWriter w, List<UwsJob.Result> results, boolean root) throws XMLStreamException {
        if (root) {
            start(w, "results");
        } else {
            w.writeStartElement("uws", "results", NS);
        }
        for (UwsJob.Result r : results) {
            w.writeStartElement("uws", "result", NS);
            w.writeAttribute("id", r.id());
            w.writeAttribute("xlink", XLINK, "type", "simple");
            w.writeAttribute("xlink", XLINK, "href", r.href());
            if (r.mimeType() != null) {
                w.writeAttribute("mime-type", r.mimeType());
            }
            if (r.size() >= 0) {
                w.writeAttribute("size", Long.toString(r.size()));
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement("uws", name, NS);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void optional(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        if (text != null) {
            element(w, name, text);
        }
    }

    private static void nillable(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        if (text != null) {
            element(w, name, text);
        } else {
            w.writeStartElement("uws", name, NS);
            w.writeAttribute("xsi", XSI, "nil", "true");
            w.writeEndElement();
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
