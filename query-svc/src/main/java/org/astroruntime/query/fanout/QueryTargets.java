package org.astroruntime.query.fanout;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.common.id.InvalidIdentifierException;
import org.astroruntime.common.id.IvoId;

/**
 * The services a query goes to, as the {@code service} field says: one {@code ivo://} id or URL; several,
 * separated by commas or spaces (a fan-out); or {@code search:keywords}, every service of the query's protocol
 * that the registry finds for those keywords (a fan-out too).
 *
 * @param services the services named, in order (empty for a search)
 * @param search   the registry keywords, or null
 */
public record QueryTargets(List<String> services, String search) {

    /** Fan-outs larger than this are refused: they would hammer the VO for one request. */
    public static final int MAX_SERVICES = 100;
    private static final String SEARCH_PREFIX = "search:";

    public QueryTargets {
        services = List.copyOf(services);
    }

    /** True for a query to exactly one named service. */
    public boolean isSingle() {
        return search == null && services.size() == 1;
    }

    /**
     * Reads and checks the {@code service} field.
     *
     * @throws InvalidParameterException naming {@code service}
     */
    public static QueryTargets parse(String field) {
        String text = field == null ? "" : field.strip();
        if (text.isEmpty()) {
            throw new InvalidParameterException("service", "service is required");
        }
        if (text.toLowerCase(Locale.ROOT).startsWith(SEARCH_PREFIX)) {
            String keywords = text.substring(SEARCH_PREFIX.length()).strip();
            if (keywords.isEmpty() || keywords.length() > 500) {
                throw new InvalidParameterException("service", "search: needs 1 to 500 characters of keywords");
            }
            return new QueryTargets(List.of(), keywords);
        }
        List<String> services = List.copyOf(new LinkedHashSet<>(Arrays.stream(text.split("[,\\s]+"))
                .filter(s -> !s.isEmpty()).toList()));
        if (services.size() > MAX_SERVICES) {
            throw new InvalidParameterException("service", "at most " + MAX_SERVICES + " services in one query, got "
                    + services.size());
        }
        services.forEach(QueryTargets::check);
        return new QueryTargets(services, null);
    }

    private static void check(String target) {
        if (IvoId.isIvoId(target)) {
            try {
                IvoId.parse(target);
                return;
            } catch (InvalidIdentifierException e) {
                throw new InvalidParameterException("service", e.getMessage());
            }
        }
        try {
            URI uri = new URI(target);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidParameterException("service", "service must be an ivo:// identifier, an http(s) URL, a list "
                + "of them, or search:keywords; got '" + target + "'");
    }
}
