package org.astroruntime.e2e.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import org.astroruntime.e2e.peers.AdqlQuery.TableRef;
import org.astroruntime.e2e.peers.AdqlQuery.Unary;

/**
 * A recursive-descent parser for the ADQL subset the TAP peer runs:
 *
 * <pre>
 * query     := SELECT [ALL] [TOP int] items FROM table [[AS] alias] [WHERE cond] [ORDER BY order {, order}] [;]
 * items     := * | item {, item}          item := expr [[AS] alias] | qualifier.*
 * table     := name | schema.name
 * cond      := and {OR and}               and := not {AND not}         not := NOT not | pred
 * pred      := ( cond ) | expr cmp expr | expr [NOT] BETWEEN expr AND expr | expr IS [NOT] NULL
 *            | expr [NOT] LIKE expr | expr [NOT] IN ( expr {, expr} )
 * cmp       := = | != | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;=
 * expr      := term {(+|-) term}          term := factor {(*|/) factor}   factor := (-|+) factor | primary
 * primary   := number | 'string' | column | ( expr ) | POINT(...) | CIRCLE(...) | CONTAINS(...) | DISTANCE(...)
 *            | COUNT(*)
 * column    := name | qualifier.name      (names: letters, digits, _; or "delimited")
 * order     := expr [ASC|DESC]            (a select alias, a 1-based column position, or an expression)
 * </pre>
 *
 * Keywords and names are case-insensitive; {@code --} starts a comment. Everything else — joins, subqueries,
 * GROUP BY, HAVING, DISTINCT, set operations, OFFSET, other functions — is refused with an {@link AdqlException}
 * naming the construct and where it is.
 */
public final class AdqlParser {

    /** Words that cannot be bare names (aliases or columns) here; quote them ("size") to use them as names. */
    static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "AS", "TOP", "ORDER",
            "BY", "ASC", "DESC", "BETWEEN", "IS", "NULL", "LIKE", "ILIKE", "IN", "GROUP", "HAVING", "JOIN", "INNER",
            "LEFT", "RIGHT", "FULL", "OUTER", "NATURAL", "CROSS", "ON", "USING", "UNION", "INTERSECT", "EXCEPT",
            "OFFSET", "LIMIT", "DISTINCT", "ALL", "WITH", "EXISTS", "CASE", "WHEN", "THEN", "ELSE", "END");

    /** ADQL functions that exist in the language but not in this subset, for a precise message. */
    private static final Set<String> KNOWN_UNSUPPORTED = Set.of("ABS", "CEILING", "DEGREES", "EXP", "FLOOR", "LOG",
            "LOG10", "MOD", "PI", "POWER", "RADIANS", "SQRT", "RAND", "ROUND", "TRUNCATE", "SIN", "COS", "TAN", "COT",
            "ASIN", "ACOS", "ATAN", "ATAN2", "BOX", "POLYGON", "REGION", "INTERSECTS", "AREA", "CENTROID", "COORD1",
            "COORD2", "COORDSYS", "MIN", "MAX", "AVG", "SUM", "LOWER", "UPPER", "COALESCE", "IN_UNIT", "CAST");

    static final Set<String> FUNCTIONS = Set.of("POINT", "CIRCLE", "CONTAINS", "DISTANCE", "COUNT");

    private enum Kind { WORD, QUOTED, NUMBER, STRING, OP, EOF }

    private record Token(Kind kind, String text, int at) {
        boolean is(String word) {
            return (kind == Kind.WORD && text.equalsIgnoreCase(word)) || (kind == Kind.OP && text.equals(word));
        }
    }

    private final String source;
    private final List<Token> tokens;
    private int pos;

    private AdqlParser(String source) {
        this.source = source;
        this.tokens = lex(source);
    }

    /**
     * Parses a query.
     *
     * @throws AdqlException for a syntax error or a construct outside the subset
     */
    public static AdqlQuery parse(String adql) {
        if (adql == null || adql.isBlank()) {
            throw new AdqlException("the query is empty");
        }
        return new AdqlParser(adql).query();
    }

    // ---------------------------------------------------------------- lexer

    private List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Kind.WORD, s.substring(start, i), start));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i < n && s.charAt(i) == '.') {
                    i++;
                    while (i < n && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                }
                if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int e = i + 1;
                    if (e < n && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
                        e++;
                    }
                    if (e < n && Character.isDigit(s.charAt(e))) {
                        i = e;
                        while (i < n && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                    }
                }
                if (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
                    throw new AdqlException("ADQL syntax error " + where(start) + ": malformed number '"
                            + s.substring(start, Math.min(n, i + 1)) + "'");
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i), start));
            } else if (c == '\'' || c == '"') {
                int start = i;
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new AdqlException("ADQL syntax error " + where(start) + ": unterminated "
                                + (c == '\'' ? "string literal" : "delimited identifier"));
                    }
                    char d = s.charAt(i);
                    if (d == c) {
                        if (i + 1 < n && s.charAt(i + 1) == c) {
                            sb.append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.append(d);
                    i++;
                }
                out.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, sb.toString(), start));
            } else {
                String two = i + 1 < n ? s.substring(i, i + 2) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=") || two.equals("||")) {
                    out.add(new Token(Kind.OP, two, i));
                    i += 2;
                } else if ("=<>+-*/(),.;".indexOf(c) >= 0) {
                    out.add(new Token(Kind.OP, String.valueOf(c), i));
                    i++;
                } else {
                    throw new AdqlException("ADQL syntax error " + where(i) + ": unexpected character '" + c + "'");
                }
            }
        }
        out.add(new Token(Kind.EOF, "", n));
        return out;
    }

    private String where(int at) {
        return where(source, at);
    }

    /** "at line L, column C" for a character offset of {@code source}. */
    static String where(String source, int at) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < at && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return "at line " + line + ", column " + col;
    }

    // ---------------------------------------------------------------- helpers

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean accept(String word) {
        if (peek().is(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expect(String word, String what) {
        if (!peek().is(word)) {
            throw syntax("expected " + what);
        }
        return next();
    }

    private AdqlException syntax(String expected) {
        Token t = peek();
        String found = t.kind() == Kind.EOF ? "the end of the query" : "'" + t.text() + "'";
        return new AdqlException("ADQL syntax error " + where(t.at()) + ": " + expected + ", found " + found);
    }

    private AdqlException unsupported(String what, int at) {
        return new Unsupported(what + " is not supported by this service's ADQL subset (" + where(at) + ")");
    }

    /** A construct outside the subset: never retried as another reading of the text. */
    private static final class Unsupported extends AdqlException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }

    private boolean isReserved(Token t) {
        return t.kind() == Kind.WORD && RESERVED.contains(t.text().toUpperCase(Locale.ROOT));
    }

    /** A name: a non-reserved word or a delimited identifier, lower-cased (names are case-insensitive here). */
    private String name(String what) {
        Token t = peek();
        if (t.kind() == Kind.QUOTED || (t.kind() == Kind.WORD && !isReserved(t))) {
            pos++;
            return t.text().toLowerCase(Locale.ROOT);
        }
        if (t.kind() == Kind.WORD) {
            throw new AdqlException("ADQL syntax error " + where(t.at()) + ": expected " + what + ", found the reserved word "
                    + t.text().toUpperCase(Locale.ROOT) + " (write it in double quotes to use it as a name)");
        }
        throw syntax("expected " + what);
    }

    /** Refuses clauses outside the subset where they could appear. */
    private void refuseClauses() {
        Token t = peek();
        if (t.kind() != Kind.WORD) {
            return;
        }
        switch (t.text().toUpperCase(Locale.ROOT)) {
            case "GROUP" -> throw unsupported("GROUP BY", t.at());
            case "HAVING" -> throw unsupported("HAVING", t.at());
            case "OFFSET" -> throw unsupported("OFFSET", t.at());
            case "LIMIT" -> throw new Unsupported("LIMIT is not ADQL (" + where(t.at()) + "): use SELECT TOP n");
            case "UNION", "INTERSECT", "EXCEPT" -> throw unsupported("set operation " + t.text().toUpperCase(Locale.ROOT), t.at());
            case "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "NATURAL", "CROSS" ->
                    throw unsupported("JOIN (only one table in FROM)", t.at());
            default -> {
            }
        }
    }

    // ---------------------------------------------------------------- grammar

    private AdqlQuery query() {
        if (peek().is("WITH")) {
            throw unsupported("WITH (common table expressions)", peek().at());
        }
        if (peek().is("(")) {
            throw unsupported("a parenthesised query", peek().at());
        }
        expect("SELECT", "SELECT");
        if (peek().is("DISTINCT")) {
            throw unsupported("SELECT DISTINCT", peek().at());
        }
        accept("ALL");
        Long top = null;
        if (accept("TOP")) {
            Token t = peek();
            if (t.kind() != Kind.NUMBER || !t.text().matches("\\d+")) {
                throw syntax("expected a whole number after TOP");
            }
            pos++;
            try {
                top = Long.parseLong(t.text());
            } catch (NumberFormatException e) {
                throw new AdqlException("TOP " + t.text() + " is too large");
            }
        }
        List<SelectItem> items = new ArrayList<>();
        do {
            items.add(selectItem());
        } while (accept(","));
        if (!peek().is("FROM")) {
            refuseClauses();
            throw syntax("expected FROM or ',' after the select list");
        }
        next();
        TableRef from = table();
        if (peek().is(",")) {
            throw unsupported("more than one table in FROM (joins)", peek().at());
        }
        refuseClauses();
        Node where = null;
        if (accept("WHERE")) {
            where = condition();
        }
        refuseClauses();
        List<OrderItem> order = new ArrayList<>();
        if (peek().is("ORDER")) {
            next();
            expect("BY", "BY after ORDER");
            do {
                Node e = expression();
                boolean desc = false;
                if (accept("DESC")) {
                    desc = true;
                } else {
                    accept("ASC");
                }
                order.add(new OrderItem(e, desc));
            } while (accept(","));
        }
        refuseClauses();
        accept(";");
        if (peek().kind() != Kind.EOF) {
            throw syntax("expected the end of the query");
        }
        return new AdqlQuery(top, items, from, where, order);
    }

    private SelectItem selectItem() {
        if (accept("*")) {
            return new SelectItem(null, null, true, null);
        }
        // q.* or schema.table.*
        int save = pos;
        if (peek().kind() == Kind.WORD || peek().kind() == Kind.QUOTED) {
            List<String> parts = new ArrayList<>();
            while ((peek().kind() == Kind.WORD || peek().kind() == Kind.QUOTED) && peek(1).is(".")) {
                parts.add(next().text().toLowerCase(Locale.ROOT));
                next();
                if (peek().is("*")) {
                    next();
                    return new SelectItem(null, null, true, String.join(".", parts));
                }
            }
            pos = save;
        }
        Node e = expression();
        String alias = null;
        if (accept("AS")) {
            alias = name("an alias after AS");
        } else if (peek().kind() == Kind.QUOTED || (peek().kind() == Kind.WORD && !isReserved(peek()))) {
            alias = name("an alias");
        }
        return new SelectItem(e, alias, false, null);
    }

    private TableRef table() {
        if (peek().is("(")) {
            throw unsupported("a subquery in FROM", peek().at());
        }
        int at = peek().at();
        StringBuilder name = new StringBuilder(name("a table name"));
        while (accept(".")) {
            name.append('.').append(name("a table name after '.'"));
        }
        String alias = null;
        if (accept("AS")) {
            alias = name("an alias after AS");
        } else if (peek().kind() == Kind.QUOTED || (peek().kind() == Kind.WORD && !isReserved(peek()))) {
            alias = name("an alias");
        }
        return new TableRef(name.toString(), alias, at);
    }

    private Node condition() {
        Node left = andCondition();
        while (peek().is("OR")) {
            int at = next().at();
            left = new Binary("OR", left, andCondition(), at);
        }
        return left;
    }

    private Node andCondition() {
        Node left = notCondition();
        while (peek().is("AND")) {
            int at = next().at();
            left = new Binary("AND", left, notCondition(), at);
        }
        return left;
    }

    private Node notCondition() {
        if (peek().is("NOT")) {
            int at = next().at();
            return new Unary("NOT", notCondition(), at);
        }
        return predicate();
    }

    private Node predicate() {
        if (peek().is("EXISTS")) {
            throw unsupported("EXISTS (subqueries)", peek().at());
        }
        if (peek().is("(")) {
            // Either a parenthesised condition or an expression such as (vmag + 1) > 3: try the condition first.
            int save = pos;
            try {
                next();
                Node c = condition();
                expect(")", "')'");
                if (!continuesExpression(peek())) {
                    return c;
                }
            } catch (Unsupported e) {
                throw e;
            } catch (AdqlException e) {
                // not a condition: parse again as an expression below
            }
            pos = save;
        }
        int at = peek().at();
        Node left = expression();
        Token t = peek();
        if (t.is("=") || t.is("!=") || t.is("<>") || t.is("<") || t.is("<=") || t.is(">") || t.is(">=")) {
            next();
            String op = t.text().equals("!=") ? "<>" : t.text();
            return new Binary(op, left, expression(), t.at());
        }
        boolean not = false;
        if (t.is("NOT")) {
            Token n = peek(1);
            if (n.is("BETWEEN") || n.is("LIKE") || n.is("IN") || n.is("ILIKE")) {
                next();
                not = true;
                t = peek();
            }
        }
        if (t.is("BETWEEN")) {
            next();
            Node low = expression();
            expect("AND", "AND in BETWEEN ... AND ...");
            return new Between(left, low, expression(), not, at);
        }
        if (t.is("LIKE")) {
            next();
            return new Like(left, expression(), not, at);
        }
        if (t.is("ILIKE")) {
            throw unsupported("ILIKE", t.at());
        }
        if (t.is("IN")) {
            next();
            expect("(", "'(' after IN");
            if (peek().is("SELECT")) {
                throw unsupported("a subquery in IN", peek().at());
            }
            List<Node> list = new ArrayList<>();
            do {
                list.add(expression());
            } while (accept(","));
            expect(")", "')' closing the IN list");
            return new In(left, list, not, at);
        }
        if (t.is("IS")) {
            next();
            boolean isNot = accept("NOT");
            expect("NULL", "NULL after IS");
            return new IsNull(left, isNot, at);
        }
        if (left instanceof Function f && (f.name().equals("CONTAINS") || f.name().equals("INTERSECTS"))) {
            throw new AdqlException("ADQL syntax error " + where(at) + ": " + f.name()
                    + "(...) is numeric in ADQL: compare it, as in CONTAINS(POINT(...), CIRCLE(...)) = 1");
        }
        throw syntax("expected a comparison (=, <>, <, <=, >, >=, BETWEEN, LIKE, IN, IS NULL)");
    }

    private static boolean continuesExpression(Token t) {
        for (String op : new String[] {"=", "!=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/", "||", "BETWEEN", "LIKE",
                                       "IN", "IS", "NOT", "ILIKE"}) {
            if (t.is(op)) {
                return true;
            }
        }
        return false;
    }

    private Node expression() {
        Node left = term();
        while (true) {
            Token t = peek();
            if (t.is("+") || t.is("-")) {
                next();
                left = new Binary(t.text(), left, term(), t.at());
            } else if (t.is("||")) {
                throw unsupported("string concatenation (||)", t.at());
            } else {
                return left;
            }
        }
    }

    private Node term() {
        Node left = factor();
        while (peek().is("*") || peek().is("/")) {
            Token t = next();
            left = new Binary(t.text(), left, factor(), t.at());
        }
        return left;
    }

    private Node factor() {
        Token t = peek();
        if (t.is("-")) {
            next();
            return new Unary("-", factor(), t.at());
        }
        if (t.is("+")) {
            next();
            return factor();
        }
        return primary();
    }

    private Node primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                next();
                String s = t.text();
                if (s.matches("\\d+")) {
                    try {
                        return new Literal(Long.parseLong(s), t.at());
                    } catch (NumberFormatException e) {
                        return new Literal(Double.parseDouble(s), t.at());
                    }
                }
                return new Literal(Double.parseDouble(s), t.at());
            }
            case STRING -> {
                next();
                return new Literal(t.text(), t.at());
            }
            case OP -> {
                if (t.is("(")) {
                    next();
                    if (peek().is("SELECT")) {
                        throw unsupported("a subquery", peek().at());
                    }
                    Node e = expression();
                    expect(")", "')'");
                    return e;
                }
                throw syntax("expected a value (a number, a 'string', a column or a function)");
            }
            case WORD, QUOTED -> {
                if (t.kind() == Kind.WORD && peek(1).is("(")) {
                    return function();
                }
                if (t.kind() == Kind.WORD) {
                    String upper = t.text().toUpperCase(Locale.ROOT);
                    if (upper.equals("NULL")) {
                        throw unsupported("the NULL literal (use IS NULL / IS NOT NULL)", t.at());
                    }
                    if (upper.equals("CASE")) {
                        throw unsupported("CASE", t.at());
                    }
                }
                List<String> parts = new ArrayList<>();
                parts.add(name("a column name"));
                while (accept(".")) {
                    parts.add(name("a column name after '.'"));
                }
                if (parts.size() > 3) {
                    throw new AdqlException("ADQL syntax error " + where(t.at()) + ": too many '.' in "
                            + String.join(".", parts));
                }
                return new ColumnRef(parts, t.at());
            }
            default -> throw syntax("expected a value");
        }
    }

    private Node function() {
        Token nameToken = next();
        String name = nameToken.text().toUpperCase(Locale.ROOT);
        if (!FUNCTIONS.contains(name)) {
            String kind = KNOWN_UNSUPPORTED.contains(name) ? "the ADQL function " : "the function ";
            throw new Unsupported(kind + name + " is not supported by this service's ADQL subset ("
                    + where(nameToken.at()) + "); supported: POINT, CIRCLE, CONTAINS, DISTANCE, COUNT(*)");
        }
        expect("(", "'('");
        if (name.equals("COUNT")) {
            if (accept("*")) {
                expect(")", "')' after COUNT(*");
                return new Function(name, List.of(), true, nameToken.at());
            }
            throw unsupported("COUNT of an expression (only COUNT(*))", nameToken.at());
        }
        List<Node> args = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                args.add(expression());
            } while (accept(","));
        }
        expect(")", "')' closing " + name + "(");
        return new Function(name, args, false, nameToken.at());
    }
}
