package org.astroruntime.query.metadata;

import static org.astroruntime.common.xml.DomElements.attribute;
import static org.astroruntime.common.xml.DomElements.children;
import static org.astroruntime.common.xml.DomElements.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.astroruntime.common.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Reads a VOSI tables document: a {@code tableset} of schemas and tables (TAP's {@code /tables}) or a single
 * {@code table} ({@code /tables/{name}}). VODataService leaves the children of these elements unqualified, and
 * services differ in prefixes, so elements are matched by local name.
 */
final class TableSetDocument {

    private TableSetDocument() {
    }

    /** Parses {@code in} (hardened parser; the caller caps its size). */
    static List<TableMetadata> read(InputStream in) throws IOException {
        Document doc;
        try {
            doc = SafeXml.parseDocument(in);
        } catch (SAXException e) {
            throw new IOException("not a VOSI tables document: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        List<TableMetadata> tables = new ArrayList<>();
        switch (root.getLocalName()) {
            case "tableset" -> {
                for (Element schema : children(root, "schema")) {
                    String schemaName = text(schema, "name");
                    for (Element table : children(schema, "table")) {
                        tables.add(table(schemaName, table));
                    }
                }
            }
            case "table" -> tables.add(table(null, root));
            default -> throw new IOException("not a VOSI tables document: the root element is <" + root.getLocalName() + ">");
        }
        return tables;
    }

    private static TableMetadata table(String schema, Element table) throws IOException {
        String name = text(table, "name");
        if (name == null) {
            throw new IOException("a table in the tables document has no name");
        }
        List<TableMetadata.ColumnMetadata> columns = new ArrayList<>();
        for (Element column : children(table, "column")) {
            Element dataType = children(column, "dataType").stream().findFirst().orElse(null);
            List<String> flags = children(column, "flag").stream().map(f -> f.getTextContent().strip()).toList();
            columns.add(new TableMetadata.ColumnMetadata(text(column, "name"), text(column, "description"),
                    dataType == null ? null : dataType.getTextContent().strip(),
                    dataType == null ? null : attribute(dataType, "arraysize"),
                    dataType == null ? null : attribute(dataType, "extendedType"),
                    text(column, "unit"), text(column, "ucd"), text(column, "utype"),
                    flags.contains("indexed"), flags.contains("principal")));
        }
        String nrows = text(table, "nrows");
        Long rows = null;
        if (nrows != null) {
            try {
                rows = Long.parseLong(nrows);
            } catch (NumberFormatException ignored) {
                // a wrong row estimate is no reason to refuse the rest of the description
            }
        }
        return new TableMetadata(schema, name, text(table, "title"), text(table, "description"),
                attribute(table, "type"), rows, columns);
    }
}
