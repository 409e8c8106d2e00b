package org.astroruntime.bridge.samp;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.client.DefaultClientProfile;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.HubConnector;
import org.astrogrid.samp.client.SampException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The bridge's registration with the desktop's SAMP hub (Standard Profile: the hub is found through
 * {@code $SAMP_HUB} or {@code ~/.samp}, as every SAMP client finds it). Reconnects on its own when a hub appears
 * after the bridge, or comes back after a restart.
 */
@ApplicationScoped
public class SampHubConnection {

    private static final Logger LOG = Logger.getLogger(SampHubConnection.class);

    @ConfigProperty(name = "bridge.samp.autoconnect-seconds")
    int autoconnectSeconds;

    @ConfigProperty(name = "bridge.samp.name")
    String clientName;

    private HubConnector connector;

    void start(@Observes StartupEvent event) {
        connector = new HubConnector(DefaultClientProfile.getProfile());
        Metadata meta = new Metadata();
        meta.setName(clientName);
        meta.setDescriptionText("AstroRuntime messaging-bridge: forwards finished query and job results to desktop tools");
        connector.declareMetadata(meta);
        connector.setAutoconnect(autoconnectSeconds);
        connector.setActive(true);
    }

    void stop(@Observes ShutdownEvent event) {
        if (connector != null) {
            connector.setActive(false);
        }
    }

    /** True while registered with a hub. */
    public boolean isConnected() {
        return connector != null && connector.isConnected();
    }

    /**
     * The clients subscribed to {@code mtype}, with their names.
     *
     * @throws SampException when no hub is running or it cannot be asked
     */
    public List<Recipient> subscribers(String mtype) throws SampException {
        HubConnection connection = requireConnection();
        List<Recipient> recipients = new ArrayList<>();
        for (Object id : connection.getSubscribedClients(mtype).keySet()) {
            String clientId = (String) id;
            Metadata meta = connection.getMetadata(clientId);
            recipients.add(new Recipient(clientId, meta == null || meta.getName() == null ? clientId : meta.getName()));
        }
        return recipients;
    }

    /** Sends a message to one client and waits (bounded) for its reply. */
    public Response call(String clientId, Message message, int timeoutSeconds) throws SampException {
        requireConnection();
        return connector.callAndWait(clientId, message, timeoutSeconds);
    }

    private HubConnection requireConnection() throws SampException {
        HubConnection connection = connector == null ? null : connector.getConnection();
        if (connection == null) {
            throw new SampException("no SAMP hub is running for this desktop");
        }
        return connection;
    }

    /** A SAMP client that can receive a message. */
    public record Recipient(String clientId, String name) {
        public Map<String, String> asMap() {
            return Map.of("clientId", clientId, "name", name);
        }
    }
}
