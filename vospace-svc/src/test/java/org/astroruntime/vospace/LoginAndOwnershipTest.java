package org.astroruntime.vospace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class LoginAndOwnershipTest {

    @Test
    void loginGivesATokenAndBadCredentialsAre401() {
        Logins.tokenFor("erin");
        given().formParams(Map.of("username", "erin", "password", "erin-password", "community", "astroruntime.local"))
                .post("/login").then().statusCode(200)
                .body("user", equalTo("erin")).body("tokenType", equalTo("Bearer"))
                .body("home", equalTo("vos://astroruntime.local!vospace/erin"));
        given().formParams(Map.of("username", "erin", "password", "wrong-password")).post("/login")
                .then().statusCode(401).body("error", equalTo("InvalidCredentials"));
        given().formParams(Map.of("username", "nobody", "password", "whatever-pw")).post("/login").then().statusCode(401);
        given().formParams(Map.of("username", "erin", "password", "erin-password", "community", "other.org"))
                .post("/login").then().statusCode(401);
        given().formParams(Map.of("username", "erin")).post("/login").then().statusCode(400).body("parameter", equalTo("password"));
    }

    @Test
    void onlyAdministratorsCreateAccounts() {
        String erin = Logins.tokenFor("erin");
        given().auth().oauth2(erin).contentType("application/json").body(Map.of("username", "mallory", "password", "12345678"))
                .post("/admin/accounts").then().statusCode(403);
        given().contentType("application/json").body(Map.of("username", "mallory", "password", "12345678"))
                .post("/admin/accounts").then().statusCode(401);
        String admin = Logins.login("admin", "admin-secret-for-tests");
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("username", "frank", "password", "short"))
                .post("/admin/accounts").then().statusCode(400).body("message", containsString("8 characters"));
    }

    @Test
    void logoutRevokesTheToken() {
        Logins.tokenFor("gina");
        String token = Logins.login("gina", "gina-password");
        given().auth().oauth2(token).body("x").put("/data/gina/a.txt").then().statusCode(201);
        given().auth().oauth2(token).post("/logout").then().statusCode(204);
        given().auth().oauth2(token).get("/data/gina/a.txt").then().statusCode(401).body("error", equalTo("InvalidToken"));
    }

    @Test
    void anotherUsersNodesAreRefusedTheSameWhetherTheyExistOrNot() {
        String alice = Logins.tokenFor("alice");
        String bob = Logins.tokenFor("bob");
        given().auth().oauth2(alice).body("secret").put("/data/alice/private/notes.txt").then().statusCode(201);

        int existing = given().auth().oauth2(bob).get("/data/alice/private/notes.txt").statusCode();
        int missing = given().auth().oauth2(bob).get("/data/alice/private/nothing.txt").statusCode();
        assertEquals(403, existing);
        assertEquals(existing, missing);
        given().auth().oauth2(bob).body("overwrite").put("/data/alice/private/notes.txt").then().statusCode(403);
        given().auth().oauth2(bob).delete("/data/alice/private/notes.txt").then().statusCode(403);
        given().get("/data/alice/private/notes.txt").then().statusCode(401);
        given().auth().oauth2(alice).get("/data/alice/private/notes.txt").then().statusCode(200).body(equalTo("secret"));
        for (String path : new String[] {"/nodes/alice/private/notes.txt", "/nodes/alice/private/nothing.txt", "/nodes/alice"}) {
            given().auth().oauth2(bob).get(path).then().statusCode(403).body(containsString("PermissionDenied"));
            given().auth().oauth2(bob).delete(path).then().statusCode(403).body(containsString("PermissionDenied"));
        }
    }

    @Test
    void presignedUrlsReadWithoutATokenAndRefuseTampering() {
        String alice = Logins.tokenFor("alice");
        String readUrl = given().auth().oauth2(alice).body("table bytes").put("/data/alice/shared/t.vot")
                .then().statusCode(201).extract().path("readUrl");
        String query = readUrl.substring(readUrl.indexOf('?'));
        given().get("/data/alice/shared/t.vot" + query).then().statusCode(200).body(equalTo("table bytes"));
        given().auth().oauth2(alice).body("other").put("/data/alice/shared/u.vot").then().statusCode(201);
        // The same signature on another node, a changed expiry, a changed signature: all refused.
        given().get("/data/alice/shared/u.vot" + query).then().statusCode(403);
        given().get("/data/alice/shared/t.vot" + query.replaceAll("expires=(\\d+)", "expires=9$1")).then().statusCode(403);
        given().get("/data/alice/shared/t.vot" + flipFirstSignatureCharacter(query)).then().statusCode(403);
    }

    /** Changes the signature's first character to a different one (a fixed replacement would sometimes be equal). */
    private static String flipFirstSignatureCharacter(String query) {
        int at = query.indexOf("signature=") + "signature=".length();
        char first = query.charAt(at);
        return query.substring(0, at) + (first == '0' ? '1' : '0') + query.substring(at + 1);
    }

    @Test
    void theVerificationKeyIsPublic() {
        given().get("/auth/jwks").then().statusCode(200).body("keys[0].kty", equalTo("RSA")).body("keys[0].alg", equalTo("RS256"));
    }
}
