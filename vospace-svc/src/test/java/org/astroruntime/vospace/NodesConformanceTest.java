package org.astroruntime.vospace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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

import static org.astroruntime.vospace.VoSpaceDocs.VOS;
import static org.astroruntime.vospace.VoSpaceDocs.node;
import static org.astroruntime.vospace.VoSpaceDocs.put;

/** VOSpace 2.1 nodes: creation, documents, detail levels, paged listings, concurrent creation. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class NodesConformanceTest {

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
