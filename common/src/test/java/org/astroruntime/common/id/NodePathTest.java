package org.astroruntime.common.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodePathTest {

    @Test
    void parsesSegmentsAndIgnoresOuterSlashes() {
        assertEquals(List.of("cones", "ned.vot"), NodePath.parse("/cones/ned.vot/").segments());
        assertTrue(NodePath.parse("").isRoot());
        assertTrue(NodePath.parse("/").isRoot());
    }

    @Test
    void decodesPercentEscapes() {
        assertEquals(List.of("my file.vot"), NodePath.parse("my%20file.vot").segments());
        assertEquals(List.of("caf\u00e9"), NodePath.parse("caf%C3%A9").segments());
    }

    @Test
    void navigates() {
        NodePath p = NodePath.parse("a/b");
        assertEquals("a/b/c", p.child("c").toString());
        assertEquals("a", p.parent().toString());
        assertEquals("b", p.name());
        assertTrue(NodePath.ROOT.parent().isRoot());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "a/../b", "%2e%2e", "a/%2E%2E/b", ".", "a/./b", "a%2fb", "a%2Fb", "a\\b",
            "a%5cb", "a%00b", "a\u0000b", "a\nb", "a%0Ab", "a%7Fb", "a//b", "%zz", "a%2"})
    void refusesTraversalAndControlCharacters(String text) {
        assertThrows(InvalidIdentifierException.class, () -> NodePath.parse(text));
    }

    @Test
    void refusesOverlongNamesPathsAndDepth() {
        assertThrows(InvalidIdentifierException.class, () -> NodePath.parse("x".repeat(256)));
        assertEquals(255, NodePath.parse("x".repeat(255)).name().length());
        assertThrows(InvalidIdentifierException.class, () -> NodePath.parse("ab/".repeat(400)));
        assertThrows(InvalidIdentifierException.class, () -> NodePath.parse("a/".repeat(65)));
        assertThrows(InvalidIdentifierException.class, () -> NodePath.parse(null));
    }
}
