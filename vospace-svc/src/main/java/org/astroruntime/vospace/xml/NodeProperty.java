package org.astroruntime.vospace.xml;

import java.util.Objects;

/**
 * One node property. {@code delete} is the {@code xsi:nil="true"} form, which asks for the property to be removed;
 * its value is always null.
 *
 * @param uri the property URI, e.g. {@code ivo://ivoa.net/vospace/core#description}
 * @param value the text value, null when deleting
 * @param readOnly whether the service marks the property as not settable by clients
 * @param delete whether this is a request to remove the property
 */
public record NodeProperty(String uri, String value, boolean readOnly, boolean delete) {

    public NodeProperty {
        Objects.requireNonNull(uri, "uri");
        if (delete) {
            value = null;
        }
    }

    /** A settable property with a value. */
    public static NodeProperty of(String uri, String value) {
        return new NodeProperty(uri, value, false, false);
    }

    /** A request to remove the property. */
    public static NodeProperty deletion(String uri) {
        return new NodeProperty(uri, null, false, true);
    }
}
