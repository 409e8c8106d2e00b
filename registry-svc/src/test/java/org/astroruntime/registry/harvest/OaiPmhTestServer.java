package org.astroruntime.registry.harvest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * An in-process OAI-PMH 2.0 publishing registry serving VOResource records as IVOA Registry Interfaces 1.1
 * describes ({@code ivo_vor} metadata, set {@code ivo_managed}, persistent deleted records), with switchable
 * faults for testing harvesters.
 *
 * <p>Verbs: {@code Identify}, {@code ListMetadataFormats}, {@code ListRecords} and {@code GetRecord}, by GET or
 * form-encoded POST on {@code /oai}; anything else is {@code badVerb}. Records are listed in (datestamp, ivoid)
 * order, {@code pageSize} to a page. A resumption token names a snapshot of the list taken when the harvest
 * began, so records put or deleted meanwhile do not shift later pages; the last 32 snapshots are kept, and
 * tokens stay valid after a failed request so a harvester can retry them.
 *
 * <p>The OAI elements are written with an {@code oai:} prefix, as real registries do, so that the unqualified
 * children of an embedded {@code ri:Resource} are not pulled into a default namespace.
 *
 * <p>Faults: {@link Fault#HTTP_500}, {@link Fault#HTML_PAGE}, {@link Fault#OAI_ERROR} and {@link Fault#STALL}
 * apply to every request; {@link Fault#LOOPING_TOKEN}, {@link Fault#TRUNCATED} and {@link Fault#ENTITY_BOMB}
 * apply to {@code ListRecords} only, other verbs being answered normally. {@link #failAfterPages(int)} is
 * checked before the fault and, once its budget is spent, answers {@code ListRecords} with HTTP 500 whatever the
 * fault.
 */
public final class OaiPmhTestServer implements AutoCloseable {

    /** How the server misbehaves; see the class comment for which requests each one affects. */
    public enum Fault {
        /** Behave. */
        NONE,
        /** HTTP 500 with a plain-text body. */
        HTTP_500,
        /** HTTP 200 with an HTML maintenance page, as a misconfigured proxy would send. */
        HTML_PAGE,
        /** HTTP 200 with an OAI-PMH {@code badArgument} error. */
        OAI_ERROR,
        /** Every ListRecords page is the first page with the same non-empty resumption token. */
        LOOPING_TOKEN,
        /**
         * Accept the request and send nothing for 60 s (or until the fault is changed or the server closed),
         * then drop the connection without a response.
         */
        STALL,
        /** Announce the full Content-Length of a valid ListRecords response, send half of it, drop the connection. */
        TRUNCATED,
        /** A ListRecords page whose DOCTYPE declares a billion-laughs entity, used in a record's title. */
        ENTITY_BOMB
    }

    static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";
    static final String RI_NS = "http://www.ivoa.net/xml/RegistryInterface/v1.0";
    static final String SET_SPEC = "ivo_managed";
    private static final String METADATA_PREFIX = "ivo_vor";
    private static final int MAX_SNAPSHOTS = 32;
    private static final long STALL_SECONDS = 60;
    private static final int MAX_POST_BYTES = 1 << 20;
    private static final String LOOPING_TOKEN = "looping-token";
    private static final Set<String> VERBS = Set.of("Identify", "ListMetadataFormats", "ListRecords", "GetRecord");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern XML_DECLARATION = Pattern.compile("^\\uFEFF?\\s*<\\?xml[^>]*\\?>\\s*");

    /** Orders records as they are listed: by datestamp, then identifier. */
    private record Key(Instant datestamp, String ivoid) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::datestamp).thenComparing(Key::ivoid);
    }

    /**
     * One record as stored; immutable, so snapshots can share it. {@code xml} is the resource element as UTF-8
     * (copied into pages without re-encoding), null for a deleted record.
     */
    private record Rec(String ivoid, Instant datestamp, byte[] xml) {
        boolean deleted() {
            return xml == null;
        }
    }

    /** The outcome of one OAI request: the attributes to echo (null for badVerb/badArgument) and the body. */
    private record Reply(Map<String, String> echo, byte[] body) {
    }

    /** A response under construction, as UTF-8 bytes; text is buffered so that each piece is not encoded alone. */
    private static final class Out {
        private final ByteArrayOutputStream bytes;
        private final StringBuilder text = new StringBuilder(512);

        Out(int sizeHint) {
            bytes = new ByteArrayOutputStream(sizeHint);
        }

        Out append(Object o) {
            text.append(o);
            return this;
        }

        Out append(char c) {
            text.append(c);
            return this;
        }

        Out raw(byte[] b) {
            flushText();
            bytes.writeBytes(b);
            return this;
        }

        byte[] toBytes() {
            flushText();
            return bytes.toByteArray();
        }

        private void flushText() {
            if (text.length() > 0) {
                bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
                text.setLength(0);
            }
        }
    }

    /** An OAI-PMH error condition, answered as an {@code error} element. */
    private static final class OaiError extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;

        OaiError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** Thrown out of the handler to make HttpServer close the connection mid-response. */
    private static final class DropConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DropConnection() {
            super("connection dropped on purpose", null, false, false);
        }
    }

    private final int pageSize;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    // Random per instance, so a token from another server (or an earlier run) is never mistaken for ours.
    private final String tokenPrefix;

    // All mutable state below is guarded by lock; responses are built outside it from immutable Recs.
    private final Object lock = new Object();
    private final Map<String, Rec> byId = new HashMap<>();
    private final NavigableMap<Key, Rec> ordered = new TreeMap<>(Key.ORDER);
    private final Map<String, List<Rec>> snapshots = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Rec>> eldest) {
            return size() > MAX_SNAPSHOTS;
        }
    };
    private final List<String> requestLog = new ArrayList<>();
    private long harvests;
    private int listRecordsRequests;
    private int pagesBeforeFailure = -1;
    private Fault fault = Fault.NONE;
    private CountDownLatch stallRelease = new CountDownLatch(1);
    private boolean closed;

    private OaiPmhTestServer(int pageSize) throws IOException {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        this.pageSize = pageSize;
        byte[] nonce = new byte[4];
        new SecureRandom().nextBytes(nonce);
        this.tokenPrefix = String.format("%02x%02x%02x%02x", nonce[0], nonce[1], nonce[2], nonce[3]);
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        this.server = HttpServer.create(new InetSocketAddress(loopback, 0), 64);
        AtomicInteger threadNo = new AtomicInteger();
        // Several threads so that a stalled request does not block the others; daemon so a leak cannot hang a JVM.
        this.executor = Executors.newFixedThreadPool(6, r -> {
            Thread t = new Thread(r, "oai-test-server-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oai");
    }

    /** Starts a server on a free port of 127.0.0.1 that lists at most {@code pageSize} records a page. */
    public static OaiPmhTestServer start(int pageSize) throws IOException {
        return new OaiPmhTestServer(pageSize);
    }

    /** The OAI-PMH base URL, {@code http://127.0.0.1:{port}/oai}. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Adds or replaces a record.
     *
     * @param resourceXml a whole document whose root is an {@code ri:Resource}; an XML declaration is stripped
     * @param datestamp   the OAI datestamp, truncated to seconds
     */
    public void put(String ivoid, String resourceXml, Instant datestamp) {
        Objects.requireNonNull(resourceXml, "resourceXml");
        String body = XML_DECLARATION.matcher(resourceXml).replaceFirst("").strip();
        store(new Rec(requireIvoid(ivoid), seconds(datestamp), body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Turns the record into a deleted record (created if it was unknown), with the given datestamp. */
    public void delete(String ivoid, Instant datestamp) {
        store(new Rec(requireIvoid(ivoid), seconds(datestamp), null));
    }

    /**
     * Sets how to misbehave from now on. Every call also releases the requests held by {@link Fault#STALL} (they
     * are dropped without a response), so a test that moves on is not left with busy server threads.
     */
    public void setFault(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        synchronized (lock) {
            this.fault = fault;
            stallRelease.countDown();
            stallRelease = new CountDownLatch(1);
        }
    }

    /**
     * Answers the next {@code n} ListRecords requests as usual and every later one with HTTP 500; {@code n < 0}
     * turns this off. Counting starts at this call.
     */
    public void failAfterPages(int n) {
        synchronized (lock) {
            pagesBeforeFailure = n < 0 ? -1 : n;
        }
    }

    /** How many ListRecords requests were received, including failed and faulted ones. */
    public int listRecordsRequests() {
        synchronized (lock) {
            return listRecordsRequests;
        }
    }

    /** The raw query strings received, in order: the URL query of a GET, the form body of a POST. */
    public List<String> requestLog() {
        synchronized (lock) {
            return List.copyOf(requestLog);
        }
    }

    /** Stops the server at once, dropping stalled and in-flight requests. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            stallRelease.countDown();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private static String requireIvoid(String ivoid) {
        if (ivoid == null || ivoid.isBlank()) {
            throw new IllegalArgumentException("ivoid is required");
        }
        return ivoid.strip();
    }

    private static Instant seconds(Instant datestamp) {
        return Objects.requireNonNull(datestamp, "datestamp").truncatedTo(ChronoUnit.SECONDS);
    }

    private void store(Rec rec) {
        synchronized (lock) {
            Rec old = byId.put(rec.ivoid(), rec);
            if (old != null) {
                ordered.remove(new Key(old.datestamp(), old.ivoid()));
            }
            ordered.put(new Key(rec.datestamp(), rec.ivoid()), rec);
        }
    }

    // ---- HTTP ----

    private void handle(HttpExchange ex) {
        try {
            serve(ex);
        } catch (DropConnection e) {
            // Leave the exchange open and let the exception reach HttpServer, which then closes the socket.
            throw e;
        } catch (IOException | RuntimeException e) {
            // The client went away; nothing useful to tell anyone.
        }
        ex.close();
    }

    private void serve(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        if (!"/oai".equals(ex.getRequestURI().getPath())) {
            sendText(ex, 404, "text/plain; charset=UTF-8", "Not found: only /oai is served\n");
            return;
        }
        String raw;
        if ("GET".equals(method)) {
            raw = ex.getRequestURI().getRawQuery();
        } else if ("POST".equals(method)) {
            raw = new String(ex.getRequestBody().readNBytes(MAX_POST_BYTES), StandardCharsets.UTF_8).strip();
        } else {
            ex.getResponseHeaders().set("Allow", "GET, POST");
            sendText(ex, 405, "text/plain; charset=UTF-8", "Method not allowed\n");
            return;
        }
        raw = raw == null ? "" : raw;

        Map<String, List<String>> args = new LinkedHashMap<>();
        String parseError = parseForm(raw, args);
        String verb = args.containsKey("verb") ? args.get("verb").get(0) : null;
        boolean listRecords = "ListRecords".equals(verb);

        Fault current;
        CountDownLatch stall;
        boolean forced500 = false;
        synchronized (lock) {
            requestLog.add(raw);
            if (listRecords) {
                listRecordsRequests++;
                if (pagesBeforeFailure == 0) {
                    forced500 = true;
                } else if (pagesBeforeFailure > 0) {
                    pagesBeforeFailure--;
                }
            }
            current = fault;
            stall = stallRelease;
        }
        if (forced500) {
            sendText(ex, 500, "text/plain; charset=UTF-8", "Internal Server Error (failAfterPages)\n");
            return;
        }
        switch (current) {
            case HTTP_500 -> {
                sendText(ex, 500, "text/plain; charset=UTF-8", "Internal Server Error\n");
                return;
            }
            case HTML_PAGE -> {
                sendText(ex, 200, "text/html; charset=UTF-8", htmlPage());
                return;
            }
            case OAI_ERROR -> {
                sendXml(ex, envelope(null, utf8(error("badArgument", "simulated failure: the repository refuses"))));
                return;
            }
            case STALL -> {
                try {
                    stall.await(STALL_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                // Returning without headers makes HttpServer close the connection: the client sees no reply.
                return;
            }
            case ENTITY_BOMB -> {
                if (listRecords) {
                    sendXml(ex, utf8(entityBombPage()));
                    return;
                }
            }
            default -> {
                // NONE, or a ListRecords-only fault handled below
            }
        }

        byte[] xml;
        if (parseError != null) {
            xml = envelope(null, utf8(error("badArgument", parseError)));
        } else {
            Reply reply = dispatch(args, listRecords && current == Fault.LOOPING_TOKEN);
            xml = envelope(reply.echo(), reply.body());
        }
        if (listRecords && current == Fault.TRUNCATED) {
            sendTruncated(ex, xml);
        } else {
            sendXml(ex, xml);
        }
    }

    /** Decodes a query or form body into args; returns a reason when it is malformed, else null. */
    private static String parseForm(String raw, Map<String, List<String>> args) {
        if (raw.isEmpty()) {
            return null;
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                args.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                return "malformed percent-encoding in the request";
            }
        }
        return null;
    }

    private static void sendXml(HttpExchange ex, byte[] xml) throws IOException {
        send(ex, 200, "text/xml; charset=UTF-8", xml);
    }

    private static void sendText(HttpExchange ex, int status, String contentType, String body) throws IOException {
        send(ex, status, contentType, utf8(body));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendTruncated(HttpExchange ex, byte[] full) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
        ex.sendResponseHeaders(200, full.length);
        OutputStream out = ex.getResponseBody();
        out.write(full, 0, full.length / 2);
        out.flush();
        // Closing the exchange short of the declared length would leave the connection open, idle; an exception
        // out of the handler is what makes HttpServer close it.
        throw new DropConnection();
    }

    // ---- OAI-PMH ----

    private Reply dispatch(Map<String, List<String>> multi, boolean looping) {
        Map<String, String> args = new LinkedHashMap<>();
        try {
            List<String> verbs = multi.get("verb");
            if (verbs == null) {
                throw new OaiError("badVerb", "the verb argument is missing");
            }
            if (verbs.size() > 1) {
                throw new OaiError("badVerb", "the verb argument is repeated");
            }
            if (!VERBS.contains(verbs.get(0))) {
                throw new OaiError("badVerb", "illegal OAI verb '" + verbs.get(0) + "'");
            }
            for (Map.Entry<String, List<String>> e : multi.entrySet()) {
                if (e.getValue().size() > 1) {
                    throw new OaiError("badArgument", "argument '" + e.getKey() + "' is repeated");
                }
                args.put(e.getKey(), e.getValue().get(0));
            }
            String verb = args.get("verb");
            return switch (verb) {
                case "Identify" -> new Reply(args, utf8(identify(args)));
                case "ListMetadataFormats" -> new Reply(args, utf8(listMetadataFormats(args)));
                case "GetRecord" -> new Reply(args, getRecord(args));
                default -> new Reply(args, listRecords(args, looping));
            };
        } catch (OaiError e) {
            boolean badRequest = "badVerb".equals(e.code) || "badArgument".equals(e.code);
            return new Reply(badRequest ? null : args, utf8(error(e.code, e.getMessage())));
        }
    }

    private static void allowOnly(Map<String, String> args, Set<String> allowed) throws OaiError {
        for (Map.Entry<String, String> e : args.entrySet()) {
            if (!"verb".equals(e.getKey()) && !allowed.contains(e.getKey())) {
                throw new OaiError("badArgument", "illegal argument '" + e.getKey() + "' for " + args.get("verb"));
            }
            if (e.getValue().isEmpty()) {
                throw new OaiError("badArgument", "argument '" + e.getKey() + "' is empty");
            }
        }
    }

    private String identify(Map<String, String> args) throws OaiError {
        allowOnly(args, Set.of());
        Instant earliest;
        Set<String> authorities = new TreeSet<>();
        synchronized (lock) {
            earliest = ordered.isEmpty() ? Instant.parse("2000-01-01T00:00:00Z") : ordered.firstKey().datestamp();
            for (String ivoid : byId.keySet()) {
                String auth = authorityOf(ivoid);
                if (auth != null) {
                    authorities.add(auth);
                }
            }
        }
        String now = stamp(Instant.now());
        StringBuilder b = new StringBuilder(512 + 64 * authorities.size());
        b.append("<oai:Identify>")
                .append("<oai:repositoryName>AstroRuntime OAI-PMH test registry</oai:repositoryName>")
                .append("<oai:baseURL>").append(esc(endpoint.toString())).append("</oai:baseURL>")
                .append("<oai:protocolVersion>2.0</oai:protocolVersion>")
                .append("<oai:adminEmail>registry-admin@astroruntime.test</oai:adminEmail>")
                .append("<oai:earliestDatestamp>").append(stamp(earliest)).append("</oai:earliestDatestamp>")
                .append("<oai:deletedRecord>persistent</oai:deletedRecord>")
                .append("<oai:granularity>YYYY-MM-DDThh:mm:ssZ</oai:granularity>")
                // Registry Interfaces: Identify carries the registry's own vg:Registry record.
                .append("<oai:description>")
                .append("<ri:Resource xmlns:ri=\"").append(RI_NS).append("\"")
                .append(" xmlns:vg=\"http://www.ivoa.net/xml/VORegistry/v1.0\"")
                .append(" xmlns:vr=\"http://www.ivoa.net/xml/VOResource/v1.0\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xsi:type=\"vg:Registry\" created=\"2000-01-01T00:00:00Z\" updated=\"").append(now)
                .append("\" status=\"active\">")
                .append("<title>AstroRuntime OAI-PMH test registry</title>")
                .append("<identifier>ivo://astroruntime.test/registry</identifier>")
                .append("<curation><publisher>AstroRuntime test suite</publisher>")
                .append("<contact><name>Registry administrator</name>")
                .append("<email>registry-admin@astroruntime.test</email></contact></curation>")
                .append("<content><subject>virtual observatory</subject>")
                .append("<description>A publishing registry run inside the test suite.</description>")
                .append("<referenceURL>").append(esc(endpoint.toString())).append("</referenceURL>")
                .append("<type>Registry</type></content>")
                .append("<capability xsi:type=\"vg:Harvest\" standardID=\"ivo://ivoa.net/std/Registry\">")
                .append("<interface xsi:type=\"vg:OAIHTTP\" role=\"std\" version=\"1.0\">")
                .append("<accessURL use=\"base\">").append(esc(endpoint.toString())).append("</accessURL>")
                .append("</interface><maxRecords>").append(pageSize).append("</maxRecords></capability>")
                .append("<full>false</full>");
        for (String auth : authorities) {
            b.append("<managedAuthority>").append(esc(auth)).append("</managedAuthority>");
        }
        return b.append("</ri:Resource></oai:description></oai:Identify>").toString();
    }

    private String listMetadataFormats(Map<String, String> args) throws OaiError {
        allowOnly(args, Set.of("identifier"));
        String id = args.get("identifier");
        if (id != null) {
            synchronized (lock) {
                if (!byId.containsKey(id)) {
                    throw new OaiError("idDoesNotExist", "no record with identifier '" + id + "'");
                }
            }
        }
        return "<oai:ListMetadataFormats>"
                + "<oai:metadataFormat><oai:metadataPrefix>ivo_vor</oai:metadataPrefix>"
                + "<oai:schema>" + RI_NS + "</oai:schema>"
                + "<oai:metadataNamespace>" + RI_NS + "</oai:metadataNamespace></oai:metadataFormat>"
                + "<oai:metadataFormat><oai:metadataPrefix>oai_dc</oai:metadataPrefix>"
                + "<oai:schema>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</oai:schema>"
                + "<oai:metadataNamespace>http://www.openarchives.org/OAI/2.0/oai_dc/</oai:metadataNamespace>"
                + "</oai:metadataFormat></oai:ListMetadataFormats>";
    }

    private byte[] getRecord(Map<String, String> args) throws OaiError {
        allowOnly(args, Set.of("identifier", "metadataPrefix"));
        String id = args.get("identifier");
        String prefix = args.get("metadataPrefix");
        if (id == null || prefix == null) {
            throw new OaiError("badArgument", "GetRecord needs identifier and metadataPrefix");
        }
        requirePrefix(prefix);
        Rec rec;
        synchronized (lock) {
            rec = byId.get(id);
        }
        if (rec == null) {
            throw new OaiError("idDoesNotExist", "no record with identifier '" + id + "'");
        }
        Out b = new Out(rec.deleted() ? 256 : rec.xml().length + 256);
        b.append("<oai:GetRecord>");
        appendRecord(b, rec);
        return b.append("</oai:GetRecord>").toBytes();
    }

    private static void requirePrefix(String prefix) throws OaiError {
        if (!METADATA_PREFIX.equals(prefix)) {
            throw new OaiError("cannotDisseminateFormat",
                    "metadata format '" + prefix + "' is not disseminated; use ivo_vor");
        }
    }

    private byte[] listRecords(Map<String, String> args, boolean looping) throws OaiError {
        String token = args.get("resumptionToken");
        if (token != null) {
            if (args.size() != 2) {
                throw new OaiError("badArgument", "resumptionToken must be the only argument besides verb");
            }
            allowOnly(args, Set.of("resumptionToken"));
            if (looping) {
                return page(loopingList(null, null), 0, LOOPING_TOKEN, true);
            }
            return resume(token);
        }
        allowOnly(args, Set.of("metadataPrefix", "from", "until", "set"));
        String prefix = args.get("metadataPrefix");
        if (prefix == null) {
            throw new OaiError("badArgument", "ListRecords needs metadataPrefix or resumptionToken");
        }
        String fromArg = args.get("from");
        String untilArg = args.get("until");
        Instant from = fromArg == null ? null : parseDate("from", fromArg, false);
        Instant until = untilArg == null ? null : parseDate("until", untilArg, true);
        if (fromArg != null && untilArg != null && fromArg.length() != untilArg.length()) {
            throw new OaiError("badArgument", "from and until must have the same granularity");
        }
        if (from != null && until != null && from.isAfter(until)) {
            throw new OaiError("badArgument", "from is later than until");
        }
        requirePrefix(prefix);
        String set = args.get("set");
        if (set != null && !SET_SPEC.equals(set)) {
            throw new OaiError("noRecordsMatch", "no records in set '" + set + "'");
        }
        if (looping) {
            return page(loopingList(from, until), 0, LOOPING_TOKEN, true);
        }

        List<Rec> list;
        String harvest = null;
        synchronized (lock) {
            list = List.copyOf(select(from, until).values());
            if (list.size() > pageSize) {
                harvest = tokenPrefix + "-" + (++harvests);
                snapshots.put(harvest, list);
            }
        }
        if (list.isEmpty()) {
            throw new OaiError("noRecordsMatch", "no records match the request");
        }
        return page(list, 0, harvest, false);
    }

    private List<Rec> loopingList(Instant from, Instant until) throws OaiError {
        List<Rec> list;
        synchronized (lock) {
            list = List.copyOf(select(from, until).values());
        }
        if (list.isEmpty()) {
            throw new OaiError("noRecordsMatch", "no records match the request");
        }
        return list;
    }

    private byte[] resume(String token) throws OaiError {
        int dash = token.lastIndexOf('-');
        List<Rec> list;
        int offset;
        try {
            offset = dash < 0 ? -1 : Integer.parseInt(token.substring(dash + 1));
        } catch (NumberFormatException e) {
            offset = -1;
        }
        synchronized (lock) {
            list = dash < 0 ? null : snapshots.get(token.substring(0, dash));
        }
        if (list == null || offset <= 0 || offset >= list.size() || offset % pageSize != 0) {
            throw new OaiError("badResumptionToken", "the resumptionToken '" + token + "' is invalid or expired");
        }
        return page(list, offset, token.substring(0, dash), false);
    }

    /** Lists records {@code offset .. offset+pageSize} of the list; harvest names the snapshot for the next token. */
    private byte[] page(List<Rec> list, int offset, String harvest, boolean looping) {
        int end = Math.min(list.size(), offset + pageSize);
        int size = 0;
        for (int i = offset; i < end; i++) {
            Rec r = list.get(i);
            size += 256 + (r.deleted() ? 0 : r.xml().length);
        }
        Out b = new Out(size + 256);
        b.append("<oai:ListRecords>");
        for (int i = offset; i < end; i++) {
            appendRecord(b, list.get(i));
        }
        if (looping) {
            tokenElement(b, list.size(), 0, LOOPING_TOKEN);
        } else if (end < list.size()) {
            tokenElement(b, list.size(), offset, harvest + "-" + end);
        } else if (offset > 0) {
            tokenElement(b, list.size(), offset, null);
        }
        return b.append("</oai:ListRecords>").toBytes();
    }

    private static void tokenElement(Out b, int total, int cursor, String token) {
        b.append("<oai:resumptionToken completeListSize=\"").append(total).append("\" cursor=\"").append(cursor);
        if (token == null) {
            b.append("\"/>");
        } else {
            b.append("\">").append(esc(token)).append("</oai:resumptionToken>");
        }
    }

    private static void appendRecord(Out b, Rec r) {
        b.append("<oai:record><oai:header").append(r.deleted() ? " status=\"deleted\">" : ">")
                .append("<oai:identifier>").append(esc(r.ivoid())).append("</oai:identifier>")
                .append("<oai:datestamp>").append(stamp(r.datestamp())).append("</oai:datestamp>")
                .append("<oai:setSpec>").append(SET_SPEC).append("</oai:setSpec></oai:header>");
        if (!r.deleted()) {
            b.append("<oai:metadata>").raw(r.xml()).append("</oai:metadata>");
        }
        b.append("</oai:record>");
    }

    /** Records with from {@code <=} datestamp {@code <=} until (either bound may be null). Call holding lock. */
    private NavigableMap<Key, Rec> select(Instant from, Instant until) {
        NavigableMap<Key, Rec> view = ordered;
        if (from != null) {
            view = view.tailMap(new Key(from, ""), true);
        }
        if (until != null) {
            // "" sorts before every ivoid, so this excludes exactly the records stamped after until.
            view = view.headMap(new Key(until.plusSeconds(1), ""), false);
        }
        return view;
    }

    /** Parses a from/until bound at day or seconds granularity; a day as until means its last second. */
    private static Instant parseDate(String name, String value, boolean until) throws OaiError {
        try {
            if (DAY.matcher(value).matches()) {
                LocalDate day = LocalDate.parse(value);
                return (until ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .minusSeconds(until ? 1 : 0);
            }
            if (SECONDS.matcher(value).matches()) {
                return Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            // an impossible date such as 2024-02-30; reported below
        }
        throw new OaiError("badArgument", "'" + name + "' is not a UTCdatetime at day or seconds granularity: '"
                + value + "'");
    }

    private byte[] envelope(Map<String, String> echo, byte[] body) {
        Out b = new Out(body.length + 512);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<oai:OAI-PMH xmlns:oai=\"").append(OAI_NS).append("\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xsi:schemaLocation=\"").append(OAI_NS)
                .append(" http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd\">")
                .append("<oai:responseDate>").append(stamp(Instant.now())).append("</oai:responseDate>")
                .append("<oai:request");
        if (echo != null) {
            for (Map.Entry<String, String> e : echo.entrySet()) {
                b.append(' ').append(e.getKey()).append("=\"").append(esc(e.getValue())).append('"');
            }
        }
        b.append('>').append(esc(endpoint.toString())).append("</oai:request>").raw(body)
                .append("</oai:OAI-PMH>\n");
        return b.toBytes();
    }

    private static String error(String code, String message) {
        return "<oai:error code=\"" + code + "\">" + esc(message) + "</oai:error>";
    }

    private String htmlPage() {
        return "<!DOCTYPE html>\n<html><head><title>503 Service Temporarily Unavailable</title></head>\n"
                + "<body><h1>Service Temporarily Unavailable</h1>\n"
                + "<p>The registry is down for maintenance. Please try again later.</p>\n"
                + "<hr><address>Apache Server at 127.0.0.1 Port " + endpoint.getPort() + "</address>\n"
                + "</body></html>\n";
    }

    /** A well-formed page whose internal subset expands to 10^9 "lol"s if the parser lets it. */
    private String entityBombPage() {
        StringBuilder b = new StringBuilder(4096);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE oai:OAI-PMH [\n")
                .append("  <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            b.append("  <!ENTITY lol").append(i).append(" \"");
            String prev = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
            b.append(prev.repeat(10)).append("\">\n");
        }
        b.append("]>\n")
                .append("<oai:OAI-PMH xmlns:oai=\"").append(OAI_NS).append("\">")
                .append("<oai:responseDate>").append(stamp(Instant.now())).append("</oai:responseDate>")
                .append("<oai:request verb=\"ListRecords\">").append(esc(endpoint.toString()))
                .append("</oai:request><oai:ListRecords><oai:record><oai:header>")
                .append("<oai:identifier>ivo://bomb.test/lol</oai:identifier>")
                .append("<oai:datestamp>").append(stamp(Instant.now())).append("</oai:datestamp>")
                .append("<oai:setSpec>ivo_managed</oai:setSpec></oai:header><oai:metadata>")
                .append("<ri:Resource xmlns:ri=\"").append(RI_NS).append("\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\"")
                .append(" xsi:type=\"vs:CatalogService\" status=\"active\"")
                .append(" created=\"2020-01-01T00:00:00Z\" updated=\"2020-01-01T00:00:00Z\">")
                .append("<title>&lol9;</title><identifier>ivo://bomb.test/lol</identifier>")
                .append("<curation><publisher>&lol9;</publisher></curation>")
                .append("<content><description>&lol9;</description>")
                .append("<referenceURL>http://bomb.test/</referenceURL></content>")
                .append("</ri:Resource></oai:metadata></oai:record></oai:ListRecords></oai:OAI-PMH>\n");
        return b.toString();
    }

    // ---- helpers ----

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String stamp(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String authorityOf(String ivoid) {
        if (!ivoid.regionMatches(true, 0, "ivo://", 0, 6)) {
            return null;
        }
        int end = 6;
        while (end < ivoid.length() && "/?#".indexOf(ivoid.charAt(end)) < 0) {
            end++;
        }
        return end > 6 ? ivoid.substring(6, end).toLowerCase(Locale.ROOT) : null;
    }

    /** Escapes for element text and attribute values; characters XML 1.0 forbids become U+FFFD. */
    static String esc(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                case '\t', '\n', '\r' -> null;
                default -> {
                    boolean ok = c >= 0x20 && c != 0xFFFE && c != 0xFFFF
                            && (!Character.isSurrogate(c) || pairedSurrogate(s, i));
                    yield ok ? null : "\uFFFD";
                }
            };
            if (rep != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(rep);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
