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

/** VOSpace 2.1 faults: names, status codes, and that a refused request changes nothing. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class FaultsConformanceTest {

    @Test
    void faultsHaveTheirStandardNamesAndCodes() {
        String t = Logins.tokenFor("olga");
        put(t, "olga/missing/x", node(VOS + "olga/missing/x", "DataNode", "")).then().statusCode(404).body(containsString("ContainerNotFound"));
        put(t, "olga/d", node(VOS + "olga/d", "ContainerNode", "")).then().statusCode(201);
        put(t, "olga/d", node(VOS + "olga/d", "ContainerNode", "")).then().statusCode(409).body(containsString("DuplicateNode"));
        put(t, "olga/e", node(VOS + "olga/other", "ContainerNode", "")).then().statusCode(400).body(containsString("InvalidURI"));
        given().auth().oauth2(t).get("/nodes/olga/nothing").then().statusCode(404).body(containsString("NodeNotFound"));
        given().auth().oauth2(t).delete("/nodes/olga/nothing").then().statusCode(404).body(containsString("NodeNotFound"));
        given().auth().oauth2(t).delete("/nodes/olga").then().statusCode(403).body(containsString("PermissionDenied"));
        put(t, "olga/f", node(VOS + "olga/f", "ContainerNode",
                "<vos:property uri=\"ivo://ivoa.net/vospace/core#length\">5</vos:property>")).then().statusCode(403)
                .body(containsString("PermissionDenied"));
        put(t, "olga/g", "<not-a-node/>").then().statusCode(400).body(containsString("InvalidArgument"));
        put(t, "olga/h", "<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + node(VOS + "olga/h", "ContainerNode", "<vos:property uri=\"ivo://x/y#z\">&x;</vos:property>"))
                .then().statusCode(400).body(containsString("InvalidArgument")).body(not(containsString("root:")));
        put(t, "olga/i", node(VOS + "olga/i", "ContainerNode",
                "<vos:property uri=\"ivo://x/y#big\">" + "v".repeat(70_000) + "</vos:property>")).then().statusCode(400);
        given().auth().oauth2(t).get("/nodes/olga/i").then().statusCode(404);
        given().auth().oauth2(t).get("/nodes/ol%20ga/x").then().statusCode(400).body(containsString("InvalidURI"));
    }

}
