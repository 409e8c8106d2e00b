package org.astroruntime.vospace.xml;

import static org.astroruntime.vospace.xml.XmlTestSupport.NS;
import static org.astroruntime.vospace.xml.XmlTestSupport.XSI;
import static org.astroruntime.vospace.xml.XmlTestSupport.readNode;
import static org.astroruntime.vospace.xml.XmlTestSupport.readTransfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Documents shaped like those real clients send: other prefixes, other orders, extra elements. */
class NodeDocumentReaderTest {

    @Test
    void conventionalNodeDocument() throws Exception {
        NodeDocument node = readNode("""
                <?xml version="1.0" encoding="UTF-8"?>
                <vos:node xmlns:vos="%s" xmlns:xsi="%s"
                          uri="vos://astroruntime.local!vospace/alice/cones" xsi:type="vos:ContainerNode">
                  <vos:properties>
                    <vos:property uri="ivo://ivoa.net/vospace/core#length" readOnly="true">1234</vos:property>
                    <vos:property uri="ivo://ivoa.net/vospace/core#description">my cones</vos:property>
                    <vos:property uri="ivo://example.org/x#deleteme" xsi:nil="true"/>
                  </vos:properties>
                  <vos:accepts/>
                  <vos:provides/>
                  <vos:capabilities/>
                  <vos:nodes>
                    <vos:node uri="vos://astroruntime.local!vospace/alice/cones/a.vot" xsi:type="vos:DataNode" busy="false"/>
                  </vos:nodes>
                </vos:node>
                """.formatted(NS, XSI));

        assertEquals(new NodeDocument("vos://astroruntime.local!vospace/alice/cones", NodeType.CONTAINER, false,
                List.of(new NodeProperty("ivo://ivoa.net/vospace/core#length", "1234", true, false),
                        NodeProperty.of("ivo://ivoa.net/vospace/core#description", "my cones"),
                        NodeProperty.deletion("ivo://example.org/x#deleteme")), null), node);
    }

    @Test
    void otherPrefixesAndReversedElementOrder() throws Exception {
        NodeDocument node = readNode("""
                <v:node xmlns:v="%s" xmlns:i="%s" xmlns:ext="http://example.org/ext"
                        i:type="v:StructuredDataNode" busy="1" uri=" vos://a!vospace/t.fits ">
                  <!-- a client that writes capabilities first -->
                  <v:capabilities/>
                  <ext:audit who="alice"/>
                  <v:provides><v:view uri="ivo://ivoa.net/vospace/core#defaultview"/></v:provides>
                  <v:accepts><v:view uri="ivo://ivoa.net/vospace/core#defaultview"/></v:accepts>
                  <v:properties>
                    <v:property uri="ivo://ivoa.net/vospace/core#title"><![CDATA[M31 <deep> & wide]]></v:property>
                    <ext:note>ignored</ext:note>
                    <v:property i:nil="1" uri="ivo://ivoa.net/vospace/core#date"></v:property>
                  </v:properties>
                </v:node>
                """.formatted(NS, XSI));

        assertEquals("vos://a!vospace/t.fits", node.uri());
        assertEquals(NodeType.STRUCTURED_DATA, node.type());
        assertTrue(node.busy());
        assertEquals(List.of(NodeProperty.of("ivo://ivoa.net/vospace/core#title", "M31 <deep> & wide"),
                NodeProperty.deletion("ivo://ivoa.net/vospace/core#date")), node.properties());
    }

    @Test
    void defaultNamespaceAndUnprefixedType() throws Exception {
        NodeDocument node = readNode("""
                <node xmlns="%s" xmlns:xsi="%s" uri="vos://a!vospace/u" xsi:type="UnstructuredDataNode">
                  <properties><property uri="ivo://x#y">z</property></properties>
                </node>
                """.formatted(NS, XSI));
        assertEquals(NodeType.UNSTRUCTURED_DATA, node.type());
        assertEquals(List.of(NodeProperty.of("ivo://x#y", "z")), node.properties());
    }

    @Test
    void typePrefixDiffersFromElementPrefix() throws Exception {
        // Elements in the default namespace, the type through a second prefix for the same namespace.
        NodeDocument node = readNode("""
                <node xmlns="%s" xmlns:vs="%s" xmlns:xsi="%s" uri="vos://a!vospace/l" xsi:type="vs:LinkNode">
                  <target> http://example.org/data?x=1 </target>
                  <properties/>
                </node>
                """.formatted(NS, NS, XSI));
        assertEquals(NodeType.LINK, node.type());
        assertEquals("http://example.org/data?x=1", node.linkTarget());
    }

    @Test
    void busyIsIgnoredForContainersAndTargetForNonLinks() throws Exception {
        NodeDocument node = readNode("""
                <vos:node xmlns:vos="%s" xmlns:xsi="%s" uri="vos://a!vospace/c" xsi:type="vos:ContainerNode" busy="true">
                  <vos:target>vos://a!vospace/elsewhere</vos:target>
                </vos:node>
                """.formatted(NS, XSI));
        assertFalse(node.busy());
        assertNull(node.linkTarget());
        assertTrue(node.properties().isEmpty());
    }

    @Test
    void transfer21WithSecurityMethodsParamsAndShuffledOrder() throws Exception {
        TransferDocument transfer = readTransfer("""
                <vos:transfer xmlns:vos="%s" version="2.1">
                  <vos:protocol uri="ivo://ivoa.net/vospace/core#httpsput">
                    <vos:securityMethod uri="ivo://ivoa.net/sso#tls-with-certificate"/>
                  </vos:protocol>
                  <vos:keepBytes> true </vos:keepBytes>
                  <vos:direction>pushToVoSpace</vos:direction>
                  <vos:param uri="ivo://ivoa.net/vospace/core#length">1234</vos:param>
                  <vos:protocol uri="ivo://ivoa.net/vospace/core#httpput"/>
                  <vos:target>
                    vos://astroruntime.local!vospace/alice/a.vot
                  </vos:target>
                  <vos:view uri="ivo://ivoa.net/vospace/core#defaultview"/>
                </vos:transfer>
                """.formatted(NS));

        assertEquals(new TransferDocument("vos://astroruntime.local!vospace/alice/a.vot",
                TransferDocument.PUSH_TO_VOSPACE, TransferDocument.VIEW_DEFAULT,
                List.of(new TransferProtocol(TransferDocument.PROTOCOL_HTTPS_PUT, null),
                        new TransferProtocol(TransferDocument.PROTOCOL_HTTP_PUT, null)), true), transfer);
        assertFalse(transfer.isMoveOrCopy());
    }

    @Test
    void transfer20WithoutVersionAndOtherPrefix() throws Exception {
        TransferDocument transfer = readTransfer("""
                <t:transfer xmlns:t="%s">
                  <t:target>vos://astroruntime.local!vospace/alice/a.vot</t:target>
                  <t:direction>pullFromVoSpace</t:direction>
                  <t:view uri="ivo://ivoa.net/vospace/core#defaultview"/>
                  <t:protocol uri="ivo://ivoa.net/vospace/core#httpget">
                    <t:endpoint>http://host/data/alice/a.vot?sig=abc</t:endpoint>
                  </t:protocol>
                </t:transfer>
                """.formatted(NS));
        assertEquals(TransferDocument.PULL_FROM_VOSPACE, transfer.direction());
        assertEquals(List.of(new TransferProtocol(TransferDocument.PROTOCOL_HTTP_GET,
                "http://host/data/alice/a.vot?sig=abc")), transfer.protocols());
        assertNull(transfer.keepBytes());
    }

    @Test
    void moveRequest() throws Exception {
        TransferDocument move = readTransfer("""
                <transfer xmlns="%s" version="2.1">
                  <target>vos://astroruntime.local!vospace/alice/a.vot</target>
                  <direction>vos://astroruntime.local!vospace/alice/old/a.vot</direction>
                  <keepBytes>0</keepBytes>
                </transfer>
                """.formatted(NS));
        assertTrue(move.isMoveOrCopy());
        assertEquals(Boolean.FALSE, move.keepBytes());
        assertTrue(move.protocols().isEmpty());
    }
}
