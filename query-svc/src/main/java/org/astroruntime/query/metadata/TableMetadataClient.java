package org.astroruntime.query.metadata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.astroruntime.common.id.IvoId;
import org.astroruntime.common.io.LimitedInputStream;
import org.astroruntime.query.protocol.QueryProtocol;
import org.astroruntime.query.protocol.RemoteRequest;
import org.astroruntime.query.registry.RegistryClient;
import org.astroruntime.query.remote.RemoteDownloader;
import org.astroruntime.query.remote.RemoteQueryException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the table and column metadata of a TAP service from its VOSI {@code /tables} resource, so that a user
 * can see what to write in ADQL. The service is an {@code ivo://} id (its TAP capability resolved by registry-svc)
 * or a TAP base URL; requests follow the same host rules and deadline as queries.
 */
@ApplicationScoped
public class TableMetadataClient {

    @Inject
    RegistryClient registry;

    @Inject
    RemoteDownloader downloader;

    /** Tablesets of large archives run to megabytes; this bounds what one request may make us parse. */
    @ConfigProperty(name = "query.tap.tables-max-bytes", defaultValue = "33554432")
    long maxBytes;

    /**
     * The tables of {@code service}, or only table {@code table} (with its columns, from {@code /tables/{table}})
     * when not null.
     *
     * @throws RemoteQueryException when the service cannot be resolved or reached, or sends no readable tableset
     */
    public List<TableMetadata> tables(String service, String table) throws RemoteQueryException {
        String base = IvoId.isIvoId(service)
                ? registry.accessUrl(IvoId.parse(service), QueryProtocol.TAP.standardId()) : service;
        String tablesUrl = base.replaceAll("[?&]+$", "").replaceAll("/+$", "") + "/tables";
        URI url = URI.create(table == null ? tablesUrl
                : tablesUrl + "/" + URLEncoder.encode(table, StandardCharsets.UTF_8).replace("+", "%20"));
        return downloader.download(new RemoteRequest(url, null), "application/xml, text/xml;q=0.9", (body, length) -> {
            try {
                return TableSetDocument.read(new LimitedInputStream(body, maxBytes));
            } catch (IOException e) {
                throw new RemoteQueryException("the service at " + url.getHost() + " sent no readable table "
                        + "metadata from " + url + ": " + e.getMessage(), e);
            }
        });
    }
}
