package org.astroruntime.vospace.xml;

import static org.astroruntime.vospace.xml.XmlTestSupport.ROOT;
import static org.astroruntime.vospace.xml.XmlTestSupport.readNode;
import static org.astroruntime.vospace.xml.XmlTestSupport.writeNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeDocumentEscapingTest {

    @Test
    void markupCharactersAndNonAsciiRoundTrip() throws Exception {
        String value = "<&>\"' ]]> é 星雲 🌌 tab\tline\nreturn\r\nend";
        String uri = "ivo://example.org/p?a=1&b=\"<two>\"";
        NodeDocument node = new NodeDocument(ROOT + "/alice/ünïcødé 星.vot", NodeType.DATA, false,
                List.of(NodeProperty.of(uri, value)), null);

        byte[] xml = writeNode(node, null);
        String text = new String(xml, StandardCharsets.UTF_8);

        assertTrue(text.contains("&lt;&amp;&gt;"), text);
        assertFalse(text.contains("]]>"), "a literal ]]> is not allowed in XML text: " + text);
        assertTrue(text.contains("é 星雲 🌌"), "non-ASCII is written as UTF-8, not mangled: " + text);
        assertTrue(text.contains("uri=\"ivo://example.org/p?a=1&amp;b=&quot;&lt;two&gt;&quot;\""), text);
        assertEquals(node, readNode(xml));
    }

    @Test
    void charactersXmlCannotCarryAreReplacedSoOutputStaysWellFormed() throws Exception {
        NodeDocument node = new NodeDocument(ROOT + "/alice/a.vot", NodeType.DATA, false,
                List.of(NodeProperty.of("ivo://example.org/p", "bell\u0007 nul\u0000 lone\uD800 ok😀")), null);

        NodeDocument back = readNode(writeNode(node, null));

        assertEquals("bell\uFFFD nul\uFFFD lone\uFFFD ok😀", back.properties().get(0).value());
    }

    @Test
    void emptyValueStaysEmptyAndIsNotADeletion() throws Exception {
        NodeDocument node = new NodeDocument(ROOT + "/alice/a.vot", NodeType.DATA, false,
                List.of(NodeProperty.of("ivo://example.org/p", "")), null);
        NodeProperty back = readNode(writeNode(node, null)).properties().get(0);
        assertEquals("", back.value());
        assertFalse(back.delete());
    }
}
