package org.astroruntime.common.id;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VOSpace node URI in the suite's form {@code vos://authority!vospace/user/path} (VOSpace 2.1 allows
 * {@code !} or {@code ~} between the authority and the service name; both are read, {@code !} is written).
 *
 * @param authority the VOSpace authority, lower-cased
 * @param user      the owner, the first path segment
 * @param path      the node's path below the owner's home
 */
public record VosUri(String authority, String user, NodePath path) {

    private static final Pattern SHAPE = Pattern.compile("(?i)vos://([^/!~]+)[!~]([^/]+)(?:/(.*))?");
    private static final Pattern AUTHORITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]*");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public VosUri {
        if (authority == null || !AUTHORITY.matcher(authority).matches()) {
            throw new InvalidIdentifierException("invalid VOSpace authority '" + authority + "'");
        }
        authority = authority.toLowerCase(Locale.ROOT);
        checkUser(user);
        if (path == null) {
            path = NodePath.ROOT;
        }
    }

    /** Parses a {@code vos://} URI; the service name after {@code !} may be anything ({@code vospace} usually). */
    public static VosUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidIdentifierException("vos:// URI is missing");
        }
        Matcher m = SHAPE.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidIdentifierException("'" + IvoId.abbreviate(text) + "' is not a vos:// URI of the form vos://authority!vospace/user/path");
        }
        String rest = m.group(3) == null ? "" : m.group(3);
        int slash = rest.indexOf('/');
        String user = slash < 0 ? rest : rest.substring(0, slash);
        if (user.isEmpty()) {
            throw new InvalidIdentifierException("vos:// URI '" + IvoId.abbreviate(text) + "' names no user");
        }
        NodePath path = slash < 0 ? NodePath.ROOT : NodePath.parse(rest.substring(slash + 1));
        return new VosUri(m.group(1), user, path);
    }

    /** Checks a user name: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64. */
    public static String checkUser(String user) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new InvalidIdentifierException("invalid user name '" + user + "'");
        }
        return user;
    }

    /** The URI of a node in the same home. */
    public VosUri withPath(NodePath other) {
        return new VosUri(authority, user, other);
    }

    /** The user-relative path, percent-encoded per segment, for use in an HTTP URL ({@code user/a/b%20c}). */
    public String encodedUserPath() {
        StringBuilder b = new StringBuilder(user);
        for (String s : path.segments()) {
            b.append('/').append(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("vos://").append(authority).append("!vospace/").append(user);
        for (String s : path.segments()) {
            b.append('/').append(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return b.toString();
    }
}
