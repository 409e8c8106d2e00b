package org.astroruntime.e2e.peers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.astroruntime.e2e.peers.AdqlQuery.Between;
import org.astroruntime.e2e.peers.AdqlQuery.Binary;
import org.astroruntime.e2e.peers.AdqlQuery.ColumnRef;
import org.astroruntime.e2e.peers.AdqlQuery.Function;
import org.astroruntime.e2e.peers.AdqlQuery.In;
import org.astroruntime.e2e.peers.AdqlQuery.IsNull;
import org.astroruntime.e2e.peers.AdqlQuery.Like;
import org.astroruntime.e2e.peers.AdqlQuery.Literal;
import org.astroruntime.e2e.peers.AdqlQuery.Node;
import org.astroruntime.e2e.peers.AdqlQuery.OrderItem;
import org.astroruntime.e2e.peers.AdqlQuery.SelectItem;
import org.astroruntime.e2e.peers.AdqlQuery.Unary;

/**
 * Runs queries of the {@link AdqlParser} subset over in-memory {@link TapTable}s by a full scan.
 *
 * <p>Semantics: SQL three-valued logic (a comparison with NULL is unknown and WHERE keeps only true rows);
 * numbers compare numerically, strings by code point; integer arithmetic stays integral (so {@code 7/2 = 3}),
 * division by zero gives NULL; {@code LIKE} is case-sensitive with {@code %} and {@code _} (no ESCAPE).
 * {@code POINT}/{@code CIRCLE} take an optional first coordinate-system argument ('ICRS' or ''); {@code
 * CIRCLE} is (ra, dec, r) or (point, r); {@code CONTAINS(point, circle)} is 1 or 0 by true great-circle
 * distance; {@code DISTANCE} takes two points or four numbers and gives degrees. {@code COUNT(*)} makes a single
 * row and cannot be mixed with other select items. ORDER BY takes a select alias or name, a 1-based position, or
 * an expression on the table; NULLs sort last ascending. TOP limits the result; MAXREC then cuts it and reports
 * overflow. Scans check the thread's interrupt flag on every row, so an aborted job stops.
 */
public final class AdqlEngine {

    private final List<TapTable> tables;

    public AdqlEngine(List<TapTable> tables) {
        this.tables = List.copyOf(tables);
    }

    public List<TapTable> tables() {
        return tables;
    }

    /** An engine over these tables and some more, e.g. a query's TAP_UPLOAD tables; this one is unchanged. */
    public AdqlEngine withTables(List<TapTable> more) {
        List<TapTable> all = new ArrayList<>(tables);
        all.addAll(more);
        return new AdqlEngine(all);
    }

    /**
     * Finds a table by its qualified name or, when unambiguous, its short name (case-insensitive).
     *
     * @throws AdqlException when there is no such table
     */
    public TapTable table(String name) {
        List<TapTable> found = tables.stream().filter(t -> t.isNamed(name)).toList();
        if (found.size() > 1) {
            found = found.stream().filter(t -> t.name().equalsIgnoreCase(name)).toList();
        }
        if (found.size() != 1) {
            throw new AdqlException("table " + name + " does not exist here (tables: "
                    + String.join(", ", tables.stream().map(TapTable::name).toList()) + ")");
        }
        return found.get(0);
    }

    /**
     * Parses and checks a query (tables, columns, types) without running it.
     *
     * @throws AdqlException for anything wrong with it
     */
    public Prepared prepare(String adql) {
        return new Compiler(adql, AdqlParser.parse(adql)).compile();
    }

    /**
     * Runs a query.
     *
     * @param maxrec the most rows to return (negative: no limit); 0 answers the columns only without a scan
     * @throws AdqlException        for a bad query
     * @throws InterruptedException when the thread is interrupted during the scan (an aborted job)
     */
    public QueryResult execute(String adql, long maxrec) throws InterruptedException {
        return prepare(adql).execute(maxrec);
    }

    // ------------------------------------------------------------------------------------------------ compiled form

    private enum Type { NUMBER, STRING, POINT, CIRCLE }

    /** A value of a row: Long/Double for NUMBER, String, double[2] for POINT, double[3] for CIRCLE, or null. */
    private interface Eval {
        Object eval(Object[] row);
    }

    /** A condition: TRUE, FALSE or null (unknown). */
    private interface Cond {
        Boolean test(Object[] row);
    }

    private record Expr(Type type, boolean integral, Eval eval, String defaultName, String unit, String ucd) {
    }

    /** A sort key taken from the output row (its column index) or computed from the table row. */
    private record SortKey(int outputIndex, Eval eval, boolean descending) {
    }

    /** A checked query, ready to run (any number of times). */
    public final class Prepared {
        private final TapTable table;
        private final List<ColumnDef> columns;
        private final List<Eval> projection;
        private final Cond where;
        private final List<SortKey> order;
        private final Long top;
        private final boolean count;

        private Prepared(TapTable table, List<ColumnDef> columns, List<Eval> projection, Cond where,
                         List<SortKey> order, Long top, boolean count) {
            this.table = table;
            this.columns = List.copyOf(columns);
            this.projection = projection;
            this.where = where;
            this.order = order;
            this.top = top;
            this.count = count;
        }

        public List<ColumnDef> columns() {
            return columns;
        }

        public TapTable table() {
            return table;
        }

        /** Runs the query: see {@link AdqlEngine#execute(String, long)}. */
        public QueryResult execute(long maxrec) throws InterruptedException {
            long max = maxrec < 0 ? Long.MAX_VALUE : maxrec;
            long limit = top == null ? Long.MAX_VALUE : top;
            List<Object[]> rows = new ArrayList<>();
            if (max == 0 || limit == 0) {
                return new QueryResult(columns, rows, false); // metadata only: no scan
            }
            Iterator<Object[]> it = table.rows().get();
            if (count) {
                long n = 0;
                while (it.hasNext()) {
                    Object[] r = it.next();
                    checkInterrupt();
                    if (passes(r)) {
                        n++;
                    }
                }
                Object[] out = new Object[columns.size()];
                java.util.Arrays.fill(out, n);
                rows.add(out);
                return new QueryResult(columns, rows, false);
            }
            boolean overflow = false;
            if (order.isEmpty()) {
                long keep = Math.min(limit, max);
                while (it.hasNext()) {
                    Object[] r = it.next();
                    checkInterrupt();
                    if (!passes(r)) {
                        continue;
                    }
                    if (rows.size() == keep) {
                        overflow = true; // only reachable when MAXREC < TOP: one more row exists
                        break;
                    }
                    rows.add(project(r));
                    if (rows.size() == keep && limit <= max) {
                        break; // TOP reached: no need to look further
                    }
                }
                return new QueryResult(columns, rows, overflow);
            }
            List<Object[][]> matched = new ArrayList<>();
            while (it.hasNext()) {
                Object[] r = it.next();
                checkInterrupt();
                if (passes(r)) {
                    Object[] out = project(r);
                    Object[] keys = new Object[order.size()];
                    for (int k = 0; k < keys.length; k++) {
                        SortKey sk = order.get(k);
                        keys[k] = sk.outputIndex() >= 0 ? out[sk.outputIndex()] : sk.eval().eval(r);
                    }
                    matched.add(new Object[][] {out, keys});
                }
            }
            Comparator<Object[][]> cmp = (a, b) -> {
                for (int k = 0; k < order.size(); k++) {
                    int c = compareForSort(a[1][k], b[1][k]);
                    if (c != 0) {
                        return order.get(k).descending() ? -c : c;
                    }
                }
                return 0;
            };
            matched.sort(cmp); // stable: ties keep table order
            long keep = Math.min(limit, max);
            for (Object[][] m : matched) {
                if (rows.size() == keep) {
                    overflow = max < limit;
                    break;
                }
                rows.add(m[0]);
            }
            return new QueryResult(columns, rows, overflow);
        }

        private boolean passes(Object[] r) {
            return where == null || Boolean.TRUE.equals(where.test(r));
        }

        private Object[] project(Object[] r) {
            Object[] out = new Object[projection.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = projection.get(i).eval(r);
            }
            return out;
        }
    }

    private static void checkInterrupt() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("the query was aborted");
        }
    }

    /** Sort order: NULLs after everything (ascending), numbers numerically, strings by code point. */
    private static int compareForSort(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return compareValues(a, b);
    }

    private static int compareValues(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (isIntegral(x) && isIntegral(y)) {
                return Long.compare(x.longValue(), y.longValue());
            }
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return a.toString().compareTo(b.toString());
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    // ------------------------------------------------------------------------------------------------ compiler

    /** Resolves names against the FROM table and type-checks, producing evaluators. */
    private final class Compiler {
        private final String source;
        private final AdqlQuery query;
        private TapTable table;

        Compiler(String source, AdqlQuery query) {
            this.source = source;
            this.query = query;
        }

        private AdqlException error(String message, int at) {
            return new AdqlException(message + " (" + AdqlParser.where(source, at) + ")");
        }

        Prepared compile() {
            table = table(query.from().name());
            String alias = query.from().alias();
            boolean count = query.select().stream().anyMatch(i -> i.expr() instanceof Function f && f.star());
            List<ColumnDef> cols = new ArrayList<>();
            List<Eval> evals = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (SelectItem item : query.select()) {
                if (item.star()) {
                    if (count) {
                        throw new AdqlException("COUNT(*) cannot be combined with * (GROUP BY is not supported)");
                    }
                    if (item.starQualifier() != null && !qualifies(item.starQualifier(), alias)) {
                        throw new AdqlException(item.starQualifier() + ".* does not name the table in FROM ("
                                + table.name() + (alias == null ? "" : " AS " + alias) + ")");
                    }
                    for (int i = 0; i < table.columns().size(); i++) {
                        int index = i;
                        cols.add(table.columns().get(i).renamed(unique(table.columns().get(i).name(), used)));
                        evals.add(r -> r[index]);
                    }
                    continue;
                }
                Node e = item.expr();
                if (count) {
                    if (!(e instanceof Function f && f.star())) {
                        throw error("COUNT(*) cannot be combined with other select items (GROUP BY is not supported)",
                                e.at());
                    }
                    String name = unique(item.alias() != null ? item.alias() : "count", used);
                    cols.add(new ColumnDef(name, "long", null, null, "meta.number", null, null, "Number of rows",
                            true, false, false));
                    evals.add(r -> null); // filled in by the count
                    continue;
                }
                if (e instanceof ColumnRef ref) {
                    int index = resolve(ref);
                    ColumnDef c = table.columns().get(index);
                    cols.add(c.renamed(unique(item.alias() != null ? item.alias() : c.name(), used)));
                    evals.add(r -> r[index]);
                    continue;
                }
                Expr x = expr(e);
                if (x.type() == Type.POINT || x.type() == Type.CIRCLE) {
                    throw error("selecting a geometry value (" + x.type() + ") is not supported by this service's ADQL "
                            + "subset; select its coordinates instead", e.at());
                }
                String name = unique(item.alias() != null ? item.alias() : x.defaultName(), used);
                String datatype = x.type() == Type.STRING ? "char" : x.integral() ? "long" : "double";
                if ("contains".equals(x.defaultName())) {
                    datatype = "int";
                }
                cols.add(new ColumnDef(name, datatype, x.type() == Type.STRING ? "*" : null, x.unit(), x.ucd(), null,
                        null, null, true, false, false));
                evals.add(x.eval());
            }
            Cond where = query.where() == null ? null : cond(query.where());
            List<SortKey> order = new ArrayList<>();
            for (OrderItem o : query.orderBy()) {
                order.add(sortKey(o, cols));
            }
            return new Prepared(table, cols, evals, where, order, query.top(), count);
        }

        private String unique(String name, Set<String> used) {
            String n = name;
            for (int k = 2; !used.add(n.toLowerCase(Locale.ROOT)); k++) {
                n = name + "_" + k;
            }
            return n;
        }

        private boolean qualifies(String qualifier, String alias) {
            return (alias != null && alias.equalsIgnoreCase(qualifier)) || table.isNamed(qualifier);
        }

        private int resolve(ColumnRef ref) {
            String q = ref.qualifier();
            String alias = query.from().alias();
            if (q != null && !qualifies(q, alias)) {
                throw error("'" + q + "' in " + q + "." + ref.name() + " does not name the table in FROM ("
                        + table.name() + (alias == null ? "" : " AS " + alias) + ")", ref.at());
            }
            int index = table.columnIndex(ref.name());
            if (index < 0) {
                throw error("column " + ref.name() + " does not exist in " + table.name() + " (columns: "
                        + String.join(", ", table.columns().stream().map(ColumnDef::name).toList()) + ")", ref.at());
            }
            return index;
        }

        private SortKey sortKey(OrderItem o, List<ColumnDef> cols) {
            Node e = o.expr();
            if (e instanceof Literal l && l.value() instanceof Long k) {
                if (k < 1 || k > cols.size()) {
                    throw error("ORDER BY " + k + " is not a select-list position (1.." + cols.size() + ")", e.at());
                }
                return new SortKey((int) (k - 1), null, o.descending());
            }
            if (e instanceof ColumnRef ref && ref.qualifier() == null) {
                for (int i = 0; i < cols.size(); i++) {
                    if (cols.get(i).name().equalsIgnoreCase(ref.name())) {
                        return new SortKey(i, null, o.descending());
                    }
                }
            }
            Expr x = expr(e);
            if (x.type() != Type.NUMBER && x.type() != Type.STRING) {
                throw error("ORDER BY needs a number or a string, not a " + x.type(), e.at());
            }
            return new SortKey(-1, x.eval(), o.descending());
        }

        // -------------------------------------------------------------------------------- expressions

        private Expr expr(Node n) {
            if (n instanceof Literal l) {
                Object v = l.value();
                if (v instanceof String s) {
                    return new Expr(Type.STRING, false, r -> s, "expr", null, null);
                }
                return new Expr(Type.NUMBER, v instanceof Long, r -> v, "expr", null, null);
            }
            if (n instanceof ColumnRef ref) {
                int index = resolve(ref);
                ColumnDef c = table.columns().get(index);
                if (c.isIntegral()) {
                    return new Expr(Type.NUMBER, true, r -> r[index] == null ? null : ((Number) r[index]).longValue(),
                            c.name(), c.unit(), c.ucd());
                }
                if (c.isNumeric()) {
                    return new Expr(Type.NUMBER, false, r -> r[index] == null ? null : ((Number) r[index]).doubleValue(),
                            c.name(), c.unit(), c.ucd());
                }
                return new Expr(Type.STRING, false, r -> r[index] == null ? null : r[index].toString(), c.name(), c.unit(),
                        c.ucd());
            }
            if (n instanceof Unary u && u.op().equals("-")) {
                Expr x = number(u.operand(), "unary minus");
                Eval ev = x.eval();
                return new Expr(Type.NUMBER, x.integral(), r -> {
                    Object v = ev.eval(r);
                    return v == null ? null : v instanceof Long lv ? (Object) (-lv) : (Object) (-((Number) v).doubleValue());
                }, "expr", x.unit(), null);
            }
            if (n instanceof Binary b && "+-*/".contains(b.op())) {
                return arithmetic(b);
            }
            if (n instanceof Function f) {
                return function(f);
            }
            throw error("a condition cannot be used as a value here", n.at());
        }

        private Expr number(Node n, String what) {
            Expr x = expr(n);
            if (x.type() != Type.NUMBER) {
                throw error(what + " needs a number, not a " + x.type().name().toLowerCase(Locale.ROOT), n.at());
            }
            return x;
        }

        private Expr arithmetic(Binary b) {
            Expr l = number(b.left(), "'" + b.op() + "'");
            Expr r = number(b.right(), "'" + b.op() + "'");
            boolean integral = l.integral() && r.integral();
            Eval le = l.eval();
            Eval re = r.eval();
            String op = b.op();
            return new Expr(Type.NUMBER, integral, row -> {
                Object x = le.eval(row);
                Object y = re.eval(row);
                if (x == null || y == null) {
                    return null;
                }
                if (integral) {
                    long a = (Long) x;
                    long c = (Long) y;
                    return switch (op) {
                        case "+" -> a + c;
                        case "-" -> a - c;
                        case "*" -> a * c;
                        default -> c == 0 ? null : a / c;
                    };
                }
                double a = ((Number) x).doubleValue();
                double c = ((Number) y).doubleValue();
                return switch (op) {
                    case "+" -> a + c;
                    case "-" -> a - c;
                    case "*" -> a * c;
                    default -> c == 0 ? null : a / c;
                };
            }, "expr", null, null);
        }

        private Expr function(Function f) {
            List<Node> args = f.args();
            switch (f.name()) {
                case "COUNT" -> throw error("COUNT(*) is only allowed in the select list", f.at());
                case "POINT" -> {
                    List<Node> a = dropCoordSys(args, f);
                    if (a.size() != 2) {
                        throw error("POINT takes (['ICRS',] ra, dec)", f.at());
                    }
                    Eval ra = number(a.get(0), "POINT").eval();
                    Eval dec = number(a.get(1), "POINT").eval();
                    return new Expr(Type.POINT, false, r -> {
                        Object x = ra.eval(r);
                        Object y = dec.eval(r);
                        return x == null || y == null ? null : new double[] {((Number) x).doubleValue(), ((Number) y).doubleValue()};
                    }, "point", null, null);
                }
                case "CIRCLE" -> {
                    List<Node> a = dropCoordSys(args, f);
                    Eval centre;
                    Eval radius;
                    if (a.size() == 3) {
                        Eval ra = number(a.get(0), "CIRCLE").eval();
                        Eval dec = number(a.get(1), "CIRCLE").eval();
                        centre = r -> {
                            Object x = ra.eval(r);
                            Object y = dec.eval(r);
                            return x == null || y == null ? null
                                    : new double[] {((Number) x).doubleValue(), ((Number) y).doubleValue()};
                        };
                        radius = number(a.get(2), "CIRCLE").eval();
                    } else if (a.size() == 2) {
                        Expr p = expr(a.get(0));
                        if (p.type() != Type.POINT) {
                            throw error("CIRCLE(point, radius) needs a POINT first", a.get(0).at());
                        }
                        centre = p.eval();
                        radius = number(a.get(1), "CIRCLE").eval();
                    } else {
                        throw error("CIRCLE takes (['ICRS',] ra, dec, radius) or (point, radius)", f.at());
                    }
                    Eval c = centre;
                    Eval rad = radius;
                    return new Expr(Type.CIRCLE, false, r -> {
                        double[] p = (double[]) c.eval(r);
                        Object x = rad.eval(r);
                        return p == null || x == null ? null : new double[] {p[0], p[1], ((Number) x).doubleValue()};
                    }, "circle", null, null);
                }
                case "CONTAINS" -> {
                    if (args.size() != 2) {
                        throw error("CONTAINS takes two arguments: CONTAINS(POINT(...), CIRCLE(...))", f.at());
                    }
                    Expr p = expr(args.get(0));
                    Expr c = expr(args.get(1));
                    if (p.type() != Type.POINT || c.type() != Type.CIRCLE) {
                        throw error("only CONTAINS(POINT, CIRCLE) is supported by this service's ADQL subset, not CONTAINS("
                                + p.type() + ", " + c.type() + ")", f.at());
                    }
                    Eval pe = p.eval();
                    Eval ce = c.eval();
                    return new Expr(Type.NUMBER, true, r -> {
                        double[] pt = (double[]) pe.eval(r);
                        double[] ci = (double[]) ce.eval(r);
                        if (pt == null || ci == null) {
                            return null;
                        }
                        return SkyGeometry.distance(pt[0], pt[1], ci[0], ci[1]) <= ci[2] ? 1L : 0L;
                    }, "contains", null, null);
                }
                case "DISTANCE" -> {
                    Eval p1;
                    Eval p2;
                    if (args.size() == 2) {
                        Expr a = expr(args.get(0));
                        Expr b = expr(args.get(1));
                        if (a.type() != Type.POINT || b.type() != Type.POINT) {
                            throw error("DISTANCE takes two POINTs (or four numbers ra1, dec1, ra2, dec2)", f.at());
                        }
                        p1 = a.eval();
                        p2 = b.eval();
                    } else if (args.size() == 4) {
                        Eval ra1 = number(args.get(0), "DISTANCE").eval();
                        Eval dec1 = number(args.get(1), "DISTANCE").eval();
                        Eval ra2 = number(args.get(2), "DISTANCE").eval();
                        Eval dec2 = number(args.get(3), "DISTANCE").eval();
                        p1 = r -> pair(ra1.eval(r), dec1.eval(r));
                        p2 = r -> pair(ra2.eval(r), dec2.eval(r));
                    } else {
                        throw error("DISTANCE takes two POINTs (or four numbers ra1, dec1, ra2, dec2)", f.at());
                    }
                    Eval a = p1;
                    Eval b = p2;
                    return new Expr(Type.NUMBER, false, r -> {
                        double[] x = (double[]) a.eval(r);
                        double[] y = (double[]) b.eval(r);
                        return x == null || y == null ? null : SkyGeometry.distance(x[0], x[1], y[0], y[1]);
                    }, "distance", "deg", "pos.angDistance");
                }
                default -> throw error("the function " + f.name() + " is not supported", f.at());
            }
        }

        private double[] pair(Object a, Object b) {
            return a == null || b == null ? null : new double[] {((Number) a).doubleValue(), ((Number) b).doubleValue()};
        }

        /** Removes a leading coordinate-system string ('ICRS', '' or one starting with ICRS); refuses others. */
        private List<Node> dropCoordSys(List<Node> args, Function f) {
            if (!args.isEmpty() && args.get(0) instanceof Literal l && l.value() instanceof String sys) {
                String s = sys.strip().toUpperCase(Locale.ROOT);
                if (!s.isEmpty() && !s.startsWith("ICRS")) {
                    throw error("coordinate system '" + sys + "' is not supported in " + f.name() + " (ICRS only)", l.at());
                }
                return args.subList(1, args.size());
            }
            return args;
        }

        // -------------------------------------------------------------------------------- conditions

        private Cond cond(Node n) {
            if (n instanceof Binary b && (b.op().equals("AND") || b.op().equals("OR"))) {
                Cond l = cond(b.left());
                Cond r = cond(b.right());
                if (b.op().equals("AND")) {
                    return row -> {
                        Boolean x = l.test(row);
                        if (Boolean.FALSE.equals(x)) {
                            return false;
                        }
                        Boolean y = r.test(row);
                        if (Boolean.FALSE.equals(y)) {
                            return false;
                        }
                        return x == null || y == null ? null : true;
                    };
                }
                return row -> {
                    Boolean x = l.test(row);
                    if (Boolean.TRUE.equals(x)) {
                        return true;
                    }
                    Boolean y = r.test(row);
                    if (Boolean.TRUE.equals(y)) {
                        return true;
                    }
                    return x == null || y == null ? null : false;
                };
            }
            if (n instanceof Unary u && u.op().equals("NOT")) {
                Cond c = cond(u.operand());
                return row -> {
                    Boolean x = c.test(row);
                    return x == null ? null : !x;
                };
            }
            if (n instanceof Binary b && !"+-*/".contains(b.op())) {
                Expr l = expr(b.left());
                Expr r = expr(b.right());
                comparable(l, r, b.op(), b.at());
                Eval le = l.eval();
                Eval re = r.eval();
                String op = b.op();
                return row -> {
                    Object x = le.eval(row);
                    Object y = re.eval(row);
                    if (x == null || y == null) {
                        return null;
                    }
                    if (x instanceof Double d && d.isNaN() || y instanceof Double e && e.isNaN()) {
                        return null;
                    }
                    int c = compareValues(x, y);
                    return switch (op) {
                        case "=" -> c == 0;
                        case "<>" -> c != 0;
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        default -> c >= 0;
                    };
                };
            }
            if (n instanceof Between b) {
                Expr v = expr(b.value());
                Expr lo = expr(b.low());
                Expr hi = expr(b.high());
                comparable(v, lo, "BETWEEN", b.at());
                comparable(v, hi, "BETWEEN", b.at());
                Eval ve = v.eval();
                Eval le = lo.eval();
                Eval he = hi.eval();
                boolean not = b.not();
                return row -> {
                    Object x = ve.eval(row);
                    Object l = le.eval(row);
                    Object h = he.eval(row);
                    if (x == null || l == null || h == null) {
                        return null;
                    }
                    boolean in = compareValues(x, l) >= 0 && compareValues(x, h) <= 0;
                    return not != in;
                };
            }
            if (n instanceof IsNull i) {
                Eval v = expr(i.value()).eval();
                boolean not = i.not();
                return row -> not != (v.eval(row) == null);
            }
            if (n instanceof Like l) {
                Expr v = expr(l.value());
                Expr p = expr(l.pattern());
                if (v.type() != Type.STRING || p.type() != Type.STRING) {
                    throw error("LIKE compares strings", l.at());
                }
                Eval ve = v.eval();
                boolean not = l.not();
                if (l.pattern() instanceof Literal lit) {
                    Pattern pattern = likePattern((String) lit.value());
                    return row -> {
                        Object x = ve.eval(row);
                        return x == null ? null : not != pattern.matcher((String) x).matches();
                    };
                }
                Eval pe = p.eval();
                return row -> {
                    Object x = ve.eval(row);
                    Object y = pe.eval(row);
                    return x == null || y == null ? null : not != likePattern((String) y).matcher((String) x).matches();
                };
            }
            if (n instanceof In in) {
                Expr v = expr(in.value());
                List<Eval> options = new ArrayList<>();
                for (Node o : in.list()) {
                    Expr x = expr(o);
                    comparable(v, x, "IN", o.at());
                    options.add(x.eval());
                }
                Eval ve = v.eval();
                boolean not = in.not();
                return row -> {
                    Object x = ve.eval(row);
                    if (x == null) {
                        return null;
                    }
                    boolean unknown = false;
                    for (Eval o : options) {
                        Object y = o.eval(row);
                        if (y == null) {
                            unknown = true;
                        } else if (compareValues(x, y) == 0) {
                            return !not;
                        }
                    }
                    return unknown ? null : not;
                };
            }
            throw error("a condition is expected here (a comparison, BETWEEN, LIKE, IN or IS NULL)", n.at());
        }

        private void comparable(Expr a, Expr b, String op, int at) {
            if (a.type() == Type.POINT || a.type() == Type.CIRCLE || b.type() == Type.POINT || b.type() == Type.CIRCLE) {
                throw error("geometries cannot be compared with " + op + " (use CONTAINS or DISTANCE)", at);
            }
            if (a.type() != b.type()) {
                throw error("cannot compare a " + a.type().name().toLowerCase(Locale.ROOT) + " with a "
                        + b.type().name().toLowerCase(Locale.ROOT) + " (" + op + ")", at);
            }
        }
    }

    /** LIKE pattern to a regular expression: % any run, _ one character, the rest literal. */
    static Pattern likePattern(String like) {
        StringBuilder re = new StringBuilder();
        for (char c : like.toCharArray()) {
            switch (c) {
                case '%' -> re.append(".*");
                case '_' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
