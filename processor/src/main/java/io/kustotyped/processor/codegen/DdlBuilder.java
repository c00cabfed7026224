package io.kustotyped.processor.codegen;

import io.kustotyped.annotations.KustoTransform;
import io.kustotyped.processor.model.ColumnModel;
import io.kustotyped.processor.model.TableModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The management commands and mapping of one table: {@code .create-merge table}, {@code .create-or-alter table ...
 * ingestion json mapping} and {@code .alter table ... policy streamingingestion enable}, every name bracket-quoted.
 *
 * @param table the table
 * @param mappingJson the JSON mapping in the {@code Properties} form (docs/kusto-rules.md §3.1)
 * @param mappingName the mapping name: the override, or {@code <Table>_} and 8 hex digits of the JSON's SHA-256
 */
public record DdlBuilder(TableModel table, String mappingJson, String mappingName) {

    /** Builds the mapping and its name for {@code table}. */
    public static DdlBuilder of(TableModel table) {
        String json = mappingJson(table.columns());
        return new DdlBuilder(table, json, table.mappingName().orElseGet(() -> table.tableName() + "_" + sha8(json)));
    }

    /**
     * The mapping JSON: one element per column, {@code column}, {@code datatype} and {@code Properties} with a
     * {@code Path} (and a {@code Transform} where set). docs/kusto-rules.md §3.1, §3.3: {@code $['name']} is legal JSONPath for
     * every legal column name (which never holds {@code '}).
     */
    static String mappingJson(List<ColumnModel> columns) {
        return columns.stream()
                .map(c -> {
                    String path = "$["
                            + (c.columnName().indexOf('\'') >= 0
                                    ? Quoting.json(c.columnName())
                                    : "'" + c.columnName() + "'")
                            + "]";
                    String properties = "{\"Path\":" + Quoting.json(path)
                            + (c.transform() == KustoTransform.NONE
                                    ? ""
                                    : ",\"Transform\":"
                                            + Quoting.json(c.transform().mappingName()))
                            + "}";
                    return "{\"column\":" + Quoting.json(c.columnName()) + ",\"datatype\":"
                            + Quoting.json(c.kustoType().kqlName()) + ",\"Properties\":" + properties + "}";
                })
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** The first 8 hex digits of the SHA-256 of the UTF-8 bytes of {@code text}. */
    static String sha8(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                hex.append(Character.forDigit((digest[i] >> 4) & 0xF, 16))
                        .append(Character.forDigit(digest[i] & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** {@code .create-merge table ['T'] (['a']:string, ...) [with (folder="...", docstring="...")]} (docs/kusto-rules.md §5.1). */
    public String createTable() {
        String columns = table.columns().stream()
                .map(c ->
                        Quoting.kqlBracket(c.columnName()) + ":" + c.kustoType().kqlName())
                .collect(Collectors.joining(", "));
        StringBuilder with = new StringBuilder();
        table.folder().ifPresent(f -> with.append("folder=").append(Quoting.kqlDoubleQuoted(f)));
        table.docString()
                .ifPresent(d -> with.append(with.length() > 0 ? ", " : "")
                        .append("docstring=")
                        .append(Quoting.kqlDoubleQuoted(d)));
        return ".create-merge table " + Quoting.kqlBracket(table.tableName()) + " (" + columns + ")"
                + (with.length() > 0 ? " with (" + with + ")" : "");
    }

    /**
     * {@code .create-or-alter table ['T'] ingestion json mapping "name" ```<json>```} (docs/kusto-rules.md §3.2): the
     * JSON in a multi-line string literal, which escapes nothing, so that the command is the mapping JSON as it is
     * between {@link #createMappingPrefix()} and {@link Quoting#KQL_MULTI_LINE}.
     */
    public String createMapping() {
        return createMappingPrefix() + mappingJson + Quoting.KQL_MULTI_LINE;
    }

    /** {@link #createMapping()} up to and including the opening of the literal that holds the JSON. */
    public String createMappingPrefix() {
        if (mappingJson.contains(Quoting.KQL_MULTI_LINE)) {
            // Legal names hold no backtick, and everything else in the JSON is fixed text.
            throw new IllegalStateException("the mapping JSON holds " + Quoting.KQL_MULTI_LINE + ": " + mappingJson);
        }
        return ".create-or-alter table " + Quoting.kqlBracket(table.tableName()) + " ingestion json mapping "
                + Quoting.kqlDoubleQuoted(mappingName) + " " + Quoting.KQL_MULTI_LINE;
    }

    /** {@code .alter table ['T'] policy streamingingestion enable} (docs/kusto-rules.md §1.6). */
    public String enableStreaming() {
        return ".alter table " + Quoting.kqlBracket(table.tableName()) + " policy streamingingestion enable";
    }

    /** The commands in the order to apply them. */
    public List<String> commands() {
        return List.of(createTable(), createMapping(), enableStreaming());
    }

    /**
     * The {@code .kql} script: the commands in order, one per blank-line-separated block, nothing else (no comments),
     * so that any reader can send each block as it is.
     */
    public String script() {
        return String.join("\n\n", commands()) + "\n";
    }
}
