package org.astroruntime.vospace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;


/** VOSpace 2.1 deletion: a container goes with everything in it, bytes included. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class DeleteConformanceTest {

    @Test
    void deletingAContainerRemovesEverythingInIt() {
        String t = Logins.tokenFor("sam");
        given().auth().oauth2(t).body("bytes").put("/data/sam/tree/sub/file.txt").then().statusCode(201);
        given().auth().oauth2(t).get("/nodes/sam/tree/sub").then().statusCode(200).body(containsString("file.txt"));
        given().auth().oauth2(t).delete("/nodes/sam/tree").then().statusCode(204);
        given().auth().oauth2(t).get("/nodes/sam/tree/sub/file.txt").then().statusCode(404);
        given().auth().oauth2(t).get("/data/sam/tree/sub/file.txt").then().statusCode(404);
        given().auth().oauth2(t).body("again").put("/data/sam/tree/sub/file.txt").then().statusCode(201);
    }

}
