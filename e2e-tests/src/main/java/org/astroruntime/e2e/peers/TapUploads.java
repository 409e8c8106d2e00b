package org.astroruntime.e2e.peers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.util.ByteArrayDataSource;
import uk.ac.starlink.votable.VOStarTable;
import uk.ac.starlink.votable.VOTableBuilder;

/**
 * TAP 1.1 table upload (DALI {@code UPLOAD}): {@code UPLOAD=name,URI}, several joined by {@code ;} or given as
 * repeated parameters. {@code param:part} names a part of the same multipart/form-data request; an http(s) URL is
 * fetched by the service (at most {@value #FETCH_TIMEOUT_SECONDS} s in all). Each VOTable (its first TABLE, at most
 * {@value #MAX_UPLOAD_BYTES} bytes) becomes the table {@code TAP_UPLOAD.name} for that one query. Scalar columns of
 * any VOTable datatype and character strings are taken; other array columns are refused. Every problem is an
 * {@link IllegalArgumentException} whose message names the upload, which the service answers as a DALI error.
 */
final class TapUploads {

    static final String SCHEMA = "TAP_UPLOAD";
    static final int MAX_UPLOAD_BYTES = 16 << 20;
    static final int FETCH_TIMEOUT_SECONDS = 5;

    /** An ADQL regular identifier, which an upload name must be so that the table can be named in a query. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final String INLINE_SCHEME = "param:";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(FETCH_TIMEOUT_SECONDS)).followRedirects(HttpClient.Redirect.NORMAL).build();

    /**
     * One requested upload.
     *
     * @param table  the table name (without schema), as given
     * @param source {@code param:part} or an http(s) URL, as given
     */
    record TableUpload(String table, String source) {

        boolean isInline() {
            return source.regionMatches(true, 0, INLINE_SCHEME, 0, INLINE_SCHEME.length());
        }

        String partName() {
            return source.substring(INLINE_SCHEME.length());
        }

        String qualifiedName() {
            return SCHEMA + "." + table;
        }
    }

    /**
     * Checks the syntax of the UPLOAD values (no fetching).
     *
     * @throws IllegalArgumentException for a malformed item, a name that is not an identifier or is repeated, or
     *                                  a URI that is neither {@code param:} nor http(s)
     */
    static List<TableUpload> parse(List<String> values) {
        List<TableUpload> uploads = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String value : values) {
            if (value.isBlank()) {
                throw new IllegalArgumentException("UPLOAD is empty (use UPLOAD=name,URI)");
            }
            for (String item : value.split(";")) {
                if (item.isBlank()) {
                    continue; // a trailing ';'
                }
                int comma = item.indexOf(',');
                if (comma < 0) {
                    throw new IllegalArgumentException("UPLOAD must be name,URI (several separated by ';'), got '"
                            + item.strip() + "'");
                }
                String name = item.substring(0, comma).strip();
                String source = item.substring(comma + 1).strip();
                if (!TABLE_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("UPLOAD table name '" + name
                            + "' is not an ADQL identifier (a letter, then letters, digits or _)");
                }
                if (!names.add(name.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("UPLOAD names the table " + name + " more than once");
                }
                TableUpload upload = new TableUpload(name, source);
                if (upload.isInline() ? upload.partName().isEmpty() : !isHttpUrl(source)) {
                    throw new IllegalArgumentException("UPLOAD " + name + ": '" + source + "' is not supported"
                            + " (use param:name for a part of this multipart request, or an http(s) URL)");
                }
                uploads.add(upload);
            }
        }
        return List.copyOf(uploads);
    }

    private static boolean isHttpUrl(String source) {
        try {
            URI uri = new URI(source);
            return uri.getScheme() != null && uri.getHost() != null
                    && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Reads the uploaded tables: inline parts from {@code parts}, URLs by fetching them.
     *
     * @param parts the multipart parts of the request (or job) by name
     * @throws IllegalArgumentException for a missing part, an unreachable URL, a table over the size limit or one
     *                                  that is not a usable VOTable
     * @throws InterruptedException     when interrupted while fetching (an aborted job)
     */
    static List<TapTable> load(List<TableUpload> uploads, Map<String, MultipartForm.Part> parts)
            throws InterruptedException {
        List<TapTable> tables = new ArrayList<>();
        for (TableUpload upload : uploads) {
            byte[] votable;
            if (upload.isInline()) {
                MultipartForm.Part part = parts.get(upload.partName());
                if (part == null) {
                    throw new IllegalArgumentException("UPLOAD " + upload.table() + " refers to " + upload.source()
                            + ", but the request has no multipart/form-data part named " + upload.partName());
                }
                votable = part.content();
                if (votable.length > MAX_UPLOAD_BYTES) {
                    throw tooLarge(upload);
                }
            } else {
                votable = fetch(upload);
            }
            tables.add(table(upload, votable));
        }
        return tables;
    }

    private static IllegalArgumentException tooLarge(TableUpload upload) {
        return new IllegalArgumentException("UPLOAD " + upload.table() + " is larger than the limit of "
                + MAX_UPLOAD_BYTES + " bytes (" + (MAX_UPLOAD_BYTES >> 20) + " MiB)");
    }

    // ------------------------------------------------------------------------------------------------ URL uploads

    /** Thrown into the body future when the response outgrows the limit, so the transfer stops there. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }

    private static byte[] fetch(TableUpload upload) throws InterruptedException {
        String what = "UPLOAD " + upload.table() + ": cannot fetch " + upload.source();
        HttpRequest request = HttpRequest.newBuilder(URI.create(upload.source()))
                .timeout(Duration.ofSeconds(FETCH_TIMEOUT_SECONDS)).GET().build();
        CompletableFuture<HttpResponse<byte[]>> future = HTTP.sendAsync(request,
                info -> info.statusCode() / 100 == 2 ? new LimitedBody(MAX_UPLOAD_BYTES)
                        : HttpResponse.BodySubscribers.replacing(new byte[0]));
        HttpResponse<byte[]> response;
        try {
            // The request timeout only covers the headers; this bounds a body that trickles or stalls too.
            response = future.get(FETCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IllegalArgumentException(what + ": no complete answer within " + FETCH_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge || cause.getCause() instanceof TooLarge) {
                throw tooLarge(upload);
            }
            throw new IllegalArgumentException(what + ": " + describe(cause));
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalArgumentException(what + ": it answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        String name = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + " (" + message + ")";
    }

    /** Collects a response body, failing with {@link TooLarge} (and cancelling the transfer) past the limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            if (body.isDone()) {
                return; // already over the limit: buffers still in flight after cancel() are dropped
            }
            for (ByteBuffer b : item) {
                if (buffer.size() + b.remaining() > limit) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                buffer.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            body.complete(buffer.toByteArray());
        }
    }

    // ------------------------------------------------------------------------------------------------ VOTable

    /** Reads the first TABLE of a VOTable into memory as {@code TAP_UPLOAD.name}. */
    private static TapTable table(TableUpload upload, byte[] votable) {
        String what = "UPLOAD " + upload.table() + " (" + upload.source() + ")";
        StarTable star;
        try {
            star = new VOTableBuilder().makeStarTable(new ByteArrayDataSource(upload.table(), votable), true,
                    StoragePolicy.PREFER_MEMORY);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(what + " is not a readable VOTable: " + describe(e));
        }
        if (star == null) {
            throw new IllegalArgumentException(what + " is not a readable VOTable: it has no TABLE");
        }
        List<ColumnDef> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < star.getColumnCount(); i++) {
            ColumnInfo info = star.getColumnInfo(i);
            if (!names.add(info.getName().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(what + " has more than one column named " + info.getName());
            }
            columns.add(column(what, info));
        }
        List<Object[]> rows = new ArrayList<>();
        try (RowSequence seq = star.getRowSequence()) {
            while (seq.next()) {
                Object[] row = seq.getRow().clone();
                for (int i = 0; i < row.length; i++) {
                    row[i] = value(row[i]);
                }
                rows.add(row);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(what + " is not a readable VOTable: " + describe(e));
        }
        List<Object[]> kept = List.copyOf(rows);
        return new TapTable(SCHEMA, upload.qualifiedName(), "Table uploaded by the query as " + upload.source(),
                columns, kept::iterator);
    }

    /** VOTable datatypes kept as declared; any other one (e.g. bit) is named after the Java class STIL reads. */
    private static final Set<String> SCALAR_DATATYPES = Set.of("boolean", "unsignedByte", "short", "int", "long",
            "float", "double", "char", "unicodeChar");

    private static ColumnDef column(String what, ColumnInfo info) {
        Class<?> type = info.getContentClass();
        String declared = info.getAuxDatumValue(VOStarTable.DATATYPE_INFO, String.class);
        String datatype;
        String arraysize = null;
        if (type == String.class) {
            datatype = "unicodeChar".equals(declared) ? "unicodeChar" : "char";
            arraysize = info.getElementSize() > 0 ? Integer.toString(info.getElementSize()) : "*";
        } else if (type.isArray()) {
            throw new IllegalArgumentException(what + ": column " + info.getName() + " is an array ("
                    + (declared == null ? type.getComponentType().getSimpleName() : declared)
                    + "); this service only takes scalar columns and strings");
        } else if (declared != null && SCALAR_DATATYPES.contains(declared)) {
            datatype = declared;
        } else {
            datatype = datatypeOf(type);
            if (datatype == null) {
                throw new IllegalArgumentException(what + ": column " + info.getName() + " has values of type "
                        + type.getSimpleName() + ", which this service cannot query");
            }
        }
        return new ColumnDef(info.getName(), datatype, arraysize, info.getUnitString(), info.getUCD(),
                info.getUtype(), info.getXtype(), info.getDescription(), true, false, false);
    }

    /** The VOTable datatype for the Java class STIL reads a scalar as, or null for none the engine handles. */
    private static String datatypeOf(Class<?> type) {
        if (type == Boolean.class) {
            return "boolean";
        }
        if (type == Byte.class || type == Short.class) {
            return "short";
        }
        if (type == Integer.class) {
            return "int";
        }
        if (type == Long.class) {
            return "long";
        }
        if (type == Float.class) {
            return "float";
        }
        if (type == Double.class) {
            return "double";
        }
        if (type == Character.class) {
            return "char";
        }
        return null;
    }

    /** A cell as the engine holds values: NaN (the VOTable null of floating types) becomes null. */
    private static Object value(Object cell) {
        if (cell instanceof Double d && d.isNaN() || cell instanceof Float f && f.isNaN()) {
            return null;
        }
        if (cell instanceof Character c) {
            return c.toString();
        }
        return cell;
    }

    private TapUploads() {
    }
}
