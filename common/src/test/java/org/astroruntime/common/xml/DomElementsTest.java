package org.astroruntime.common.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class DomElementsTest {

    @Test
    void matchesChildrenByLocalNameWhateverThePrefix() throws Exception {
        String xml = """
                <vs:table xmlns:vs="urn:vs" xmlns:x="urn:x" type=" view "><name>  demo.stars
                  </name><x:column><name>ra</name></x:column><column><name>dec</name></column><empty>  </empty>
                  <outer><column><name>nested</name></column></outer></vs:table>""";
        Element root = SafeXml.documentBuilderFactory().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals(2, DomElements.children(root, "column").size(), "children only, not deeper descendants");
        assertEquals("ra", DomElements.text(DomElements.child(root, "column"), "name"));
        assertEquals("demo.stars", DomElements.text(root, "name"));
        assertNull(DomElements.text(root, "empty"));
        assertNull(DomElements.text(root, "missing"));
        assertNull(DomElements.child(root, "missing"));
        assertEquals("view", DomElements.attribute(root, "type"));
        assertNull(DomElements.attribute(root, "nrows"));
    }
}
