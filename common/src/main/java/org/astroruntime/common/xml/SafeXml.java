package org.astroruntime.common.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * XML parser factories for documents from outside (remote VOTables, registry records, VOSpace node documents):
 * no external entities, no external DTDs, entity expansion limited by secure processing. An internal DOCTYPE is
 * tolerated because old VOTables carry one; anything it tries to fetch is not fetched.
 */
public final class SafeXml {

    /** A namespace-aware SAX parser factory with external resolution off. */
    public static SAXParserFactory saxParserFactory() {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXNotRecognizedException | SAXNotSupportedException e) {
            // A parser that cannot be hardened must not be used on outside input.
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

    private SafeXml() {
    }

    /** Thrown through SAX to stop parsing early with a reason. */
    public static class StopParsing extends SAXException {
        public StopParsing(String message) {
            super(message);
        }
    }
}
