package org.astroruntime.vospace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.security.MessageDigest;
import java.util.Base64;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

/** Content-MD5, Range, quota and the signed write URL on the data URL. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class DataTransferChecksTest {

    @Test
    void aWrongContentMd5IsRefusedAndNothingIsKept() throws Exception {
        String t = Logins.tokenFor("uma");
        byte[] data = "the right bytes".getBytes();
        String good = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
        String bad = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest("other".getBytes()));
        given().auth().oauth2(t).header("Content-MD5", bad).body(data).put("/data/uma/x.bin")
                .then().statusCode(400).body(containsString("InvalidArgument")).body(containsString("MD5"));
        given().auth().oauth2(t).get("/nodes/uma/x.bin").then().statusCode(404);
        given().auth().oauth2(t).header("Content-MD5", "not base64!").body(data).put("/data/uma/x.bin").then().statusCode(400);
        given().auth().oauth2(t).header("Content-MD5", good).body(data).put("/data/uma/x.bin").then().statusCode(201);
    }

    @Test
    void rangesAreServed() {
        String t = Logins.tokenFor("vera");
        given().auth().oauth2(t).body("0123456789").put("/data/vera/digits.txt").then().statusCode(201);
        given().auth().oauth2(t).header("Range", "bytes=2-5").get("/data/vera/digits.txt")
                .then().statusCode(206).header("Content-Range", "bytes 2-5/10").body(equalTo("2345"));
        given().auth().oauth2(t).header("Range", "bytes=-3").get("/data/vera/digits.txt").then().statusCode(206).body(equalTo("789"));
        given().auth().oauth2(t).header("Range", "bytes=7-").get("/data/vera/digits.txt").then().statusCode(206).body(equalTo("789"));
        given().auth().oauth2(t).header("Range", "bytes=20-30").get("/data/vera/digits.txt").then().statusCode(416);
        given().auth().oauth2(t).get("/data/vera/digits.txt").then().statusCode(200).header("Accept-Ranges", "bytes").body(equalTo("0123456789"));
    }

    @Test
    void uploadsPastTheQuotaAreRefusedBeforeTheBytesAreKept() {
        // The test quota is 1 MiB (src/test/resources/application.properties).
        String t = Logins.tokenFor("wes");
        given().auth().oauth2(t).body(new byte[700_000]).put("/data/wes/a.bin").then().statusCode(201);
        given().auth().oauth2(t).body(new byte[700_000]).put("/data/wes/b.bin").then().statusCode(413)
                .body(containsString("QuotaExceeded"));
        given().auth().oauth2(t).get("/nodes/wes/b.bin").then().statusCode(404);
        // Replacing a file counts only the difference.
        given().auth().oauth2(t).body(new byte[900_000]).put("/data/wes/a.bin").then().statusCode(200);
    }

    @Test
    void aSignedReadUrlCannotWrite() {
        String t = Logins.tokenFor("xia");
        String readUrl = given().auth().oauth2(t).body("v1").put("/data/xia/f.txt").then().statusCode(201).extract().path("readUrl");
        given().body("forged").put("/data/xia/f.txt" + readUrl.substring(readUrl.indexOf('?'))).then().statusCode(403);
        given().auth().oauth2(t).get("/data/xia/f.txt").then().body(equalTo("v1"));
        given().body("anonymous").put("/data/xia/f.txt").then().statusCode(401);
    }
}
