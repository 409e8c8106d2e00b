package org.astroruntime.e2e.peers;

import java.util.List;

/**
 * The syntax tree of a query in the supported ADQL subset (see {@link AdqlParser}), before column names are
 * resolved against a table.
 *
 * @param top     {@code TOP n}, or null
 * @param select  the select list, in order
 * @param from    the single table
 * @param where   the condition, or null
 * @param orderBy ORDER BY items, possibly empty
 */
public record AdqlQuery(Long top, List<SelectItem> select, TableRef from, Node where, List<OrderItem> orderBy) {

    /** An expression or condition. {@code at} is the character offset where it starts, for messages. */
    public sealed interface Node permits Literal, ColumnRef, Unary, Binary, Between, IsNull, Like, In, Function {
        int at();
    }

    /** A number (Long or Double) or a string. */
    public record Literal(Object value, int at) implements Node {
    }

    /** {@code name}, {@code t.name} or {@code schema.table.name}: the parts as written (lower-cased). */
    public record ColumnRef(List<String> parts, int at) implements Node {
        public String name() {
            return parts.get(parts.size() - 1);
        }

        public String qualifier() {
            return parts.size() == 1 ? null : String.join(".", parts.subList(0, parts.size() - 1));
        }
    }

    /** Unary minus ({@code -}) or {@code NOT}. */
    public record Unary(String op, Node operand, int at) implements Node {
    }

    /** Arithmetic ({@code + - * /}), comparison ({@code = <> < <= > >=}) or {@code AND}/{@code OR}. */
    public record Binary(String op, Node left, Node right, int at) implements Node {
    }

    /** {@code value [NOT] BETWEEN low AND high}. */
    public record Between(Node value, Node low, Node high, boolean not, int at) implements Node {
    }

    /** {@code value IS [NOT] NULL}. */
    public record IsNull(Node value, boolean not, int at) implements Node {
    }

    /** {@code value [NOT] LIKE pattern}. */
    public record Like(Node value, Node pattern, boolean not, int at) implements Node {
    }

    /** {@code value [NOT] IN (list)}. */
    public record In(Node value, List<Node> list, boolean not, int at) implements Node {
    }

    /** A function call (upper-cased name); {@code star} for {@code COUNT(*)}. */
    public record Function(String name, List<Node> args, boolean star, int at) implements Node {
    }

    /**
     * One select-list item: an expression with an optional alias, or {@code *} / {@code q.*} ({@code expr} null,
     * {@code starQualifier} the q or null).
     */
    public record SelectItem(Node expr, String alias, boolean star, String starQualifier) {
    }

    /** The FROM table: its name as written (lower-cased) and optional alias. */
    public record TableRef(String name, String alias, int at) {
    }

    /** One ORDER BY key. */
    public record OrderItem(Node expr, boolean descending) {
    }
}
