package org.astroruntime.vospace;

import static io.restassured.RestAssured.given;

import java.util.Map;

/** Accounts and tokens for the tests, through the service's own login (the admin password is test config). */
final class Logins {

    static String login(String user, String password) {
        return given().formParams(Map.of("username", user, "password", password))
                .post("/login").then().statusCode(200).extract().path("token");
    }

    /** Creates the user if needed and returns a token for them. */
    static String tokenFor(String user) {
        String admin = login("admin", "admin-secret-for-tests");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", user, "password", user + "-password"))
                .post("/admin/accounts").then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(409)));
        return login(user, user + "-password");
    }

    private Logins() {
    }
}
