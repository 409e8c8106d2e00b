package org.astroruntime.vospace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import static org.astroruntime.vospace.VoSpaceDocs.VOS;
import static org.astroruntime.vospace.VoSpaceDocs.node;
import static org.astroruntime.vospace.VoSpaceDocs.put;

/** VOSpace 2.1 properties: set, change, remove (xsi:nil), read-only ones, ispublic. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class PropertiesConformanceTest {

    @Test
    void propertiesAreSetChangedAndRemovedAndPublicNodesAreReadableByOthers() {
        String t = Logins.tokenFor("pia");
        put(t, "pia/notes", node(VOS + "pia/notes", "DataNode", "")).then().statusCode(201);
        given().auth().oauth2(t).contentType("text/xml").body(node(VOS + "pia/notes", "DataNode",
                "<vos:property uri=\"ivo://ivoa.net/vospace/core#title\">Notes</vos:property>"
                        + "<vos:property uri=\"ivo://example.org/p#colour\">red</vos:property>"))
                .post("/nodes/pia/notes").then().statusCode(200).body(containsString("Notes")).body(containsString("red"));
        given().auth().oauth2(t).contentType("text/xml").body(node(VOS + "pia/notes", "DataNode",
                "<vos:property uri=\"ivo://example.org/p#colour\" xsi:nil=\"true\"/>"))
                .post("/nodes/pia/notes").then().statusCode(200).body(containsString("Notes")).body(not(containsString("red")));

        String other = Logins.tokenFor("quinn");
        given().auth().oauth2(other).get("/nodes/pia/notes").then().statusCode(403);
        given().auth().oauth2(t).contentType("text/xml").body(node(VOS + "pia/notes", "DataNode",
                "<vos:property uri=\"ivo://ivoa.net/vospace/core#ispublic\">true</vos:property>"))
                .post("/nodes/pia/notes").then().statusCode(200);
        given().auth().oauth2(other).get("/nodes/pia/notes").then().statusCode(200).body(containsString("Notes"));
        given().auth().oauth2(other).contentType("text/xml").body(node(VOS + "pia/notes", "DataNode", ""))
                .post("/nodes/pia/notes").then().statusCode(403);
        given().get("/data/pia/notes").then().statusCode(200);
    }

}
