package org.astroruntime.vospace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

/** VOSpace 2.1 nodes, properties, deletion and faults over HTTP against the running service. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class NodesConformanceTest {

    private static final String VOS = "vos://astroruntime.local!vospace/";

    static String node(String uri, String type, String properties) {
        return "<vos:node xmlns:vos=\"http://www.ivoa.net/xml/VOSpace/v2.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " uri=\"" + uri + "\" xsi:type=\"vos:" + type + "\"><vos:properties>" + properties + "</vos:properties></vos:node>";
    }

    static Response put(String token, String path, String doc) {
        return given().auth().oauth2(token).contentType("text/xml").body(doc).put("/nodes/" + path);
    }

    @Test
    void theHomeExistsAndContainersAndDataNodesAreCreatedUnderIt() {
        String t = Logins.tokenFor("nora");
        given().auth().oauth2(t).get("/nodes/nora").then().statusCode(200)
                .body(containsString("xsi:type=\"vos:ContainerNode\"")).body(containsString("uri=\"" + VOS + "nora\""));
        put(t, "nora/cones", node(VOS + "nora/cones", "ContainerNode", "")).then().statusCode(201);
        put(t, "nora/cones/a.vot", node(VOS + "nora/cones/a.vot", "DataNode",
                "<vos:property uri=\"ivo://ivoa.net/vospace/core#description\">first cone</vos:property>")).then().statusCode(201);
        given().auth().oauth2(t).get("/nodes/nora/cones/a.vot").then().statusCode(200)
                .body(containsString("vos:DataNode")).body(containsString("first cone"))
                .body(containsString("ivo://ivoa.net/vospace/core#length"));
        given().auth().oauth2(t).accept("application/json").get("/nodes/nora/cones").then().statusCode(200)
                .body("type", equalTo("ContainerNode")).body("nodes[0].uri", equalTo(VOS + "nora/cones/a.vot"));
        given().auth().oauth2(t).get("/nodes/nora/cones?detail=min").then().statusCode(200)
                .body(not(containsString("vos:property ")));
        given().auth().oauth2(t).get("/nodes/nora/cones?detail=properties").then().statusCode(200)
                .body(not(containsString("a.vot")));
        given().auth().oauth2(t).get("/nodes/nora/cones?detail=everything").then().statusCode(400).body(containsString("InvalidArgument"));
    }

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

    @Test
    void containerListingsArePagedByLimitAndUri() {
        String t = Logins.tokenFor("rosa");
        put(t, "rosa/many", node(VOS + "rosa/many", "ContainerNode", "")).then().statusCode(201);
        for (int i = 0; i < 25; i++) {
            String name = String.format("n%02d", i);
            put(t, "rosa/many/" + name, node(VOS + "rosa/many/" + name, "DataNode", "")).then().statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        while (true) {
            String url = "/nodes/rosa/many?limit=10" + (after == null ? "" : "&uri=" + after);
            List<String> page = childUris(given().auth().oauth2(t).urlEncodingEnabled(true).get(url).then().statusCode(200).extract().asString());
            seen.addAll(page);
            if (page.size() < 10) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        assertEquals(25, seen.size());
        assertEquals(VOS + "rosa/many/n00", seen.get(0));
        assertEquals(VOS + "rosa/many/n24", seen.get(24));
        assertEquals(25, childUris(given().auth().oauth2(t).get("/nodes/rosa/many").asString()).size());
        assertEquals(0, childUris(given().auth().oauth2(t).get("/nodes/rosa/many?limit=0").asString()).size());
    }

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

    @Test
    void ofConcurrentCreationsOfOneNodeExactlyOneSucceeds() throws Exception {
        String t = Logins.tokenFor("tara");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> put(t, "tara/race", node(VOS + "tara/race", "ContainerNode", "")).statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                codes.add(f.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
            assertTrue(codes.stream().allMatch(c -> c == 201 || c == 409), codes.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> childUris(String xml) {
        List<String> uris = new ArrayList<>();
        int nodes = xml.indexOf("<vos:nodes");
        if (nodes < 0) {
            return uris;
        }
        Matcher m = Pattern.compile("<vos:node [^>]*uri=\"([^\"]+)\"").matcher(xml.substring(nodes));
        while (m.find()) {
            uris.add(m.group(1));
        }
        return uris;
    }
}
