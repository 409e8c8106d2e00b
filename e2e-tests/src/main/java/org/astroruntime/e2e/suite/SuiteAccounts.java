package org.astroruntime.e2e.suite;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Logs in to the running suite's vospace-svc and creates users through its administrator account. */
public final class SuiteAccounts {

    private final Suite suite;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SuiteAccounts(Suite suite) {
        this.suite = suite;
    }

    /** A token for the user, from {@code POST /login}. */
    public String login(String user, String password) throws IOException, InterruptedException {
        String form = "username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(suite.url("vospace-svc") + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("login of " + user + " failed: HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** Creates the user (password {@code <user>-e2e-password}) unless they exist, and logs them in. */
    public String userToken(String user) throws IOException, InterruptedException {
        String admin = login("admin", suite.adminPassword());
        String body = "{\"username\":\"" + user + "\",\"password\":\"" + user + "-e2e-password\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(suite.url("vospace-svc") + "/admin/accounts"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IOException("cannot create " + user + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return login(user, user + "-e2e-password");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
