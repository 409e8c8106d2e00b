package org.astroruntime.query.tap;

import java.io.IOException;
import java.io.InputStream;
import org.astroruntime.common.io.LimitedInputStream;
import org.astroruntime.common.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What query-svc reads from a remote UWS job document: its phase, where its result is, and its error summary.
 * UWS 1.0 and 1.1 share the namespace; elements are matched by local name in it.
 *
 * @param phase        the job's phase, e.g. {@code EXECUTING}
 * @param resultHref   the {@code xlink:href} of the result named {@code result} (or of the first result), or null
 * @param errorSummary the error summary's message, or null
 */
record UwsJobDocument(String phase, String resultHref, String errorSummary) {

    static final String UWS_NS = "http://www.ivoa.net/xml/UWS/v1.0";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final long MAX_BYTES = 4L << 20;

    boolean isActive() {
        return switch (phase) {
            case "PENDING", "QUEUED", "EXECUTING", "HELD", "SUSPENDED" -> true;
            default -> false;
        };
    }

    /** Reads a job document (hardened parser, at most 4 MiB). */
    static UwsJobDocument read(InputStream in) throws IOException {
        Document doc;
        try {
            doc = SafeXml.parseDocument(new LimitedInputStream(in, MAX_BYTES));
        } catch (SAXException e) {
            throw new IOException("not a UWS job document: " + e.getMessage(), e);
        }
        Element job = doc.getDocumentElement();
        if (!UWS_NS.equals(job.getNamespaceURI()) || !"job".equals(job.getLocalName())) {
            throw new IOException("not a UWS job document: the root is {" + job.getNamespaceURI() + "}" + job.getLocalName());
        }
        Element phase = child(job, "phase");
        if (phase == null) {
            throw new IOException("the UWS job document has no phase");
        }
        String href = null;
        Element results = child(job, "results");
        if (results != null) {
            for (Node n = results.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element r && "result".equals(r.getLocalName())) {
                    String h = r.getAttributeNS(XLINK_NS, "href");
                    if (href == null || "result".equals(r.getAttribute("id"))) {
                        href = h.isBlank() ? href : h.strip();
                    }
                }
            }
        }
        Element error = child(job, "errorSummary");
        Element message = error == null ? null : child(error, "message");
        return new UwsJobDocument(phase.getTextContent().strip(), href,
                message == null ? null : message.getTextContent().strip());
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && UWS_NS.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }
}
