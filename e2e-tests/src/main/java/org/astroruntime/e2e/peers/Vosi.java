package org.astroruntime.e2e.peers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** VOSI 1.1 documents shared by the SIA 2.0 and TAP peers. */
final class Vosi {

    static final Instant STARTED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** {@code vosi:availability}: always available while the process runs. */
    static String availability(String note) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<vosi:availability xmlns:vosi=\"http://www.ivoa.net/xml/VOSIAvailability/v1.0\">\n"
                + "  <vosi:available>true</vosi:available>\n"
                + "  <vosi:upSince>" + STARTED + "</vosi:upSince>\n"
                + "  <vosi:note>" + VoTables.esc(note) + "</vosi:note>\n"
                + "</vosi:availability>\n";
    }

    /** Opening of a {@code vosi:capabilities} document, with the VOSI capabilities of {@code base}. */
    static String capabilitiesStart(String base, boolean tables) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<vosi:capabilities xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\"\n");
        sb.append("    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n");
        sb.append("    xmlns:vr=\"http://www.ivoa.net/xml/VOResource/v1.0\"\n");
        sb.append("    xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\"\n");
        sb.append("    xmlns:tr=\"http://www.ivoa.net/xml/TAPRegExt/v1.0\">\n");
        sb.append(vosiCapability("capabilities", base + "/capabilities"));
        sb.append(vosiCapability("availability", base + "/availability"));
        if (tables) {
            sb.append(vosiCapability("tables", base + "/tables"));
        }
        return sb.toString();
    }

    private static String vosiCapability(String what, String url) {
        return "  <capability standardID=\"ivo://ivoa.net/std/VOSI#" + what + "\">\n"
                + "    <interface xsi:type=\"vs:ParamHTTP\">\n"
                + "      <accessURL use=\"full\">" + VoTables.esc(url) + "</accessURL>\n"
                + "    </interface>\n"
                + "  </capability>\n";
    }

    static String capabilitiesEnd() {
        return "</vosi:capabilities>\n";
    }

    private Vosi() {
    }
}
