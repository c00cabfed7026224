package io.kustotyped.emulator.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Random inputs for the fuzz properties, built from a {@link Random} jqwik seeds: ingest bodies, mapping JSON, KQL
 * queries and management commands. Each mixes plausible input (so the deeper code runs) with hostile input (deep
 * nesting, huge numbers, invalid UTF-8, truncation, garbage).
 */
final class FuzzInputs {
    /** The fuzzed table's columns, one of each type. */
    static final List<String> COLUMNS = List.of("a", "i", "r", "dec", "s", "b", "dt", "ts", "g", "d");

    static final String SCHEMA =
            "(a:long, i:int, r:real, dec:decimal, s:string, b:bool, dt:datetime, ts:timespan, g:guid, d:dynamic)";

    static final List<String> FORMATS = List.of(
            "json",
            "multijson",
            "singlejson",
            "csv",
            "tsv",
            "tsve",
            "scsv",
            "psv",
            "sohsv",
            "txt",
            "raw",
            "avro",
            "parquet",
            "bogus",
            "JSON",
            "");

    private FuzzInputs() {}

    /** An ingest request: query string, body, and Content-Encoding (or null). */
    record Ingest(String query, byte[] body, String encoding) {
        @Override
        public String toString() {
            String preview = new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1);
            return query + " encoding=" + encoding + " " + body.length + " bytes: " + preview;
        }
    }

    static Ingest ingest(Random r) {
        String format = r.nextInt(10) < 7
                ? pick(r, List.of("json", "multijson", "singlejson", "csv", "tsv", "psv", "txt", "raw"))
                : pick(r, FORMATS);
        String lower = format.toLowerCase(java.util.Locale.ROOT);
        StringBuilder query = new StringBuilder("streamFormat=" + format);
        if (lower.contains("json") && r.nextInt(10) > 0) {
            query.append("&mappingName=").append(r.nextInt(8) == 0 ? "nope" : "m");
        } else if (lower.contains("sv") && r.nextInt(4) == 0) {
            query.append("&mappingName=").append(r.nextBoolean() ? "c" : "nope");
        }
        byte[] body = switch (r.nextInt(10)) {
            case 0 -> garbage(r);
            case 1, 2 -> mutate(r, text(r, lower));
            default -> text(r, lower);
        };
        String encoding = null;
        switch (r.nextInt(12)) {
            case 0, 1 -> {
                body = gzip(body);
                encoding = "gzip";
            }
            case 2 -> {
                body = mutate(r, gzip(body));
                encoding = "gzip";
            }
            case 3 -> {
                body = deflate(body);
                encoding = "deflate";
            }
            case 4 -> encoding = pick(r, List.of("gzip", "br", "identity", "GZIP", "x"));
            default -> {}
        }
        return new Ingest(query.toString(), body, encoding);
    }

    private static byte[] text(Random r, String format) {
        StringBuilder sb = new StringBuilder();
        int records = 1 + r.nextInt(r.nextInt(20) == 0 ? 500 : 8);
        boolean json = format.contains("json");
        if (format.equals("multijson") && r.nextBoolean()) {
            sb.append('[');
        }
        for (int i = 0; i < records; i++) {
            if (json) {
                sb.append(record(r));
                sb.append(format.equals("multijson") && r.nextBoolean() ? "," : "\n");
            } else {
                char sep = switch (format) {
                    case "tsv", "tsve" -> '\t';
                    case "scsv" -> ';';
                    case "psv" -> '|';
                    case "sohsv" -> '\u0001';
                    default -> ',';
                };
                int fields = r.nextInt(6) == 0 ? r.nextInt(14) : COLUMNS.size();
                for (int f = 0; f < fields; f++) {
                    if (f > 0) {
                        sb.append(sep);
                    }
                    sb.append(field(r));
                }
                sb.append(r.nextInt(5) == 0 ? "\r\n" : "\n");
            }
        }
        if (format.equals("multijson") && r.nextBoolean()) {
            sb.append(']');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON object with the table's column names (and others), values of any type. */
    static String record(Random r) {
        StringBuilder sb = new StringBuilder("{");
        int n = r.nextInt(COLUMNS.size() + 2);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String key = r.nextInt(8) == 0 ? string(r, 6) : pick(r, COLUMNS);
            sb.append(quote(key)).append(':').append(json(r, 0));
        }
        return sb.append('}').toString();
    }

    static String json(Random r, int depth) {
        int k = r.nextInt(depth > 3 ? 8 : 12);
        return switch (k) {
            case 0 -> "null";
            case 1 -> r.nextBoolean() ? "true" : "false";
            case 2 -> Long.toString(r.nextLong());
            case 3 -> number(r);
            case 4, 5 -> quote(scalarText(r));
            case 6 -> quote(string(r, r.nextInt(40)));
            case 7 -> Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
            case 8 -> r.nextInt(3) == 0 ? deep(r) : quote(scalarText(r));
            case 9 -> {
                StringBuilder sb = new StringBuilder("[");
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append(json(r, depth + 1));
                }
                yield sb.append(']').toString();
            }
            default -> {
                StringBuilder sb = new StringBuilder("{");
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "")
                            .append(quote(string(r, 4)))
                            .append(':')
                            .append(json(r, depth + 1));
                }
                yield sb.append('}').toString();
            }
        };
    }

    /** Nesting around the limits: 100-140 levels usually, sometimes thousands. */
    static String deep(Random r) {
        int depth = r.nextInt(20) == 0 ? 1000 + r.nextInt(10_000) : 100 + r.nextInt(40);
        boolean arrays = r.nextBoolean();
        StringBuilder sb = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "[" : "{\"k\":");
        }
        sb.append('1');
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? ']' : '}');
        }
        return sb.toString();
    }

    static String number(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> "1" + "0".repeat(r.nextInt(2200));
            case 1 -> "1e" + (r.nextBoolean() ? "" : "-") + r.nextInt(1_000_000_000);
            case 2 -> "-0.0" + "0".repeat(r.nextInt(50)) + "1";
            case 3 -> "9223372036854775808";
            case 4 -> "1E+400";
            case 5 -> "NaN";
            case 6 -> "1." + "9".repeat(r.nextInt(1200));
            default -> Integer.toString(r.nextInt());
        };
    }

    /** Text a typed column might take: dates, timespans, guids, booleans, numbers, JSON. */
    static String scalarText(Random r) {
        return switch (r.nextInt(14)) {
            case 0 ->
                "2024-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) + "T12:34:56." + r.nextInt(100_000_000) + "Z";
            case 1 -> "9999-12-31 23:59:59";
            case 2 -> r.nextInt(100_000) + "." + r.nextInt(24) + ":" + r.nextInt(99) + ":" + r.nextInt(99);
            case 3 -> r.nextInt(1_000_000) + pick(r, List.of("d", "h", "m", "s", "ms", "microsecond", "tick"));
            case 4 -> java.util.UUID.randomUUID().toString();
            case 5 -> "Tue, 31 Dec 2024 23:59:60 GMT";
            case 6 -> pick(r, List.of("true", "false", "0", "1", "TRUE", "yes"));
            case 7 -> number(r);
            case 8 -> "{\"x\":" + json(r, 2) + "}";
            case 9 -> "[" + json(r, 2) + "]";
            case 10 -> deep(r);
            case 11 -> "x".repeat(r.nextInt(200) == 0 ? 1_100_000 : r.nextInt(100));
            case 12 -> "-" + Long.MAX_VALUE + "." + r.nextInt(10) + ":00:00";
            default -> string(r, 10);
        };
    }

    private static String field(Random r) {
        String v = r.nextInt(4) == 0 ? string(r, 12) : scalarText(r);
        return switch (r.nextInt(6)) {
            case 0 -> "\"" + v.replace("\"", "\"\"") + "\"";
            case 1 -> "\"" + v; // unterminated quote
            default -> v.replace("\n", " ");
        };
    }

    /** Any code points, including quotes, backslashes, controls and lone surrogates. */
    static String string(Random r, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int k = r.nextInt(10);
            if (k < 5) {
                sb.append((char) (' ' + r.nextInt(95)));
            } else if (k == 5) {
                sb.append(pick(r, List.of("\"", "\\", "'", "\n", "\t", "\u0000", "\u00e9", "\u20ac", "[", "{")));
            } else if (k == 6) {
                sb.appendCodePoint(0x1F600 + r.nextInt(80));
            } else if (k == 7) {
                sb.append((char) (0xD800 + r.nextInt(0x800))); // a lone surrogate
            } else {
                sb.append((char) r.nextInt(0x3000));
            }
        }
        return sb.toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static byte[] garbage(Random r) {
        byte[] b = new byte[r.nextInt(r.nextInt(10) == 0 ? 100_000 : 300)];
        r.nextBytes(b);
        return b;
    }

    /** Flips, truncates, or splices invalid UTF-8 (overlong, surrogate, stray continuation) into a payload. */
    static byte[] mutate(Random r, byte[] in) {
        byte[] b = in.clone();
        if (b.length == 0) {
            return new byte[] {(byte) 0xC0, (byte) 0xAF};
        }
        switch (r.nextInt(4)) {
            case 0 -> {
                for (int i = 0; i < 1 + r.nextInt(5); i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 1 -> {
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            }
            default -> {
                byte[][] bad = {
                    {(byte) 0xC0, (byte) 0xAF},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0x80},
                    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                    {(byte) 0xE2, (byte) 0x82}
                };
                byte[] ins = bad[r.nextInt(bad.length)];
                int at = r.nextInt(b.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, at);
                out.write(ins, 0, ins.length);
                out.write(b, at, b.length - at);
                return out.toByteArray();
            }
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out)) {
            d.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- mappings ------------------------------------------------------------------------------------------------

    /** Mapping JSON: plausible elements with hostile values, or broken JSON. */
    static String mapping(Random r) {
        if (r.nextInt(8) == 0) {
            return r.nextBoolean() ? deep(r) : string(r, r.nextInt(60));
        }
        StringBuilder sb = new StringBuilder("[");
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? "," : "").append('{');
            List<String> keys = List.of(
                    "column",
                    "Column",
                    "ColumnName",
                    "datatype",
                    "DataType",
                    "Properties",
                    "path",
                    "Path",
                    "Transform",
                    "ConstValue",
                    "Ordinal",
                    "Field",
                    "x");
            int fields = 1 + r.nextInt(4);
            for (int f = 0; f < fields; f++) {
                String key = pick(r, keys);
                String value = switch (key) {
                    case "column", "Column", "ColumnName" -> quote(r.nextInt(5) == 0 ? string(r, 5) : pick(r, COLUMNS));
                    case "Properties" ->
                        r.nextBoolean()
                                ? "{\"Path\":" + quote(path(r)) + ",\"Transform\":" + quote(transform(r)) + "}"
                                : quote("{\"Path\":" + quote(path(r)) + "}");
                    case "path", "Path" -> quote(path(r));
                    case "Transform" -> quote(transform(r));
                    case "Ordinal" -> r.nextBoolean() ? Integer.toString(r.nextInt(20) - 5) : number(r);
                    default -> json(r, 2);
                };
                sb.append(f > 0 ? "," : "").append(quote(key)).append(':').append(value);
            }
            sb.append('}');
        }
        if (r.nextInt(6) == 0) {
            sb.append(',');
        }
        return sb.append(r.nextInt(10) == 0 ? "" : "]").toString();
    }

    static String path(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> "$";
            case 1 -> "$." + pick(r, COLUMNS);
            case 2 -> "$['" + string(r, 4).replace("'", "") + "']";
            case 3 -> "$[" + (r.nextInt(10) - 3) + "]";
            case 4 -> "$..a";
            case 5 -> "$.a.b.c.d[0]['e']";
            case 6 -> "$" + ".x".repeat(r.nextInt(300));
            case 7 -> string(r, 5);
            default -> "$." + pick(r, COLUMNS);
        };
    }

    static String transform(Random r) {
        return pick(
                r,
                List.of(
                        "DateTimeFromUnixSeconds",
                        "DateTimeFromUnixMilliseconds",
                        "DateTimeFromUnixMicroseconds",
                        "DateTimeFromUnixNanoseconds",
                        "SourceLineNumber",
                        "SourceLocation",
                        "PropertyBagArrayToDictionary",
                        "DropMappedFields",
                        "GetPathElement(" + (r.nextInt(9) - 4) + ")",
                        "GetPathElement(x)",
                        "Bogus"));
    }

    /** A KQL single-quoted string literal holding {@code s}. */
    static String kqlString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    // ---- queries -------------------------------------------------------------------------------------------------

    static String query(Random r) {
        int k = r.nextInt(12);
        if (k == 0) {
            return string(r, r.nextInt(80));
        }
        if (k == 1) {
            return tokenSoup(r);
        }
        StringBuilder sb = new StringBuilder(r.nextInt(10) == 0 ? "set notruncation;\n" : "");
        sb.append(r.nextInt(10) == 0 ? pick(r, List.of("Nope", "['T']", "let", "print", "T2")) : "T");
        int ops = r.nextInt(5);
        for (int i = 0; i < ops; i++) {
            sb.append(" | ").append(operator(r));
        }
        return sb.toString();
    }

    private static String operator(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> "where " + expr(r, 0);
            case 1 -> "take " + pick(r, List.of("0", "5", "-1", "99999999999999999999", "x"));
            case 2 -> "project " + column(r) + ", x = " + expr(r, 0);
            case 3 -> "extend y = " + expr(r, 0);
            case 4 -> "order by " + column(r) + pick(r, List.of("", " asc", " desc nulls first", " nulls x"));
            case 5 -> "top " + r.nextInt(10) + " by " + expr(r, 1);
            case 6 ->
                "summarize " + pick(r, List.of("count()", "dcount(d)", "sum(a)", "avg(r)", "min(dt)", "max(s)"))
                        + (r.nextBoolean()
                                ? " by " + column(r)
                                : " by bin(dt, " + pick(r, List.of("1h", "0s", "-1d")) + ")");
            case 7 -> "distinct " + column(r);
            case 8 -> "count";
            case 9 -> "getschema";
            case 10 -> "where " + deepExpr(r);
            default -> pick(r, List.of("join T on a", "mv-expand d", "parse s with x", "limit", "where"));
        };
    }

    private static String column(Random r) {
        return r.nextInt(8) == 0 ? pick(r, List.of("nope", "['s']", "d.k", "d[0]", "d['a b']")) : pick(r, COLUMNS);
    }

    static String expr(Random r, int depth) {
        if (depth > 4) {
            return literal(r);
        }
        return switch (r.nextInt(10)) {
            case 0, 1 ->
                column(r) + " " + pick(r, List.of("==", "!=", "<", ">=", "=~", "contains", "!has", "startswith_cs"))
                        + " " + literal(r);
            case 2 -> expr(r, depth + 1) + pick(r, List.of(" and ", " or ")) + expr(r, depth + 1);
            case 3 -> "(" + expr(r, depth + 1) + ")";
            case 4 ->
                pick(
                                r,
                                List.of(
                                        "not",
                                        "isnull",
                                        "isempty",
                                        "tostring",
                                        "toint",
                                        "tolong",
                                        "todouble",
                                        "todecimal",
                                        "tobool",
                                        "todatetime",
                                        "totimespan",
                                        "toguid",
                                        "strlen",
                                        "nosuch"))
                        + "(" + expr(r, depth + 1) + ")";
            case 5 -> column(r) + " in (" + literal(r) + ", " + literal(r) + ")";
            case 6 -> "bin(" + column(r) + ", " + literal(r) + ")";
            case 7 -> "-" + literal(r);
            case 8 -> "ago(" + literal(r) + ")";
            default -> literal(r);
        };
    }

    private static String deepExpr(Random r) {
        int n = r.nextInt(4) == 0 ? 1000 + r.nextInt(20_000) : 50 + r.nextInt(300);
        return switch (r.nextInt(4)) {
            case 0 -> "(".repeat(n) + "a == 1" + ")".repeat(n);
            case 1 -> String.join(" and ", java.util.Collections.nCopies(n, "a == 1"));
            case 2 -> "not(".repeat(n) + "true" + ")".repeat(n);
            default -> "d" + ".k".repeat(n) + " == 1";
        };
    }

    static String literal(Random r) {
        return switch (r.nextInt(14)) {
            case 0 -> Long.toString(r.nextLong());
            case 1 -> number(r);
            case 2 -> kqlString(string(r, r.nextInt(12)));
            case 3 -> "datetime(" + scalarText(r).replace(")", "") + ")";
            case 4 -> "timespan(" + scalarText(r).replace(")", "") + ")";
            case 5 -> r.nextInt(100_000) + pick(r, List.of("d", "h", "m", "s", "ms", "tick", "x"));
            case 6 -> "guid(" + scalarText(r).replace(")", "") + ")";
            case 7 -> "dynamic(" + json(r, 1).replace(")", "") + ")";
            case 8 -> "dynamic(" + deep(r) + ")";
            case 9 ->
                pick(
                        r,
                        List.of(
                                "int(null)",
                                "real(nan)",
                                "real(+inf)",
                                "decimal(1e400)",
                                "long(-9223372036854775808)",
                                "bool(maybe)",
                                "true",
                                "now()",
                                "datetime(null)"));
            case 10 -> "\"" + string(r, 5).replace("\"", "").replace("\\", "") + "\"";
            case 11 -> "@'" + string(r, 6).replace("'", "") + "'";
            default -> Integer.toString(r.nextInt(100));
        };
    }

    private static String tokenSoup(Random r) {
        List<String> tokens = List.of(
                "T",
                "|",
                "where",
                "project",
                "(",
                ")",
                "[",
                "]",
                "'",
                "\"",
                "==",
                "and",
                "or",
                ",",
                ".",
                "d",
                "a",
                "1",
                "1.5e3",
                "datetime(",
                "dynamic(",
                "//",
                "/*",
                "@",
                "!",
                "-",
                "summarize",
                "by",
                "count()",
                ";",
                "let",
                "=",
                "in",
                "!in",
                "`",
                "\\",
                "{",
                "}",
                "h'",
                "0x",
                "1d");
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
            sb.append(pick(r, tokens)).append(r.nextBoolean() ? " " : "");
        }
        return sb.toString();
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    /** A management command on database {@code Fz} or one named at random (never {@code Db}). */
    static String command(Random r) {
        String t = name(r);
        String kind = pick(r, List.of("json", "csv", "avro", "Json", "bogus"));
        return switch (r.nextInt(20)) {
            case 0 -> string(r, r.nextInt(60));
            case 1 -> "." + tokenSoup(r);
            case 2 -> ".create table " + t + " " + randomSchema(r);
            case 3 -> ".create-merge table " + t + " " + randomSchema(r);
            case 4 -> ".alter-merge table " + t + " " + randomSchema(r);
            case 5 -> ".drop table " + t + pick(r, List.of("", " ifexists"));
            case 6 -> ".create-or-alter table " + t + " ingestion " + kind + " mapping \"fz\" " + kqlString(mapping(r));
            case 7 ->
                ".create database " + name(r) + pick(r, List.of(" volatile", " persist", "", " volatile ifnotexists"));
            case 8 -> ".drop database " + name(r) + pick(r, List.of("", " ifexists"));
            case 9 -> ".alter table " + t + " policy streamingingestion " + kqlString(json(r, 0));
            case 10 ->
                ".alter-merge database Fz policy streamingingestion "
                        + kqlString("{\"IsEnabled\":" + json(r, 3) + ",\"HintAllocatedRate\":" + number(r) + "}");
            case 11 -> ".show table " + t + pick(r, List.of(" cslschema", " schema as json", " kqlschema", " x"));
            case 12 -> ".show table " + t + " ingestion " + kind + " mappings";
            case 13 -> ".drop table " + t + " ingestion " + kind + " mapping \"fz\"";
            case 14 -> ".alter table " + t + pick(r, List.of(" folder ", " docstring ")) + kqlString(string(r, 20));
            case 15 -> ".show tables";
            case 16 -> ".show databases";
            case 17 -> ".clear table " + t + " cache streamingingestion schema";
            case 18 ->
                ".create table " + t + " (" + String.join(", ", java.util.Collections.nCopies(r.nextInt(3000), "c:int"))
                        + ")";
            default -> ".delete table " + t + " policy streamingingestion";
        };
    }

    private static String name(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "['" + string(r, 6).replace("'", "").replace("\\", "") + "']";
            case 1 -> "F" + string(r, 3).replaceAll("[^A-Za-z0-9_]", "");
            case 2 -> "[\"" + string(r, 4).replace("\"", "").replace("\\", "") + "\"]";
            default -> "F" + r.nextInt(4);
        };
    }

    private static String randomSchema(Random r) {
        StringBuilder sb = new StringBuilder("(");
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "")
                    .append(r.nextInt(5) == 0 ? "['" + string(r, 3).replace("'", "") + "']" : "c" + r.nextInt(5))
                    .append(':')
                    .append(pick(
                            r,
                            List.of(
                                    "long",
                                    "string",
                                    "dynamic",
                                    "int",
                                    "real",
                                    "decimal",
                                    "datetime",
                                    "timespan",
                                    "guid",
                                    "bool",
                                    "double",
                                    "int64",
                                    "bogus",
                                    "")));
        }
        return sb.append(r.nextInt(8) == 0 ? "" : ")").toString();
    }

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }
}
