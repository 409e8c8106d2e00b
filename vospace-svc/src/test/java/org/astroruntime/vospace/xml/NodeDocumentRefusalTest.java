package org.astroruntime.vospace.xml;

import static org.astroruntime.vospace.xml.XmlTestSupport.NS;
import static org.astroruntime.vospace.xml.XmlTestSupport.XSI;
import static org.astroruntime.vospace.xml.XmlTestSupport.readNode;
import static org.astroruntime.vospace.xml.XmlTestSupport.readTransfer;
import static org.astroruntime.vospace.xml.XmlTestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every document the reader must refuse, and that the refusal says why. */
class NodeDocumentRefusalTest {

    private static final String OPEN = "<vos:node xmlns:vos=\"" + NS + "\" xmlns:xsi=\"" + XSI + "\""
            + " uri=\"vos://a!vospace/alice/n\" xsi:type=\"vos:DataNode\">";

    private static String withProperties(String properties) {
        return OPEN + "<vos:properties>" + properties + "</vos:properties></vos:node>";
    }

    private static String refusal(Executable read) {
        return assertThrows(VoSpaceDocumentException.class, read).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void externalEntityIsNotResolved() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE vos:node [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + withProperties("<vos:property uri=\"ivo://x#p\">&secret;</vos:property>");
        String message = refusal(() -> readNode(xml));
        assertMentions(message, "DOCTYPE");
        assertFalse(message.contains("root:"), message);
    }

    @Test
    void externalParameterEntityIsNotResolved() {
        String xml = "<!DOCTYPE x [<!ENTITY % remote SYSTEM \"file:///etc/passwd\"> %remote;]>" + OPEN + "</vos:node>";
        String message = refusal(() -> readNode(xml));
        assertMentions(message, "DOCTYPE");
        assertFalse(message.contains("root:"), message);
    }

    @Test
    void billionLaughsIsRefusedWithoutExpanding() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = dtd.append("]>") + withProperties("<vos:property uri=\"ivo://x#p\">&lol9;</vos:property>");
        String message = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refusal(() -> readNode(xml)));
        assertMentions(message, "DOCTYPE");
    }

    @Test
    void transferWithDoctypeIsRefused() {
        String xml = "<!DOCTYPE t [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><vos:transfer xmlns:vos=\"" + NS
                + "\"><vos:target>&e;</vos:target><vos:direction>pushToVoSpace</vos:direction></vos:transfer>";
        assertMentions(refusal(() -> readTransfer(xml)), "DOCTYPE");
    }

    @Test
    void wrongNamespaceIsRefused() {
        String v1 = "<vos:node xmlns:vos=\"http://www.ivoa.net/xml/VOSpace/v1.0\" uri=\"vos://a!vospace/n\"/>";
        assertMentions(refusal(() -> readNode(v1)), "VOSpace/v1.0", NS);
        String none = "<node uri=\"vos://a!vospace/n\"/>";
        assertMentions(refusal(() -> readNode(none)), "no namespace", NS);
    }

    @Test
    void wrongRootElementIsRefused() {
        String transfer = "<vos:transfer xmlns:vos=\"" + NS + "\"/>";
        assertMentions(refusal(() -> readNode(transfer)), "vos:node", "vos:transfer");
        assertMentions(refusal(() -> readTransfer(OPEN + "</vos:node>")), "vos:transfer", "vos:node");
    }

    @Test
    void nodeWithoutUriIsRefused() {
        String missing = "<vos:node xmlns:vos=\"" + NS + "\" xmlns:xsi=\"" + XSI + "\" xsi:type=\"vos:DataNode\"/>";
        assertMentions(refusal(() -> readNode(missing)), "no uri attribute");
        String blank = missing.replace("/>", " uri=\"  \"/>");
        assertMentions(refusal(() -> readNode(blank)), "no uri attribute");
    }

    @Test
    void unknownOrMissingTypeIsRefused() {
        assertMentions(refusal(() -> readNode(OPEN.replace("vos:DataNode", "vos:FileNode") + "</vos:node>")),
                "vos:FileNode", "vos:ContainerNode");
        // The right local name in the wrong namespace is not a VOSpace type.
        String foreign = OPEN.replace("xsi:type=\"vos:DataNode\"", "xmlns:x=\"http://example.org/ns\" xsi:type=\"x:DataNode\"");
        assertMentions(refusal(() -> readNode(foreign + "</vos:node>")), "x:DataNode", "http://example.org/ns");
        String undeclared = OPEN.replace("vos:DataNode", "q:DataNode") + "</vos:node>";
        assertMentions(refusal(() -> readNode(undeclared)), "'q'", "not declared");
        String untyped = OPEN.replace(" xsi:type=\"vos:DataNode\"", "") + "</vos:node>";
        assertMentions(refusal(() -> readNode(untyped)), "no xsi:type");
    }

    @Test
    void propertyWithoutUriIsRefused() {
        String xml = withProperties("<vos:property uri=\"ivo://x#a\">1</vos:property><vos:property>2</vos:property>");
        assertMentions(refusal(() -> readNode(xml)), "property number 2", "no uri");
    }

    @Test
    void repeatedPropertyIsRefused() {
        String xml = withProperties("<vos:property uri=\"ivo://x#a\">1</vos:property><vos:property uri=\"ivo://x#a\">2</vos:property>");
        assertMentions(refusal(() -> readNode(xml)), "ivo://x#a", "more than once");
    }

    @Test
    void propertyWithMarkupInsideIsRefused() {
        String xml = withProperties("<vos:property uri=\"ivo://x#a\">1<vos:b/></vos:property>");
        assertMentions(refusal(() -> readNode(xml)), "text only");
    }

    @Test
    void moreThanAThousandPropertiesAreRefused() throws Exception {
        StringBuilder props = new StringBuilder();
        for (int i = 0; i < NodeDocumentReader.MAX_PROPERTIES; i++) {
            props.append("<vos:property uri=\"ivo://x#p").append(i).append("\">v</vos:property>");
        }
        assertEquals(1000, readNode(withProperties(props.toString())).properties().size());
        String tooMany = withProperties(props + "<vos:property uri=\"ivo://x#extra\">v</vos:property>");
        assertMentions(refusal(() -> readNode(tooMany)), "more than 1000 properties");
    }

    @Test
    void propertyValueOver64KiBIsRefused() throws Exception {
        String xml = withProperties("<vos:property uri=\"ivo://x#big\">" + "a".repeat(70 * 1024) + "</vos:property>");
        assertMentions(refusal(() -> readNode(xml)), "ivo://x#big", "71680 bytes", "64 KiB");
        // Exactly at the limit is fine; the limit counts UTF-8 bytes, not characters.
        String atLimit = withProperties("<vos:property uri=\"ivo://x#ok\">" + "a".repeat(64 * 1024) + "</vos:property>");
        assertEquals(64 * 1024, readNode(atLimit).properties().get(0).value().length());
        String wide = withProperties("<vos:property uri=\"ivo://x#wide\">" + "星".repeat(30_000) + "</vos:property>");
        assertMentions(refusal(() -> readNode(wide)), "90000 bytes", "64 KiB");
    }

    @Test
    void documentOver4MiBIsRefused() {
        String padding = "<!--" + "x".repeat(5 * 1024 * 1024) + "-->";
        String xml = OPEN + padding + "</vos:node>";
        assertMentions(refusal(() -> readNode(xml)), "larger than 4 MiB");
    }

    @Test
    void endlessDocumentIsCutOffNearTheLimit() {
        // A body that never ends must be stopped by counting, not read to the end.
        byte[] head = OPEN.getBytes(StandardCharsets.UTF_8);
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                long i = served[0]++;
                return i < head.length ? head[(int) i] & 0xff : ' ';
            }
        };
        String message = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> refusal(
                () -> new NodeDocumentReader().readNode(endless)));
        assertMentions(message, "4 MiB");
        assertTrue(served[0] < NodeDocumentReader.MAX_DOCUMENT_BYTES + 64 * 1024, "read " + served[0] + " bytes");
    }

    @Test
    void badBooleansAreRefused() {
        assertMentions(refusal(() -> readNode(OPEN.replace(">", " busy=\"yes\">") + "</vos:node>")), "busy", "'yes'");
        String transfer = "<vos:transfer xmlns:vos=\"" + NS + "\"><vos:target>vos://a!vospace/x</vos:target>"
                + "<vos:direction>vos://a!vospace/y</vos:direction><vos:keepBytes>maybe</vos:keepBytes></vos:transfer>";
        assertMentions(refusal(() -> readTransfer(transfer)), "keepBytes", "'maybe'");
    }

    @Test
    void transferWithoutTargetOrDirectionIsRefused() {
        String noTarget = "<vos:transfer xmlns:vos=\"" + NS + "\" version=\"2.1\"><vos:direction>pushToVoSpace</vos:direction></vos:transfer>";
        assertMentions(refusal(() -> readTransfer(noTarget)), "no vos:target");
        String noDirection = "<vos:transfer xmlns:vos=\"" + NS + "\" version=\"2.1\"><vos:target>vos://a!vospace/x</vos:target></vos:transfer>";
        assertMentions(refusal(() -> readTransfer(noDirection)), "no vos:direction", "pushToVoSpace");
        String emptyDirection = noDirection.replace("</vos:transfer>", "<vos:direction> </vos:direction></vos:transfer>");
        assertMentions(refusal(() -> readTransfer(emptyDirection)), "no vos:direction");
    }

    @Test
    void transferWithUnknownDirectionOrBadPartsIsRefused() {
        String base = "<vos:transfer xmlns:vos=\"" + NS + "\"><vos:target>%s</vos:target><vos:direction>%s</vos:direction>%s</vos:transfer>";
        assertMentions(refusal(() -> readTransfer(base.formatted("vos://a!vospace/x", "sideways", ""))),
                "'sideways'", "pullFromVoSpace");
        assertMentions(refusal(() -> readTransfer(base.formatted("http://a/x", "pushToVoSpace", ""))),
                "not a vos:// URI");
        assertMentions(refusal(() -> readTransfer(base.formatted("vos://a!vospace/x", "pushToVoSpace",
                "<vos:protocol><vos:endpoint>http://h/</vos:endpoint></vos:protocol>"))), "vos:protocol has no uri");
        assertMentions(refusal(() -> readTransfer(base.formatted("vos://a!vospace/x", "pushToVoSpace",
                "<vos:target>vos://a!vospace/y</vos:target>"))), "more than one vos:target");
    }

    @Test
    void malformedOrEmptyInputIsRefused() {
        assertMentions(refusal(() -> readNode(OPEN + "<vos:properties>")), "not well-formed", "line 1");
        assertMentions(refusal(() -> new NodeDocumentReader().readNode(utf8(""))), "not well-formed");
        assertMentions(refusal(() -> readNode("not xml at all")), "not well-formed");
    }
}
