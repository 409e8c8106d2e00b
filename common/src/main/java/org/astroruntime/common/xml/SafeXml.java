package org.astroruntime.common.xml;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * XML parser factories for documents from outside (remote VOTables, registry records, VOSpace node documents):
 * no external entities and no external DTDs. The SAX parser tolerates an internal DOCTYPE, because old VOTables
 * carry one, but expands none of its entities; the DOM builder refuses a DOCTYPE.
 */
public final class SafeXml {

    /**
     * A namespace-aware SAX parser factory for large streamed documents (VOTables): Aalto, which parses about twice
     * as fast as the JDK's parser. It never expands entities declared in a DTD (a document using one is refused)
     * and never reads an external DTD, so neither external entities nor entity expansion bombs can get through.
     */
    public static SAXParserFactory saxParserFactory() {
        SAXParserFactory factory = new com.fasterxml.aalto.sax.SAXParserFactoryImpl();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException | SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("XML parser does not support the required security features", e);
        }
        return factory;
    }

    /** A namespace-aware DOM builder factory with external resolution off, for small documents such as records. */
    public static DocumentBuilderFactory documentBuilderFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser does not support the required security features", e);
        }
        return factory;
    }

    /**
     * Parses a small document from outside with the hardened DOM builder, reporting problems by exception only
     * (the JDK's default handler would also print them).
     */
    public static Document parseDocument(InputStream in) throws IOException, SAXException {
        try {
            DocumentBuilder builder = documentBuilderFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(in);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private SafeXml() {
    }

    /** Thrown through SAX to stop parsing early with a reason. */
    public static class StopParsing extends SAXException {
        public StopParsing(String message) {
            super(message);
        }
    }
}
