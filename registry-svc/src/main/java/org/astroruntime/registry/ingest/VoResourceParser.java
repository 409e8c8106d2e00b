package org.astroruntime.registry.ingest;

import static org.astroruntime.common.xml.DomElements.child;
import static org.astroruntime.common.xml.DomElements.children;
import static org.astroruntime.common.xml.DomElements.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.astroruntime.common.id.InvalidIdentifierException;
import org.astroruntime.common.id.IvoId;
import org.astroruntime.common.xml.SafeXml;
import org.astroruntime.registry.resource.Capability;
import org.astroruntime.registry.resource.Interface;
import org.astroruntime.registry.resource.VoResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads VOResource 1.1 records ({@code ri:Resource} documents, with VODataService and SimpleDALRegExt types).
 *
 * <p>Records are small, so they are read as DOM with a hardened parser (no DOCTYPE, no external entities).
 * Elements of VOResource are unqualified, so children are matched by local name; the root must be in the
 * RegistryInterface namespace, which is what tells a record apart from any other XML.
 */
public final class VoResourceParser {

    static final String RI_NAMESPACE_PREFIX = "http://www.ivoa.net/xml/RegistryInterface/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** Parses one record document. */
    public ParsedRecord parse(InputStream in) throws RecordRejectedException {
        Document doc;
        try {
            doc = SafeXml.parseDocument(in);
        } catch (SAXException e) {
            throw new RecordRejectedException("not well-formed or refused XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RecordRejectedException("cannot read record: " + e.getMessage(), e);
        }
        return fromElement(doc.getDocumentElement());
    }

    /**
     * Reads a record from its {@code Resource} element (as found inside an OAI-PMH {@code metadata} element),
     * keeping the element's text as a stand-alone document.
     */
    public ParsedRecord fromElement(Element root) throws RecordRejectedException {
        VoResource resource = read(root);
        return new ParsedRecord(resource, RecordXml.serialize(root));
    }

    private VoResource read(Element root) throws RecordRejectedException {
        String ns = root.getNamespaceURI();
        if (!"Resource".equals(root.getLocalName()) || ns == null || !ns.startsWith(RI_NAMESPACE_PREFIX)) {
            throw new RecordRejectedException("root element is {" + ns + "}" + root.getLocalName()
                    + ", expected a RegistryInterface Resource", null);
        }
        String identifier = text(root, "identifier");
        if (identifier == null) {
            throw new RecordRejectedException("record has no identifier", null);
        }
        IvoId ivoid;
        try {
            ivoid = IvoId.parse(identifier);
        } catch (InvalidIdentifierException e) {
            throw new RecordRejectedException("invalid identifier: " + e.getMessage(), e);
        }
        String title = text(root, "title");
        if (title == null) {
            throw new RecordRejectedException("record " + ivoid + " has no title", null);
        }
        Element content = child(root, "content");
        Element curation = child(root, "curation");
        List<String> subjects = content == null ? List.of() : texts(content, "subject");
        List<Capability> capabilities = new ArrayList<>();
        for (Element cap : children(root, "capability")) {
            List<Interface> interfaces = new ArrayList<>();
            for (Element intf : children(cap, "interface")) {
                interfaces.add(new Interface(attr(intf, XSI, "type"), attr(intf, null, "role"),
                        attr(intf, null, "version"), texts(intf, "accessURL")));
            }
            capabilities.add(new Capability(attr(cap, null, "standardID"), attr(cap, XSI, "type"), interfaces));
        }
        String status = attr(root, null, "status");
        Element coverage = child(root, "coverage");
        List<String> contentTypes = content == null ? List.of() : texts(content, "type");
        List<String> wavebands = coverage == null ? List.of() : texts(coverage, "waveband");
        return new VoResource(ivoid.toString(), status == null ? "active" : status, attr(root, XSI, "type"), title,
                text(root, "shortName"), content == null ? null : text(content, "description"), subjects,
                contentTypes, wavebands, curation == null ? null : text(curation, "publisher"),
                attr(root, null, "updated"), capabilities);
    }

    private static String attr(Element e, String ns, String name) {
        String v = ns == null ? e.getAttribute(name) : e.getAttributeNS(ns, name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static List<String> texts(Element parent, String localName) {
        List<String> values = new ArrayList<>();
        for (Element e : children(parent, localName)) {
            String t = e.getTextContent().strip();
            if (!t.isEmpty()) {
                values.add(t);
            }
        }
        return values;
    }
}
