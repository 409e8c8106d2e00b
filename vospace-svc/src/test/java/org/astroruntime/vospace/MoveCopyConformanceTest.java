package org.astroruntime.vospace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

/** VOSpace 2.1 move and copy (a transfer whose direction is a node URI), of single nodes and whole trees. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class MoveCopyConformanceTest {

    private static final String VOS = VoSpaceDocs.VOS;

    @Test
    void moveAndCopyCarryContainersWithEverythingInThem() {
        String t = Logins.tokenFor("zoe");
        given().auth().oauth2(t).body("a").put("/data/zoe/src/a.txt").then().statusCode(201);
        given().auth().oauth2(t).body("b").put("/data/zoe/src/deep/b.txt").then().statusCode(201);
        given().auth().oauth2(t).put("/data/zoe/dest/keep.txt").then().statusCode(201);

        // copy src -> copied
        given().auth().oauth2(t).contentType("text/xml").body(TransfersConformanceTest.transfer(VOS + "zoe/src", VOS + "zoe/copied", null, true))
                .post("/synctrans").then().statusCode(200);
        given().auth().oauth2(t).get("/data/zoe/copied/deep/b.txt").then().statusCode(200).body(equalTo("b"));
        given().auth().oauth2(t).get("/data/zoe/src/deep/b.txt").then().statusCode(200).body(equalTo("b"));

        // move src into the existing container dest (keeps its name)
        given().auth().oauth2(t).contentType("text/xml").body(TransfersConformanceTest.transfer(VOS + "zoe/src", VOS + "zoe/dest", null, false))
                .post("/synctrans").then().statusCode(200);
        given().auth().oauth2(t).get("/data/zoe/dest/src/a.txt").then().statusCode(200).body(equalTo("a"));
        given().auth().oauth2(t).get("/nodes/zoe/dest/src/deep").then().statusCode(200).body(containsString("b.txt"));
        given().auth().oauth2(t).get("/nodes/zoe/src").then().statusCode(404);

        // faults
        given().auth().oauth2(t).contentType("text/xml").body(TransfersConformanceTest.transfer(VOS + "zoe/dest", VOS + "zoe/dest/src/inside", null, false))
                .post("/synctrans").then().statusCode(400).body(containsString("InvalidArgument"));
        given().auth().oauth2(t).contentType("text/xml").body(TransfersConformanceTest.transfer(VOS + "zoe/copied", VOS + "zoe/nowhere/x", null, false))
                .post("/synctrans").then().statusCode(404).body(containsString("ContainerNotFound"));
        given().auth().oauth2(t).contentType("text/xml").body(TransfersConformanceTest.transfer(VOS + "zoe/copied/a.txt", VOS + "zoe/dest/keep.txt", null, false))
                .post("/synctrans").then().statusCode(409).body(containsString("DuplicateNode"));
        given().auth().oauth2(t).contentType("text/xml").body(TransfersConformanceTest.transfer(VOS + "zoe/ghost", VOS + "zoe/g2", null, false))
                .post("/synctrans").then().statusCode(404).body(containsString("NodeNotFound"));
    }

}
