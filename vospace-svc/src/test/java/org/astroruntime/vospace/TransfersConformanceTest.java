package org.astroruntime.vospace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

/** VOSpace 2.1 transfers (push, pull, move, copy) and their faults, over HTTP against the running service. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class TransfersConformanceTest {

    private static final String VOS = "vos://astroruntime.local!vospace/";

    static String transfer(String target, String direction, String protocol, Boolean keepBytes) {
        return "<vos:transfer xmlns:vos=\"http://www.ivoa.net/xml/VOSpace/v2.0\" version=\"2.1\">"
                + "<vos:target>" + target + "</vos:target><vos:direction>" + direction + "</vos:direction>"
                + (protocol == null ? "" : "<vos:protocol uri=\"ivo://ivoa.net/vospace/core#" + protocol + "\"/>")
                + (keepBytes == null ? "" : "<vos:keepBytes>" + keepBytes + "</vos:keepBytes>") + "</vos:transfer>";
    }

    static String endpoint(String transferDoc) {
        int at = transferDoc.indexOf("<vos:endpoint>");
        return transferDoc.substring(at + 14, transferDoc.indexOf("</vos:endpoint>")).replace("&amp;", "&");
    }

    private static String pathOf(String url) {
        URI u = URI.create(url);
        return u.getRawPath() + "?" + u.getRawQuery();
    }

    @Test
    void pushNegotiatesASignedEndpointThatTakesTheBytesAndPullOneThatGivesThem() {
        String t = Logins.tokenFor("yan");
        String pushed = given().auth().oauth2(t).contentType("text/xml")
                .body(transfer(VOS + "yan/pushed.txt", "pushToVoSpace", "httpput", null))
                .post("/synctrans").then().statusCode(200).body(containsString("core#httpput")).extract().asString();
        // The negotiation created the (empty) data node; the bytes replace its nothing.
        given().body("pushed bytes").put(pathOf(endpoint(pushed))).then().statusCode(200);

        String pulled = given().auth().oauth2(t).contentType("text/xml")
                .body(transfer(VOS + "yan/pushed.txt", "pullFromVoSpace", "httpget", null))
                .post("/synctrans").then().statusCode(200).extract().asString();
        given().get(pathOf(endpoint(pulled))).then().statusCode(200).body(equalTo("pushed bytes"));

        given().auth().oauth2(t).contentType("text/xml").body(transfer(VOS + "yan/pushed.txt", "pullFromVoSpace", "ftpget", null))
                .post("/synctrans").then().statusCode(400).body(containsString("ProtocolNotSupported"));
        given().auth().oauth2(t).contentType("text/xml").body(transfer(VOS + "yan/pushed.txt", "pushFromVoSpace", null, null))
                .post("/synctrans").then().statusCode(400).body(containsString("ProtocolNotSupported"));
        given().auth().oauth2(t).contentType("text/xml").body(transfer(VOS + "yan/none/x", "pushToVoSpace", "httpput", null))
                .post("/synctrans").then().statusCode(404).body(containsString("ContainerNotFound"));
        given().auth().oauth2(t).contentType("text/xml").body("<transfer/>").post("/synctrans").then().statusCode(400)
                .body(containsString("InvalidArgument"));
    }

    @Test
    void asynchronousTransfersAreJobsOwnedByTheirCaller() {
        String t = Logins.tokenFor("abe");
        given().auth().oauth2(t).body("x").put("/data/abe/one.txt").then().statusCode(201);
        String ok = given().auth().oauth2(t).redirects().follow(false).contentType("text/xml")
                .body(transfer(VOS + "abe/one.txt", VOS + "abe/two.txt", null, false))
                .post("/transfers").then().statusCode(303).extract().header("Location");
        String okPath = URI.create(ok).getRawPath();
        given().auth().oauth2(t).get(okPath + "/phase").then().statusCode(200).body(equalTo("COMPLETED"));
        given().auth().oauth2(t).get("/data/abe/two.txt").then().statusCode(200);

        String bad = given().auth().oauth2(t).redirects().follow(false).contentType("text/xml")
                .body(transfer(VOS + "abe/missing.txt", VOS + "abe/three.txt", null, false))
                .post("/transfers").then().statusCode(303).extract().header("Location");
        String badPath = URI.create(bad).getRawPath();
        given().auth().oauth2(t).get(badPath).then().statusCode(200).body("phase", equalTo("ERROR"))
                .body("errorSummary", containsString("NodeNotFound"));
        given().auth().oauth2(Logins.tokenFor("bea")).get(badPath).then().statusCode(404);
    }

    @Test
    void anotherUsersNodesCannotBeTransferred() {
        String alice = Logins.tokenFor("alice");
        String bob = Logins.tokenFor("bob");
        given().auth().oauth2(alice).body("mine").put("/data/alice/t/secret.txt").then().statusCode(201);
        for (String doc : new String[] {
            transfer(VOS + "alice/t/secret.txt", "pullFromVoSpace", "httpget", null),
            transfer(VOS + "alice/t/missing.txt", "pullFromVoSpace", "httpget", null),
            transfer(VOS + "alice/t/secret.txt", "pushToVoSpace", "httpput", null),
            transfer(VOS + "alice/t/secret.txt", VOS + "bob/stolen.txt", null, true),
            transfer(VOS + "bob/x.txt", VOS + "alice/t/planted.txt", null, false)}) {
            String answer = given().auth().oauth2(bob).contentType("text/xml").body(doc).post("/synctrans")
                    .then().statusCode(403).extract().asString();
            assertTrue(answer.startsWith("PermissionDenied"), answer);
        }
        given().auth().oauth2(alice).get("/data/alice/t/secret.txt").then().body(equalTo("mine"));
    }
}
