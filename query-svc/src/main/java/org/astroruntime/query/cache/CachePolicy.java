package org.astroruntime.query.cache;

import java.util.Locale;
import org.astroruntime.common.error.InvalidParameterException;

/**
 * What a job may do with the shared result cache ({@code CACHE} request parameter): {@code use} (the default:
 * answer from it when possible, and store complete results in it), {@code bypass} (neither), or
 * {@code include-overflow} (like use, and also accept and keep answers the service truncated).
 */
public enum CachePolicy {
    USE, BYPASS, INCLUDE_OVERFLOW;

    /** The request parameter's name. */
    public static final String PARAMETER = "CACHE";

    public static CachePolicy parse(String value) {
        if (value == null || value.isBlank()) {
            return USE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "use", "true", "yes" -> USE;
            case "bypass", "false", "no" -> BYPASS;
            case "include-overflow" -> INCLUDE_OVERFLOW;
            default -> throw new InvalidParameterException(PARAMETER,
                    "CACHE must be use, bypass or include-overflow, got '" + value + "'");
        };
    }

    public boolean uses() {
        return this != BYPASS;
    }

    public boolean acceptsOverflow() {
        return this == INCLUDE_OVERFLOW;
    }
}
