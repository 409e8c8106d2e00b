package org.astroruntime.e2e.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** VOResource records the suite's registry starts with: the demo cone-search service and an offline one. */
public final class DemoRecords {

    /** The demo catalogue's cone-search service. */
    public static final String DEMO_CONE = "ivo://astroruntime.demo/cone/demo-stars";
    /** A registered cone-search service whose server is never running (for failure handling). */
    public static final String OFFLINE_CONE = "ivo://astroruntime.demo/cone/offline";

    private DemoRecords() {
    }

    /** Writes the records into {@code dir}, the demo one pointing at {@code coneUrl}. */
    public static void write(Path dir, String coneUrl) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("demo-stars-cone.xml"), coneRecord(DEMO_CONE, "AstroRuntime demo star catalogue",
                "demo-stars", "Synthetic point sources over the whole sky, denser around (180, +2), (83.8, -5.4) and (10.7, +41.3): "
                        + "the catalogue the AstroRuntime demo and tests search.", coneUrl));
        Files.writeString(dir.resolve("offline-cone.xml"), coneRecord(OFFLINE_CONE, "An offline cone search",
                "offline", "A registered cone-search service whose server is down.", "http://127.0.0.1:1/cone?"));
    }

    private static String coneRecord(String id, String title, String shortName, String description, String url) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ri:Resource xmlns:ri="http://www.ivoa.net/xml/RegistryInterface/v1.0"
                             xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1"
                             xmlns:cs="http://www.ivoa.net/xml/ConeSearch/v1.0"
                             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                             xsi:type="vs:CatalogService" created="2026-11-24T00:00:00Z" updated="2026-11-24T00:00:00Z" status="active">
                  <title>%s</title>
                  <shortName>%s</shortName>
                  <identifier>%s</identifier>
                  <curation><publisher>AstroRuntime</publisher></curation>
                  <content>
                    <subject>stars</subject>
                    <description>%s</description>
                    <referenceURL>https://github.com/astroruntime</referenceURL>
                    <type>Catalog</type>
                  </content>
                  <capability xsi:type="cs:ConeSearch" standardID="ivo://ivoa.net/std/ConeSearch">
                    <interface xsi:type="vs:ParamHTTP" role="std" version="1.03">
                      <accessURL use="base">%s</accessURL>
                    </interface>
                    <maxSR>10</maxSR>
                    <maxRecords>100000</maxRecords>
                    <verbosity>false</verbosity>
                  </capability>
                </ri:Resource>
                """.formatted(title, shortName, id, description, url.replace("&", "&amp;"));
    }
}
