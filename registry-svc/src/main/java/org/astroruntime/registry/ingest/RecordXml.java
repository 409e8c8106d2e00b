package org.astroruntime.registry.ingest;

import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Writes a record's {@code Resource} element as a stand-alone document. */
final class RecordXml {

    private RecordXml() {
    }

    /**
     * Serialises {@code resource}. Prefixes declared on ancestors (an OAI-PMH envelope usually declares
     * {@code ri}, {@code vs}, {@code xsi}) are copied onto the element first: they are needed not only by element
     * names but by {@code xsi:type} values, which no serialiser fixes up.
     */
    static String serialize(Element resource) {
        Element copy = (Element) resource.cloneNode(true);
        for (Node n = resource.getParentNode(); n instanceof Element ancestor; n = n.getParentNode()) {
            NamedNodeMap attrs = ancestor.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
                        && !copy.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getLocalName())) {
                    copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getName(), a.getValue());
                }
            }
        }
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(copy), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise a parsed record", e);
        }
    }
}
