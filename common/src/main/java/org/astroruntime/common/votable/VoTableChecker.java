package org.astroruntime.common.votable;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.astroruntime.common.xml.SafeXml;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.votable.TableContentHandler;
import uk.ac.starlink.votable.TableHandler;

/**
 * Reads a VOTable document as a stream and reports its query status, row count and columns, without ever holding
 * the table in memory. BINARY, BINARY2 and FITS rows are decoded by STIL's SAX table handler and counted, then
 * dropped; TABLEDATA rows are counted from their {@code TR} elements without decoding the cells (decoding them
 * would cost as much again as parsing), unless a {@link TableSink} asks for the rows of the first table, which
 * are then decoded by STIL in every serialisation.
 *
 * <p>Recognises the two error conventions services use: DALI's {@code INFO name="QUERY_STATUS" value="ERROR"} and
 * Simple Cone Search 1.03's {@code INFO} or {@code PARAM} with {@code name="Error"}; and DALI's
 * {@code QUERY_STATUS=OVERFLOW} for truncated answers. Tables referenced by {@code href} are not fetched.
 *
 * <p>Instances hold no state and may be shared.
 */
public final class VoTableChecker {

    /** Reads the whole document and reports on it. */
    public VoTableReport check(InputStream in) throws IOException, VoTableException {
        return copyAndCheck(in, OutputStream.nullOutputStream());
    }

    /**
     * Copies every byte of {@code in} to {@code copy} while checking it, so that one pass both stores and checks a
     * result. On a {@link VoTableException} the copy holds what was read so far and must be discarded by the caller.
     */
    public VoTableReport copyAndCheck(InputStream in, OutputStream copy) throws IOException, VoTableException {
        return copyAndCheck(in, copy, null);
    }

    /**
     * Like {@link #copyAndCheck(InputStream, OutputStream)}, and also hands the metadata and the decoded rows of the
     * document's first table to {@code firstTable} as they are read (when not null), so that the table can be
     * converted in the same pass. {@link TableSink#endRows()} is called when the first table ends; after a
     * failure it may never be, and the caller must abandon the sink.
     */
    public VoTableReport copyAndCheck(InputStream in, OutputStream copy, TableSink firstTable)
            throws IOException, VoTableException {
        TeeInputStream tee = new TeeInputStream(in, copy);
        Inspector inspector = new Inspector(firstTable);
        try {
            SafeXml.saxParserFactory().newSAXParser().parse(new InputSource(tee), inspector);
        } catch (SafeXml.StopParsing e) {
            throw new VoTableException(e.getMessage(), e);
        } catch (SAXParseException e) {
            throw new VoTableException("malformed VOTable (line " + e.getLineNumber() + "): " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new VoTableException("unreadable VOTable: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        if (!inspector.sawRoot) {
            throw new VoTableException("empty document, not a VOTable", null);
        }
        tee.transferTo(OutputStream.nullOutputStream()); // trailing bytes after the root element still belong to the copy
        return inspector.report(tee.count);
    }

    /** Watches INFO/PARAM elements for status and hands everything to STIL for the table data. */
    private static final class Inspector extends DefaultHandler implements TableHandler {
        private final TableContentHandler stil = new TableContentHandler(false);
        private final TableSink firstTable;
        private boolean sawRoot;
        /** Inside a TABLEDATA whose rows are counted here rather than decoded by STIL. */
        private boolean countingTabledata;
        private int tableElements;
        private int depth;
        private int tableDepth;
        private int tables;
        private long rows;
        private List<ColumnSummary> columns = List.of();
        private QueryStatus status = QueryStatus.OK;
        private String message;
        private StringBuilder statusText;

        Inspector(TableSink firstTable) {
            this.firstTable = firstTable;
            stil.setTableHandler(this);
            stil.setReadHrefTables(false);
        }

        VoTableReport report(long bytes) {
            return new VoTableReport(status, message, tables, rows, columns, bytes);
        }

        @Override
        public void startDocument() throws SAXException {
            stil.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            stil.endDocument();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            String tag = localName == null || localName.isEmpty() ? qName : localName;
            if (depth++ == 0) {
                sawRoot = true;
                if (!tag.equals("VOTABLE")) {
                    throw new SafeXml.StopParsing("not a VOTable: the document's root element is <" + tag + ">");
                }
            }
            if (countingTabledata) {
                if (tag.equals("TR") && tableElements == 1) {
                    rows++;
                }
                return; // TR and TD stay here: STIL would decode every cell
            }
            if (tag.equals("TABLE")) {
                tableDepth++;
                tableElements++;
            }
            if (tag.equals("TABLEDATA") && (firstTable == null || tableElements > 1)) {
                countingTabledata = true;
            }
            String name = atts.getValue("name");
            if (name != null && (tag.equals("INFO") || (tag.equals("PARAM") && tableDepth == 0))) {
                inspectStatus(tag, name, atts.getValue("value"));
            }
            stil.startElement(uri, localName, qName, atts);
        }

        private void inspectStatus(String tag, String name, String value) {
            if (tag.equals("INFO") && name.equalsIgnoreCase("QUERY_STATUS") && value != null) {
                String v = value.strip().toUpperCase(Locale.ROOT);
                if (v.equals("ERROR") || (v.equals("OVERFLOW") && status != QueryStatus.ERROR)) {
                    status = QueryStatus.valueOf(v);
                    message = null;
                    statusText = new StringBuilder();
                }
            } else if (name.equals("Error")) {
                status = QueryStatus.ERROR;
                message = value == null || value.isBlank() ? "the service reported an error without a message" : value.strip();
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            depth--;
            String tag = localName == null || localName.isEmpty() ? qName : localName;
            if (countingTabledata) {
                if (!tag.equals("TABLEDATA")) {
                    return;
                }
                countingTabledata = false;
            }
            if (tag.equals("TABLE")) {
                tableDepth--;
            }
            if (statusText != null && tag.equals("INFO")) {
                String text = statusText.toString().strip();
                message = text.isEmpty() ? null : text;
                statusText = null;
            }
            stil.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (countingTabledata) {
                return;
            }
            if (statusText != null && statusText.length() < 4096) {
                statusText.append(ch, start, length);
            }
            stil.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            if (!countingTabledata) {
                stil.ignorableWhitespace(ch, start, length);
            }
        }

        @Override
        public void setDocumentLocator(org.xml.sax.Locator locator) {
            stil.setDocumentLocator(locator);
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            stil.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            stil.endPrefixMapping(prefix);
        }

        // TableHandler: called by STIL for each table it decodes.

        @Override
        public void startTable(StarTable meta) throws SAXException {
            tables++;
            if (tables == 1) {
                if (firstTable != null) {
                    try {
                        firstTable.acceptMetadata(meta);
                    } catch (TableFormatException e) {
                        throw new SAXException(e);
                    }
                }
                List<ColumnSummary> cols = new ArrayList<>(meta.getColumnCount());
                for (int i = 0; i < meta.getColumnCount(); i++) {
                    ColumnInfo info = meta.getColumnInfo(i);
                    cols.add(new ColumnSummary(info.getName(), info.getContentClass().getSimpleName(),
                            info.getUnitString(), info.getUCD()));
                }
                columns = cols;
            }
        }

        @Override
        public void rowData(Object[] row) throws SAXException {
            if (tables == 1) {
                rows++;
                if (firstTable != null) {
                    try {
                        firstTable.acceptRow(row);
                    } catch (IOException e) {
                        throw new SAXException(e);
                    }
                }
            }
        }

        @Override
        public void endTable() throws SAXException {
            if (tables == 1 && firstTable != null) {
                try {
                    firstTable.endRows();
                } catch (IOException e) {
                    throw new SAXException(e);
                }
            }
        }
    }

    /** Copies what is read to a second stream and counts it. */
    private static final class TeeInputStream extends FilterInputStream {
        private final OutputStream copy;
        private long count;

        TeeInputStream(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                copy.write(buf, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must still reach the copy.
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            int r = read(buf, 0, buf.length);
            return Math.max(r, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // The caller owns the underlying stream; the SAX parser must not close it before the trailing bytes are copied.
        }
    }
}
