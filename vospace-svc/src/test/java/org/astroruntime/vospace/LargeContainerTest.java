package org.astroruntime.vospace;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

/** A container of 100,000 children is listed whole (streamed) and page by page over HTTP. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class LargeContainerTest {

    private static final int CHILDREN = 100_000;

    @Inject
    AgroalDataSource db;

    @Test
    void listsAHundredThousandChildrenWholeAndInPages() throws Exception {
        String t = Logins.tokenFor("huge");
        given().auth().oauth2(t).contentType("text/xml").body(VoSpaceDocs.node(
                "vos://astroruntime.local!vospace/huge/big", "ContainerNode", "")).put("/nodes/huge/big").then().statusCode(201);
        // The children are inserted in one statement: creating them one by one over HTTP would test the clock.
        // Numbers 1..100,000 from five cross-joined digit tables: portable SQL (H2 and PostgreSQL).
        String digits = "(VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9))";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO nodes (owner, path, parent, type, link_target, length, md5, content_type, creator, is_public, created, modified) "
                        + "SELECT 'huge', CONCAT('big/c', LPAD(CAST(a.d * 10000 + b.d * 1000 + e.d * 100 + f.d * 10 + g.d + 1 AS VARCHAR), 6, '0')), "
                        + "'big', 'DataNode', NULL, 0, NULL, NULL, 'huge', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM "
                        + digits + " AS a(d) CROSS JOIN " + digits + " AS b(d) CROSS JOIN " + digits + " AS e(d) CROSS JOIN "
                        + digits + " AS f(d) CROSS JOIN " + digits + " AS g(d)")) {
            assertEquals(CHILDREN, s.executeUpdate());
        }

        Response whole = given().auth().oauth2(t).get("/nodes/huge/big?detail=min");
        assertEquals(200, whole.statusCode());
        assertEquals(CHILDREN, countChildren(whole.asInputStream()));

        int seen = 0;
        String after = null;
        while (true) {
            Response page = given().auth().oauth2(t).get("/nodes/huge/big?limit=25000"
                    + (after == null ? "" : "&uri=vos://astroruntime.local!vospace/huge/big/" + after));
            int n = countChildren(page.asInputStream());
            seen += n;
            if (n < 25_000) {
                break;
            }
            after = String.format("c%06d", seen);
        }
        assertEquals(CHILDREN, seen);
    }

    /** Counts the nodes inside vos:nodes with a streaming parser, as a client should read a huge listing. */
    private static int countChildren(InputStream xml) throws Exception {
        XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(xml);
        int depth = 0;
        int count = 0;
        boolean inNodes = false;
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (r.getLocalName().equals("nodes")) {
                    inNodes = true;
                } else if (inNodes && r.getLocalName().equals("node")) {
                    count++;
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (r.getLocalName().equals("nodes")) {
                    inNodes = false;
                }
            }
        }
        return count;
    }
}
