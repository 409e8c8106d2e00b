package org.astroruntime.vospace.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Refuses, before routing, request paths with {@code .} or {@code ..} segments (plain or percent-encoded) and
 * encoded slashes or backslashes.
 *
 * <p>The HTTP layer normalises and decodes paths before JAX-RS sees them, so {@code /data/alice/%2e%2e/bob/x}
 * would otherwise arrive as {@code /data/bob/x} and {@code a%2fb} as {@code a/b}: a request that names one node
 * must never be served from another.
 */
@ApplicationScoped
public class RawPathGuard {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String problem = problem(ctx.request().uri());
            if (problem != null) {
                ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("error", "InvalidURI").put("message", problem).encode());
            } else {
                ctx.next();
            }
        });
    }

    /** What is wrong with the raw request URI's path, or null when nothing is. */
    static String problem(String rawUri) {
        int end = rawUri.indexOf('?');
        String path = (end < 0 ? rawUri : rawUri.substring(0, end)).toLowerCase(Locale.ROOT);
        if (path.contains("%2f") || path.contains("%5c")) {
            return "encoded '/' or '\\' in a path is not allowed";
        }
        for (String segment : path.split("/")) {
            String s = segment.replace("%2e", ".");
            if (s.equals(".") || s.equals("..")) {
                return "path segments '.' and '..' are not allowed";
            }
        }
        return null;
    }
}
