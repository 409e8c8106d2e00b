package org.astroruntime.registry.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

/** Search, filters and resolution over the bundled sample set and the suite's own records, through HTTP. */
@QuarkusTest
@TestProfile(SearchTest.BundledRecords.class)
@WithTestResource(KafkaBrokerTestResource.class)
class SearchTest {

    /** The registry as shipped: the bundled sample set on, no test directory. */
    public static class BundledRecords implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registry.records.bundled", "true", "registry.records.dir", "");
        }
    }

    @Test
    void searchConeForSdssFindsTheSdssCatalogueFirst() {
        // The ACR's searchCone('SDSS').
        given().queryParam("q", "SDSS").queryParam("kind", "cone").get("/search").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(2))
                .body("hits[0].resource.ivoid", equalTo("ivo://cds.vizier/V/147"))
                .body("hits.kinds", everyItem(hasItem("cone")))
                .body("hits.resource.ivoid", not(hasItem("ivo://sdss.jhu/services/siapdr9-images")));
    }

    @Test
    void filtersSelectSiaVersionsTapSsaAndApplications() {
        given().queryParam("kind", "sia2").get("/search").then().statusCode(200).body("total", equalTo(2))
                .body("hits.resource.ivoid", hasItems("ivo://cadc.nrc.ca/sia", "ivo://org.gavo.dc/__system__/siap2/sitewide"));
        given().queryParam("kind", "sia1,sia2").queryParam("q", "2MASS").get("/search").then()
                .body("hits.resource.ivoid", hasItem("ivo://irsa.ipac/2MASS-ASKY-AT"))
                .body("hits.resource.ivoid", not(hasItem("ivo://irsa.ipac/2MASS-PSC")));
        given().queryParam("kind", "tap").get("/search").then().body("total", equalTo(2));
        given().queryParam("kind", "ssa").get("/search").then().body("hits[0].resource.ivoid",
                equalTo("ivo://org.gavo.dc/flashheros/q/ssa"));
        given().queryParam("kind", "cea").get("/search").then().body("total", equalTo(1))
                .body("hits[0].resource.ivoid", equalTo("ivo://astroruntime.local/app/sextractor"));
        given().queryParam("kind", "cone").queryParam("waveband", "infrared").get("/search").then()
                .body("hits.resource.ivoid", hasItem("ivo://irsa.ipac/2MASS-PSC"))
                .body("hits.resource.ivoid", not(hasItem("ivo://cds.vizier/I/284")));
    }

    @Test
    void theSuitesOwnServicesAreFoundLikeAnyOther() {
        given().queryParam("kind", "vospace").get("/search").then().statusCode(200)
                .body("hits[0].resource.ivoid", equalTo("ivo://astroruntime.local/vospace"))
                .body("hits[0].resource.capabilities[0].interfaces[0].accessUrls[0]", equalTo("http://127.0.0.1:8084"));
        given().queryParam("q", "AstroRuntime query").get("/search").then()
                .body("hits.resource.ivoid", hasItem("ivo://astroruntime.local/query"));
    }

    @Test
    void resolveGivesJsonByDefaultAndTheOriginalRecordOnRequest() {
        given().get("/resources/{id}", "ivo://irsa.ipac/2MASS-PSC").then().statusCode(200)
                .contentType(containsString("json"))
                .body("wavebands", hasItem("Infrared"))
                .body("capabilities.standardId", hasItem("ivo://ivoa.net/std/ConeSearch"));
        given().accept("application/xml").get("/resources/{id}", "ivo://irsa.ipac/2MASS-PSC").then().statusCode(200)
                .contentType(containsString("xml"))
                .body(containsString("<identifier>ivo://irsa.ipac/2MASS-PSC</identifier>"))
                .body(containsString("xmlns:ri=\"http://www.ivoa.net/xml/RegistryInterface/v1.0\""));
        given().accept("application/xml").get("/resources/{id}", "ivo://nowhere.example/x").then().statusCode(404);
    }

    @Test
    void badSearchParametersAre400NamingTheParameter() {
        given().queryParam("kind", "telescope").get("/search").then().statusCode(400)
                .body("parameter", equalTo("kind")).body("message", containsString("cone"));
        given().queryParam("limit", 5000).get("/search").then().statusCode(400).body("parameter", equalTo("limit"));
        given().queryParam("offset", -1).get("/search").then().statusCode(400).body("parameter", equalTo("offset"));
        given().queryParam("q", "x".repeat(1001)).get("/search").then().statusCode(400).body("parameter", equalTo("q"));
        // Query syntax the user did not mean as syntax is still a search, never an error.
        given().queryParam("q", "\"unbalanced (AND OR ~~ *").get("/search").then().statusCode(200);
    }
}
