package org.astroruntime.query.protocol;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.astroruntime.common.error.InvalidParameterException;

/**
 * A request's parameters with DALI's case-insensitive names, and the checks every protocol needs: required
 * values, numbers in range, and no parameter the protocol does not know (a typo must not be silently ignored).
 */
public final class RequestParameters {

    private final Map<String, String> values = new HashMap<>();

    private RequestParameters(Map<String, String> parameters) {
        parameters.forEach((k, v) -> values.put(k.toUpperCase(Locale.ROOT), v == null ? "" : v.strip()));
    }

    /**
     * Wraps {@code parameters}, refusing any name outside {@code known}.
     *
     * @throws InvalidParameterException for the first unknown name
     */
    public static RequestParameters of(Map<String, String> parameters, String protocol, Set<String> known) {
        RequestParameters p = new RequestParameters(parameters);
        for (String name : new TreeSet<>(p.values.keySet())) {
            if (!known.contains(name)) {
                throw new InvalidParameterException(name, "parameter " + name + " is not one of " + protocol
                        + "'s: " + new TreeSet<>(known));
            }
        }
        return p;
    }

    /** The value, or null when absent or blank. */
    public String optional(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public String required(String name) {
        String v = optional(name);
        if (v == null) {
            throw new InvalidParameterException(name, name + " is required");
        }
        return v;
    }

    /** An optional whole number in [min, max], or null. */
    public Integer integer(String name, int min, int max) {
        String v = optional(name);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new InvalidParameterException(name, name + " must be between " + min + " and " + max + ", got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, name + " must be a whole number, got '" + v + "'");
        }
    }

    /** Parses a number that is part of {@code name}'s value. */
    public static double number(String name, String text) {
        try {
            double d = Double.parseDouble(text);
            if (Double.isNaN(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, name + ": '" + text + "' is not a number");
        }
    }

    /** Every parameter with a value, with upper-case names, to pass on to the service. */
    public Map<String, String> present() {
        Map<String, String> out = new HashMap<>();
        values.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k, v);
            }
        });
        return out;
    }
}
