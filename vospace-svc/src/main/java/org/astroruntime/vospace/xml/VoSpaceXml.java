package org.astroruntime.vospace.xml;

/** Namespace names and prefixes shared by the VOSpace 2.1 readers and writers. */
public final class VoSpaceXml {

    /** The VOSpace namespace; VOSpace 2.1 documents keep the 2.0 namespace. */
    public static final String NAMESPACE = "http://www.ivoa.net/xml/VOSpace/v2.0";

    /** The XML Schema instance namespace, for {@code xsi:type} and {@code xsi:nil}. */
    public static final String XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";

    /** Prefix the writers bind to {@link #NAMESPACE}. */
    public static final String PREFIX = "vos";

    /** Prefix the writers bind to {@link #XSI_NAMESPACE}. */
    public static final String XSI_PREFIX = "xsi";

    private VoSpaceXml() {
    }
}
