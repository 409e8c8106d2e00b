package org.astroruntime.e2e.peers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Hand-written VOTable 1.4 (TABLEDATA) and CSV output shared by the SIA and TAP peers. */
final class VoTables {

    /** The DALI media type of VOTable responses. */
    static final String MIME = "application/x-votable+xml";
    static final String NS = "http://www.ivoa.net/xml/VOTable/v1.3";

    static void begin(Writer w) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<VOTABLE version=\"1.4\" xmlns=\"" + NS + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
    }

    static void info(Writer w, String indent, String name, String value, String content) throws IOException {
        w.write(indent + "<INFO name=\"" + esc(name) + "\" value=\"" + esc(value) + "\"");
        w.write(content == null ? "/>\n" : ">" + esc(content) + "</INFO>\n");
    }

    static void field(Writer w, String indent, ColumnDef c) throws IOException {
        w.write(indent + "<FIELD name=\"" + esc(c.name()) + "\" datatype=\"" + c.datatype() + "\"");
        attr(w, "arraysize", c.arraysize());
        attr(w, "unit", c.unit());
        attr(w, "ucd", c.ucd());
        attr(w, "utype", c.utype());
        attr(w, "xtype", c.xtype());
        if (c.description() == null) {
            w.write("/>\n");
        } else {
            w.write(">\n" + indent + " <DESCRIPTION>" + esc(c.description()) + "</DESCRIPTION>\n" + indent + "</FIELD>\n");
        }
    }

    static void attr(Writer w, String name, String value) throws IOException {
        if (value != null) {
            w.write(" " + name + "=\"" + esc(value) + "\"");
        }
    }

    static void row(Writer w, Object[] values) throws IOException {
        w.write("<TR>");
        for (Object v : values) {
            w.write("<TD>");
            w.write(esc(cell(v)));
            w.write("</TD>");
        }
        w.write("</TR>\n");
    }

    /** TABLEDATA text of a value: empty for null (VOTable 1.3+: null for every datatype). */
    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Boolean b) {
            return b ? "T" : "F";
        }
        if (v instanceof int[] a) {
            StringBuilder sb = new StringBuilder();
            for (int x : a) {
                sb.append(sb.isEmpty() ? "" : " ").append(x);
            }
            return sb.toString();
        }
        if (v instanceof double[] a) {
            StringBuilder sb = new StringBuilder();
            for (double x : a) {
                sb.append(sb.isEmpty() ? "" : " ").append(x);
            }
            return sb.toString();
        }
        return v.toString();
    }

    /**
     * A complete results document: INFO QUERY_STATUS=OK before the table, and (DALI 1.1, "Overflow") a second
     * INFO QUERY_STATUS=OVERFLOW after it when the rows were cut at MAXREC.
     */
    static void results(Writer w, String tableName, List<String[]> infos, List<ColumnDef> columns,
                        Iterable<Object[]> rows, boolean overflow) throws IOException {
        begin(w);
        w.write(" <RESOURCE type=\"results\">\n");
        info(w, "  ", "QUERY_STATUS", "OK", null);
        for (String[] i : infos) {
            info(w, "  ", i[0], i[1], null);
        }
        w.write("  <TABLE name=\"" + esc(tableName) + "\">\n");
        for (ColumnDef c : columns) {
            field(w, "   ", c);
        }
        w.write("   <DATA><TABLEDATA>\n");
        for (Object[] r : rows) {
            row(w, r);
        }
        w.write("   </TABLEDATA></DATA>\n  </TABLE>\n");
        if (overflow) {
            info(w, "  ", "QUERY_STATUS", "OVERFLOW", null);
        }
        w.write(" </RESOURCE>\n</VOTABLE>\n");
    }

    /** The DALI error document: QUERY_STATUS=ERROR with the message as the INFO's content. */
    static byte[] error(String message) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VOTABLE version=\"1.4\" xmlns=\"" + NS + "\">\n"
                + " <RESOURCE type=\"results\">\n  <INFO name=\"QUERY_STATUS\" value=\"ERROR\">" + esc(message)
                + "</INFO>\n </RESOURCE>\n</VOTABLE>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 4180 CSV with a header line; nulls are empty fields. */
    static void csv(Writer w, List<ColumnDef> columns, Iterable<Object[]> rows) throws IOException {
        StringBuilder head = new StringBuilder();
        for (ColumnDef c : columns) {
            head.append(head.isEmpty() ? "" : ",").append(csvField(c.name()));
        }
        w.write(head + "\r\n");
        for (Object[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == 0 ? "" : ",").append(csvField(cell(r[i])));
            }
            w.write(line + "\r\n");
        }
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Escapes XML text and attribute values, dropping characters XML 1.0 cannot carry. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append("&#9;");
                default -> {
                    if (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF) {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Renders a document into bytes (the peers' results are small: a few MB at most). */
    static byte[] render(IoConsumer<Writer> body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            body.accept(w);
        }
        return out.toByteArray();
    }

    /** A consumer that may throw IOException. */
    interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }

    private VoTables() {
    }
}
