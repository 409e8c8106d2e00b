package org.astroruntime.query.remote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.http.HttpClient;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one HTTP client query-svc uses for remote services, the registry and VOSpace. */
@ApplicationScoped
public class OutboundHttp {

    /** Sent on every outbound request, so that archive operators can see who is calling. */
    public static final String USER_AGENT = "AstroRuntime/0.1 (query-svc; +https://github.com/astroruntime)";

    @Produces
    @ApplicationScoped
    HttpClient httpClient(@ConfigProperty(name = "query.remote.connect-timeout") Duration connectTimeout) {
        // NORMAL redirects never go from https to http.
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }
}
