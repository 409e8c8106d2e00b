package org.astroruntime.registry.harvest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.astroruntime.common.testkit.TokenTestResource;
import org.astroruntime.registry.harvest.OaiPmhTestServer.Fault;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Harvesting over real HTTP from an OAI-PMH endpoint: paging with resumption tokens, incremental harvests,
 * deletions, per-record rejection, and every way an endpoint can fail (each keeping the last good set). The tests
 * build on each other's state, in order.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(TokenTestResource.class)
@WithTestResource(OaiPmhTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HarvestTest {

    private static final String ADMIN = TokenTestResource.tokens().issue("root", List.of("user", "admin"),
            Instant.now().plus(1, ChronoUnit.HOURS));
    private static final String USER = TokenTestResource.tokens().issue("alice");
    private static final Instant EARLIER = Instant.now().minus(1, ChronoUnit.HOURS);

    static String record(String ivoid, String title) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ri:Resource xmlns:ri="http://www.ivoa.net/xml/RegistryInterface/v1.0"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1"
                  xsi:type="vs:CatalogService" status="active">
                  <title>%s</title><shortName>H</shortName><identifier>%s</identifier>
                  <content><subject>harvesting</subject><description>Harvested test record.</description>
                    <type>Catalog</type></content>
                  <capability standardID="ivo://ivoa.net/std/ConeSearch"><interface xsi:type="vs:ParamHTTP" role="std">
                    <accessURL use="base">http://example.org/cone?</accessURL></interface></capability>
                </ri:Resource>""".formatted(title, ivoid);
    }

    private static OaiPmhTestServer server() {
        return OaiPmhTestResource.server();
    }

    private static ValidatableResponse harvest() {
        return given().auth().oauth2(ADMIN).post("/harvests").then().statusCode(200);
    }

    private static String nextFrom() {
        return given().get("/harvests").then().statusCode(200).extract().path("[0].nextFrom");
    }

    @Test
    @Order(1)
    void fullHarvestFollowsResumptionTokensAndRejectsBadRecordsOneByOne() {
        for (int i = 1; i <= 10; i++) {
            server().put("ivo://harvest.test/r" + i, record("ivo://harvest.test/r" + i, "Harvested record " + i), EARLIER);
        }
        server().put("ivo://harvest.test/no-id", record("", "No identifier"), EARLIER);
        server().put("ivo://harvest.test/wrong-ns", "<Resource xmlns=\"http://example.org/other\"><title>x</title></Resource>", EARLIER);
        server().put("ivo://harvest.test/bad-id", record("ivo://bad id/with spaces", "Bad id"), EARLIER);
        int before = server().listRecordsRequests();

        harvest().body("[0].status", equalTo("COMPLETED"))
                .body("[0].added", equalTo(10))
                .body("[0].rejected.size()", equalTo(3))
                .body("[0].rejected.find { it.record == 'ivo://harvest.test/no-id' }.reason", containsString("no identifier"))
                .body("[0].rejected.find { it.record == 'ivo://harvest.test/wrong-ns' }.reason", containsString("RegistryInterface"))
                .body("[0].rejected.find { it.record == 'ivo://harvest.test/bad-id' }.reason", containsString("invalid identifier"));
        // 13 records at 3 a page.
        assertEquals(5, server().listRecordsRequests() - before);
        assertTrue(server().requestLog().stream().anyMatch(q -> q.contains("resumptionToken=")));
        given().get("/resources/{id}", "ivo://harvest.test/r7").then().statusCode(200).body("title", equalTo("Harvested record 7"));
        given().accept("application/xml").get("/resources/{id}", "ivo://harvest.test/r7").then().statusCode(200)
                .body(containsString("<title>Harvested record 7</title>"));
        given().queryParam("q", "harvested").queryParam("kind", "cone").get("/search").then().statusCode(200)
                .body("total", equalTo(10));
        given().get("/harvests").then().body("[0].url", equalTo(server().endpoint().toString()))
                .body("[0].nextFrom", notNullValue());
    }

    @Test
    @Order(2)
    void incrementalHarvestAsksOnlyForChangesAndHonoursDeletions() {
        String from = nextFrom();
        Instant later = Instant.now().plus(5, ChronoUnit.SECONDS);
        server().put("ivo://harvest.test/r1", record("ivo://harvest.test/r1", "Renamed record 1"), later);
        server().delete("ivo://harvest.test/r2", later);
        server().put("ivo://harvest.test/r11", record("ivo://harvest.test/r11", "Harvested record 11"), later);

        harvest().body("[0].status", equalTo("COMPLETED"))
                .body("[0].added", equalTo(1)).body("[0].changed", equalTo(1)).body("[0].deleted", equalTo(1))
                .body("[0].unchanged", equalTo(0));
        assertTrue(server().requestLog().stream().anyMatch(q -> q.contains("from=" + from.replace(":", "%3A"))),
                "the harvest should ask from=" + from + ": " + server().requestLog());
        given().get("/resources/{id}", "ivo://harvest.test/r2").then().statusCode(404);
        given().get("/resources/{id}", "ivo://harvest.test/r1").then().body("title", equalTo("Renamed record 1"));
    }

    @Test
    @Order(3)
    void everyEndpointFailureEndsTheHarvestWithAClearStatusAndKeepsTheLastGoodSet() {
        String from = nextFrom();
        server().put("ivo://harvest.test/r12", record("ivo://harvest.test/r12", "Harvested record 12"),
                Instant.now().plus(10, ChronoUnit.SECONDS));
        Map<Fault, String> expected = Map.of(
                Fault.HTTP_500, "HTTP 500",
                Fault.HTML_PAGE, "unreadable",
                Fault.OAI_ERROR, "badArgument",
                Fault.LOOPING_TOKEN, "loops",
                Fault.STALL, "within PT3S",
                Fault.TRUNCATED, "unreadable",
                Fault.ENTITY_BOMB, "DOCTYPE");
        try {
            for (Map.Entry<Fault, String> e : expected.entrySet()) {
                server().setFault(e.getKey());
                harvest().body("[0].status", equalTo("FAILED"))
                        .body("[0].added", equalTo(0))
                        .body("[0].message", containsString(e.getValue()))
                        .body("[0].message", containsString("previous set is kept"));
                given().get("/resources/{id}", "ivo://harvest.test/r12").then().statusCode(404);
                given().get("/resources/{id}", "ivo://harvest.test/r1").then().statusCode(200);
                assertEquals(from, nextFrom(), "a failed harvest must not move the watermark (" + e.getKey() + ")");
            }
            server().setFault(Fault.NONE);
            // A harvest that breaks after its first page keeps none of that page either.
            for (int i = 13; i <= 18; i++) {
                server().put("ivo://harvest.test/r" + i, record("ivo://harvest.test/r" + i, "Record " + i),
                        Instant.now().plus(10, ChronoUnit.SECONDS));
            }
            server().failAfterPages(1);
            harvest().body("[0].status", equalTo("FAILED")).body("[0].message", containsString("HTTP 500"));
            given().get("/resources/{id}", "ivo://harvest.test/r12").then().statusCode(404);
        } finally {
            server().setFault(Fault.NONE);
            server().failAfterPages(-1);
        }
        harvest().body("[0].status", equalTo("COMPLETED")).body("[0].added", equalTo(7));
        given().get("/resources/{id}", "ivo://harvest.test/r12").then().statusCode(200);
        given().get("/ingest/reports").then().body("status", hasItem("FAILED"));
    }

    @Test
    @Order(4)
    void onlyAnAdministratorMayHarvestAndOnlyAConfiguredSource() {
        given().post("/harvests").then().statusCode(401);
        given().auth().oauth2(USER).post("/harvests").then().statusCode(403);
        given().auth().oauth2(ADMIN).queryParam("source", "http://169.254.169.254/latest").post("/harvests")
                .then().statusCode(400).body("parameter", equalTo("source"))
                .body("message", containsString("not a configured source"));
    }
}
