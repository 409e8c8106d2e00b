package org.astroruntime.registry.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.astroruntime.registry.ingest.RecordIngest.RecordDocument;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * VOResource records for the suite's own services, written from their configured public URLs, so that users find
 * AstroRuntime's VOSpace, query and job services through the registry like any other resource.
 */
@ApplicationScoped
public class OwnRecords {

    @ConfigProperty(name = "registry.own.authority", defaultValue = "astroruntime.local")
    String authority;

    @ConfigProperty(name = "registry.own.registry-url", defaultValue = "http://127.0.0.1:8081")
    String registryUrl;

    @ConfigProperty(name = "registry.own.query-url", defaultValue = "http://127.0.0.1:8082")
    String queryUrl;

    @ConfigProperty(name = "registry.own.job-url", defaultValue = "http://127.0.0.1:8083")
    String jobUrl;

    @ConfigProperty(name = "registry.own.vospace-url", defaultValue = "http://127.0.0.1:8084")
    String vospaceUrl;

    List<RecordDocument> documents() {
        return List.of(
                document("registry", "AstroRuntime registry", "AR-Registry",
                        "Searchable registry of the Virtual Observatory resources known to this AstroRuntime "
                                + "installation: keyword search with filters by service kind, waveband and content "
                                + "type, and resolution of ivo:// identifiers to access URLs.",
                        "Registry", capability(null, registryUrl + "/search", null)),
                document("vospace", "AstroRuntime VOSpace", "AR-VOSpace",
                        "Per-user storage behind a VOSpace 2.1 interface: nodes, data transfers, properties and "
                                + "pre-signed read URLs. Query results and application outputs are kept here.",
                        "Archive", capability("ivo://ivoa.net/std/VOSpace/v2.0", vospaceUrl, "2.1")),
                document("query", "AstroRuntime query service", "AR-Query",
                        "Shared query backend: cone search, SIA and TAP/ADQL queries against remote services, run "
                                + "as UWS jobs whose results are stored in the owner's VOSpace.",
                        "Other", capability(null, queryUrl + "/queries", null)),
                document("jobs", "AstroRuntime application service", "AR-Jobs",
                        "Runs registered applications (CEA-style, such as SExtractor) as UWS jobs, staging inputs "
                                + "from and outputs to VOSpace.",
                        "Other", capability(null, jobUrl + "/jobs", null)));
    }

    private RecordDocument document(String path, String title, String shortName, String description,
                                    String contentType, String capability) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ri:Resource xmlns:ri="http://www.ivoa.net/xml/RegistryInterface/v1.0"
                    xmlns:vr="http://www.ivoa.net/xml/VOResource/v1.0"
                    xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:type="vs:CatalogService" status="active">
                  <title>%s</title>
                  <shortName>%s</shortName>
                  <identifier>ivo://%s/%s</identifier>
                  <curation><publisher>AstroRuntime</publisher></curation>
                  <content>
                    <subject>virtual observatory</subject>
                    <description>%s</description>
                    <referenceURL>%s</referenceURL>
                    <type>%s</type>
                  </content>
                  %s
                </ri:Resource>
                """.formatted(escape(title), escape(shortName), escape(authority), path, escape(description),
                escape(registryUrl), contentType, capability);
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return new RecordDocument("own:" + path, () -> new ByteArrayInputStream(bytes));
    }

    private static String capability(String standardId, String accessUrl, String version) {
        return "<capability" + (standardId == null ? "" : " standardID=\"" + escape(standardId) + "\"") + ">"
                + "<interface xsi:type=\"vs:ParamHTTP\"" + (standardId == null ? "" : " role=\"std\"")
                + (version == null ? "" : " version=\"" + version + "\"") + ">"
                + "<accessURL use=\"base\">" + escape(accessUrl) + "</accessURL></interface></capability>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
