package io.kustotyped.emulator.kql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kustotyped.emulator.store.ColumnDef;
import io.kustotyped.emulator.store.Table;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code Schema} strings of table commands (docs/kusto-rules.md §4.1, §5.1). */
final class Schemas {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Keywords that must be bracketed (docs/kusto-rules.md §5.2, partial list from KustoFacts_Keywords.cs). */
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "as",
            "asc",
            "between",
            "by",
            "contains",
            "count",
            "datatable",
            "date",
            "datetime",
            "decimal",
            "desc",
            "distinct",
            "double",
            "dynamic",
            "extend",
            "filter",
            "find",
            "first",
            "float",
            "has",
            "in",
            "int",
            "int16",
            "int32",
            "int64",
            "int8",
            "kind",
            "last",
            "limit",
            "long",
            "of",
            "or",
            "order",
            "parse",
            "print",
            "project",
            "real",
            "sample",
            "search",
            "set",
            "sort",
            "string",
            "summarize",
            "take",
            "time",
            "timespan",
            "to",
            "top",
            "union",
            "uniqueid",
            "where",
            "boolean",
            "bool",
            "not",
            "null",
            "true",
            "false",
            "with");

    private Schemas() {}

    /** {@code a:string,b:long} with names bracketed where needed: the {@code cslschema} form. */
    static String csl(Table t) {
        StringBuilder sb = new StringBuilder();
        for (ColumnDef c : t.columns()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(bracketIfNecessary(c.name())).append(':').append(c.type().cslName());
        }
        return sb.toString();
    }

    /** {@code {"Name":"T","OrderedColumns":[{"Name","Type","CslType"}]}}: the {@code schema as json} form. */
    static String json(Table t) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("Name", t.name());
        ArrayNode columns = root.putArray("OrderedColumns");
        for (ColumnDef c : t.columns()) {
            columns.addObject()
                    .put("Name", c.name())
                    .put("Type", c.type().dotNetName())
                    .put("CslType", c.type().cslName());
        }
        return root.toString();
    }

    /** KustoFacts.BracketNameIfNecessary (docs/kusto-rules.md §5.2). */
    static String bracketIfNecessary(String name) {
        if (PLAIN.matcher(name).matches() && !KEYWORDS.contains(name)) {
            return name;
        }
        char q = name.indexOf('\'') >= 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder("[").append(q);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == q) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        return sb.append(q).append(']').toString();
    }
}
