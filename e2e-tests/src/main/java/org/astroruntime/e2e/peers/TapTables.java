package org.astroruntime.e2e.peers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The tables of the TAP peer: {@code demo.stars} (the catalogue), {@code demo.slow_stars} (the same rows, but
 * each row scanned costs {@value #SLOW_ROW_MILLIS} ms — a test aid, so that an asynchronous job runs long enough
 * to be aborted), {@code ivoa.obscore} (the image archive) and the TAP_SCHEMA tables describing them all.
 */
public final class TapTables {

    /** Cost of scanning one row of {@code demo.slow_stars}. */
    public static final long SLOW_ROW_MILLIS = 20;

    static final List<ColumnDef> STAR_COLUMNS = List.of(
            new ColumnDef("id", "char", "*", null, "meta.id;meta.main", null, null, "Source name", true, true, false),
            new ColumnDef("ra", "double", null, "deg", "pos.eq.ra;meta.main", null, null, "Right ascension (ICRS)", true, true, false),
            new ColumnDef("dec", "double", null, "deg", "pos.eq.dec;meta.main", null, null, "Declination (ICRS)", true, true, false),
            ColumnDef.of("vmag", "float", null, "mag", "phot.mag;em.opt.V", "V magnitude"),
            ColumnDef.of("b_v", "float", null, "mag", "phot.color;em.opt.B;em.opt.V", "B-V colour"));

    /** The tables over a catalogue and an archive; access URLs start with {@code publicBase}. */
    public static List<TapTable> demo(Catalogue catalogue, ImageArchive archive, String publicBase) {
        List<Object[]> stars = new ArrayList<>();
        for (Source s : catalogue.sources()) {
            stars.add(new Object[] {s.id(), s.ra(), s.dec(), s.vmag(), s.bv()});
        }
        List<Object[]> obscore = new ArrayList<>();
        for (ImageRecord r : archive.images()) {
            obscore.add(ObsCore.row(r, publicBase));
        }
        List<TapTable> tables = new ArrayList<>();
        tables.add(new TapTable("demo", "demo.stars", "The demo star catalogue (" + catalogue.name() + ")", STAR_COLUMNS,
                () -> stars.iterator()));
        tables.add(new TapTable("demo", "demo.slow_stars", "demo.stars again, but every row scanned costs "
                + SLOW_ROW_MILLIS + " ms (a test aid for aborting long asynchronous jobs)", STAR_COLUMNS,
                () -> slow(stars.iterator())));
        tables.add(new TapTable("ivoa", "ivoa.obscore", "ObsCore 1.1 view of the synthetic image archive",
                ObsCore.COLUMNS, () -> obscore.iterator()));
        tables.addAll(tapSchema(tables));
        return List.copyOf(tables);
    }

    /** Each next() sleeps first; an interrupt ends the sleep and stays set, so the scan stops at the next check. */
    private static Iterator<Object[]> slow(Iterator<Object[]> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Object[] next() {
                try {
                    Thread.sleep(SLOW_ROW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return rows.next();
            }
        };
    }

    private static ColumnDef meta(String name, String datatype, String description) {
        return new ColumnDef(name, datatype, datatype.equals("char") ? "*" : null, null, null, null, null, description,
                true, false, true);
    }

    /** TAP_SCHEMA (TAP 1.1) for the given tables and for itself; keys and key_columns are empty. */
    static List<TapTable> tapSchema(List<TapTable> user) {
        List<ColumnDef> schemasCols = List.of(meta("schema_name", "char", "Schema name"),
                meta("utype", "char", "Schema utype"), meta("description", "char", "Description"),
                meta("schema_index", "int", "Recommended sort order"));
        List<ColumnDef> tablesCols = List.of(meta("schema_name", "char", "Schema name"),
                meta("table_name", "char", "Qualified table name"), meta("table_type", "char", "table or view"),
                meta("utype", "char", "Table utype"), meta("description", "char", "Description"),
                meta("table_index", "int", "Recommended sort order"));
        List<ColumnDef> columnsCols = List.of(meta("table_name", "char", "Qualified table name"),
                meta("column_name", "char", "Column name"), meta("utype", "char", "Column utype"),
                meta("ucd", "char", "Column UCD"), meta("unit", "char", "Column unit"),
                meta("description", "char", "Description"), meta("datatype", "char", "VOTable datatype"),
                meta("arraysize", "char", "VOTable arraysize"), meta("xtype", "char", "VOTable xtype"),
                meta("size", "int", "Deprecated length of the column"), meta("principal", "int", "1 if principal"),
                meta("indexed", "int", "1 if indexed"), meta("std", "int", "1 if defined by a standard"),
                meta("column_index", "int", "Recommended sort order"));
        List<ColumnDef> keysCols = List.of(meta("key_id", "char", "Key identifier"),
                meta("from_table", "char", "Table with the foreign key"), meta("target_table", "char", "Table with the primary key"),
                meta("utype", "char", "Key utype"), meta("description", "char", "Description"));
        List<ColumnDef> keyColumnsCols = List.of(meta("key_id", "char", "Key identifier"),
                meta("from_column", "char", "Foreign key column"), meta("target_column", "char", "Primary key column"));
        List<TapTable> all = new ArrayList<>(user);
        List<Object[]> schemaRows = new ArrayList<>();
        List<Object[]> tableRows = new ArrayList<>();
        List<Object[]> columnRows = new ArrayList<>();
        TapTable schemas = new TapTable("TAP_SCHEMA", "TAP_SCHEMA.schemas", "Schemas of this service", schemasCols,
                () -> schemaRows.iterator());
        TapTable tables = new TapTable("TAP_SCHEMA", "TAP_SCHEMA.tables", "Tables of this service", tablesCols,
                () -> tableRows.iterator());
        TapTable columns = new TapTable("TAP_SCHEMA", "TAP_SCHEMA.columns", "Columns of this service's tables",
                columnsCols, () -> columnRows.iterator());
        TapTable keys = new TapTable("TAP_SCHEMA", "TAP_SCHEMA.keys", "Foreign keys (none here)", keysCols,
                () -> List.<Object[]>of().iterator());
        TapTable keyColumns = new TapTable("TAP_SCHEMA", "TAP_SCHEMA.key_columns", "Foreign key columns (none here)",
                keyColumnsCols, () -> List.<Object[]>of().iterator());
        List<TapTable> meta = List.of(schemas, tables, columns, keys, keyColumns);
        all.addAll(meta);
        List<String> schemaNames = new ArrayList<>();
        for (TapTable t : all) {
            if (!schemaNames.contains(t.schema())) {
                schemaNames.add(t.schema());
                schemaRows.add(new Object[] {t.schema(), null, schemaDescription(t.schema()), schemaNames.size()});
            }
        }
        int tableIndex = 0;
        for (TapTable t : all) {
            tableRows.add(new Object[] {t.schema(), t.name(), "table", null, t.description(), ++tableIndex});
            int columnIndex = 0;
            for (ColumnDef c : t.columns()) {
                columnRows.add(new Object[] {t.name(), c.name(), c.utype(), c.ucd(), c.unit(), c.description(),
                    c.datatype(), c.arraysize(), c.xtype(), null, c.principal() ? 1 : 0, c.indexed() ? 1 : 0,
                    c.std() ? 1 : 0, ++columnIndex});
            }
        }
        return meta;
    }

    static String schemaDescription(String schema) {
        return switch (schema) {
            case "demo" -> "The AstroRuntime demo catalogue";
            case "ivoa" -> "IVOA standard tables (ObsCore)";
            case "TAP_SCHEMA" -> "Metadata of this TAP service";
            default -> null;
        };
    }

    private TapTables() {
    }
}
