package org.astroruntime.e2e.peers;

import java.net.URL;
import java.util.Map;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.DefaultClientProfile;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.HubConnector;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * A SAMP client that behaves like a table viewer: it subscribes to {@code table.load.votable}, downloads each table
 * from the URL it is sent, reads it with STIL, and answers with the row count. Every load is printed as one line,
 * {@code SAMP-LOADED table-id=<id> rows=<n> url=<url>}, which the end-to-end tests read.
 *
 * <p>Run: {@code java -Duser.home=<home whose .samp names the hub> -cp <e2e class path>
 * org.astroruntime.e2e.peers.SampTableReceiver [--name topcat-e2e]}
 */
public final class SampTableReceiver {

    public static final String LOADED = "SAMP-LOADED";

    public static void main(String[] args) throws Exception {
        String name = args.length == 2 && args[0].equals("--name") ? args[1] : "e2e-table-viewer";
        HubConnector connector = new HubConnector(DefaultClientProfile.getProfile());
        Metadata meta = new Metadata();
        meta.setName(name);
        meta.setDescriptionText("AstroRuntime end-to-end test table viewer");
        connector.declareMetadata(meta);
        connector.addMessageHandler(new AbstractMessageHandler("table.load.votable") {
            @Override
            public Map<String, String> processCall(HubConnection connection, String senderId, Message message) throws Exception {
                String url = (String) message.getParam("url");
                String tableId = (String) message.getParam("table-id");
                long rows = countRows(url);
                System.out.println(LOADED + " table-id=" + tableId + " rows=" + rows + " url=" + url);
                System.out.flush();
                return Map.of("rows", Long.toString(rows));
            }
        });
        connector.declareSubscriptions(connector.computeSubscriptions());
        connector.setAutoconnect(1);
        connector.setActive(true);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!connector.isConnected() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        if (!connector.isConnected()) {
            System.err.println("no SAMP hub found within 60 s");
            System.exit(2);
        }
        System.out.println("SAMP-RECEIVER-READY name=" + name);
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Streams the table from its URL and counts rows, as a viewer would load it. */
    static long countRows(String url) throws Exception {
        StarTable table = new StarTableFactory(false).makeStarTable(new URL(url).toString(), "votable");
        long rows = 0;
        try (RowSequence seq = table.getRowSequence()) {
            while (seq.next()) {
                rows++;
            }
        }
        return rows;
    }

    private SampTableReceiver() {
    }
}
