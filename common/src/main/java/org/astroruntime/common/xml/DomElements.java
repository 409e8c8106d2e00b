package org.astroruntime.common.xml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reading of IVOA documents (VOResource, VOSI tables) by element local name. Their schemas leave child elements
 * unqualified and services differ in prefixes, so matching by local name is what works across real services.
 */
public final class DomElements {

    private DomElements() {
    }

    /** The child elements of {@code parent} named {@code localName}, in document order. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The first child element named {@code localName}, or null. */
    public static Element child(Element parent, String localName) {
        List<Element> all = children(parent, localName);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The text of the first child named {@code localName}, whitespace collapsed; null when absent or empty. */
    public static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }

    /** The attribute {@code name} (no namespace), stripped; null when absent or blank. */
    public static String attribute(Element e, String name) {
        String v = e.getAttribute(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
