package org.astroruntime.registry.harvest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.astroruntime.common.io.LimitedInputStream;
import org.astroruntime.common.xml.SafeXml;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Sends OAI-PMH requests and reads the answers (hardened parser, size cap, and a deadline per request that also
 * covers a body that stalls half-way: the JDK client's own timeout stops at the headers).
 */
@ApplicationScoped
public class OaiPmhClient {

    static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";
    private static final String USER_AGENT = "AstroRuntime-registry/0.1 (OAI-PMH harvester)";

    @ConfigProperty(name = "registry.harvest.request-timeout", defaultValue = "60S")
    Duration requestTimeout;

    @ConfigProperty(name = "registry.harvest.max-page-bytes", defaultValue = "67108864")
    long maxPageBytes;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "oai-pmh-deadlines");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void close() {
        deadlines.shutdownNow();
    }

    /** Sends {@code verb} with {@code args} to {@code endpoint} and reads the answer. */
    OaiResponse request(URI endpoint, String verb, Map<String, String> args) throws HarvestFailedException {
        String query = "verb=" + verb + args.entrySet().stream()
                .map(e -> "&" + e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining());
        String base = endpoint.toString();
        URI uri = URI.create(base + (base.contains("?") ? "&" : "?") + query);
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(requestTimeout)
                .header("User-Agent", USER_AGENT).header("Accept", "text/xml, application/xml").build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new HarvestFailedException(verb + " to " + endpoint + " got no answer within " + requestTimeout, e);
        } catch (IOException e) {
            throw new HarvestFailedException(verb + " to " + endpoint + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestFailedException("harvest interrupted", e);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        InputStream body = response.body();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            timedOut.set(true);
            closeQuietly(body);
        }, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        LimitedInputStream limited = new LimitedInputStream(body, maxPageBytes);
        try (body) {
            if (response.statusCode() != 200) {
                throw new HarvestFailedException(verb + " to " + endpoint + " answered HTTP " + response.statusCode());
            }
            return read(parse(limited), verb);
        } catch (IOException | SAXException e) {
            if (limited.exceeded()) {
                throw new HarvestFailedException(verb + " to " + endpoint + " sent a page of more than " + maxPageBytes
                        + " bytes (registry.harvest.max-page-bytes)", e);
            }
            if (timedOut.get()) {
                throw new HarvestFailedException(verb + " to " + endpoint + " did not finish within " + requestTimeout, e);
            }
            throw new HarvestFailedException(verb + " to " + endpoint + " sent an unreadable answer: " + describe(e), e);
        } finally {
            deadline.cancel(false);
        }
    }

    private static Document parse(InputStream in) throws IOException, SAXException {
        return SafeXml.parseDocument(in);
    }

    private static OaiResponse read(Document doc, String verb) throws HarvestFailedException {
        Element root = doc.getDocumentElement();
        if (!OAI_NS.equals(root.getNamespaceURI()) || !"OAI-PMH".equals(root.getLocalName())) {
            throw new HarvestFailedException("the answer is not OAI-PMH: its root element is {"
                    + root.getNamespaceURI() + "}" + root.getLocalName());
        }
        Element error = child(root, "error");
        if (error != null) {
            return new OaiResponse(text(child(root, "responseDate")), error.getAttribute("code"),
                    error.getTextContent().strip(), null, List.of(), null);
        }
        Element body = child(root, verb);
        if (body == null) {
            throw new HarvestFailedException("the OAI-PMH answer has no " + verb + " element");
        }
        List<OaiResponse.OaiRecord> records = new ArrayList<>();
        for (Element record : children(body, "record")) {
            Element header = child(record, "header");
            if (header == null) {
                throw new HarvestFailedException("an OAI-PMH record has no header");
            }
            Element metadata = child(record, "metadata");
            Element resource = metadata == null ? null : firstElement(metadata);
            records.add(new OaiResponse.OaiRecord(text(child(header, "identifier")), text(child(header, "datestamp")),
                    "deleted".equals(header.getAttribute("status")), resource));
        }
        return new OaiResponse(text(child(root, "responseDate")), null, null, text(child(body, "granularity")),
                records, text(child(body, "resumptionToken")));
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && OAI_NS.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String localName) {
        List<Element> all = children(parent, localName);
        return all.isEmpty() ? null : all.get(0);
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing only serves to stop a stalled read.
        }
    }
}
