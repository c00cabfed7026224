package io.kustotyped.cli;

import io.kustotyped.runtime.ColumnDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One generated script ({@code META-INF/kusto/<Table>.kql}): its commands, one per blank-line-separated block, and
 * what they say about the table: its columns (from {@code .create-merge table}), its JSON mapping's name and JSON
 * (from {@code .create-or-alter ... ingestion json mapping}) and whether it enables the streaming policy.
 *
 * @param origin where the script came from, for messages ({@code app.jar!/META-INF/kusto/Logs.kql})
 * @param commands the commands, in order
 * @param table the table the commands are about, or null when none names one
 * @param columns the columns the table command declares (empty without one)
 * @param mappingName the JSON mapping's name, or null without a mapping command
 * @param mappingJson the JSON mapping, or null without a mapping command
 * @param tableCommandIndex the index of the table command, or -1
 * @param enablesStreaming true when a command enables the table's streaming policy
 * @param database the database its header names ({@code // database: <name>}, from
 *     {@code @KustoTable(database)}), or null
 */
record KqlScript(
        String origin,
        List<String> commands,
        String table,
        List<ColumnDescriptor> columns,
        String mappingName,
        String mappingJson,
        int tableCommandIndex,
        boolean enablesStreaming,
        String database) {

    /** The header line that names the database, as the annotation processor writes it. */
    static final String DATABASE_HEADER = "// database:";

    KqlScript {
        commands = List.copyOf(commands);
        columns = List.copyOf(columns);
    }

    /** Splits a script into commands: blocks separated by blank lines; {@code //} comment lines are dropped. */
    static List<String> splitCommands(String text) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                flush(current, commands);
            } else if (!line.stripLeading().startsWith("//")) {
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(line);
            }
        }
        flush(current, commands);
        return commands;
    }

    /** The name on the first {@code // database: <name>} line, or null. */
    static String database(String text) {
        for (String line : text.split("\r?\n", -1)) {
            String l = line.strip();
            if (l.startsWith(DATABASE_HEADER)) {
                String name = l.substring(DATABASE_HEADER.length()).strip();
                return name.isEmpty() ? null : name;
            }
        }
        return null;
    }

    private static void flush(StringBuilder current, List<String> commands) {
        String c = current.toString().strip();
        if (!c.isEmpty()) {
            commands.add(c);
        }
        current.setLength(0);
    }

    /**
     * Parses a script.
     *
     * @param origin where it came from
     * @param text its text
     * @return the script
     * @throws IllegalArgumentException when a command it must understand is malformed (the message names the
     *     script and the command)
     */
    static KqlScript parse(String origin, String text) {
        List<String> commands = splitCommands(text);
        String table = null;
        List<ColumnDescriptor> columns = new ArrayList<>();
        String mappingName = null;
        String mappingJson = null;
        int tableIndex = -1;
        boolean streaming = false;
        for (int i = 0; i < commands.size(); i++) {
            String command = commands.get(i);
            String lower = command.toLowerCase(Locale.ROOT);
            try {
                if (lower.startsWith(".create-merge table ")
                        || lower.startsWith(".create table ")
                        || lower.startsWith(".alter-merge table ")) {
                    Cursor c = new Cursor(command);
                    c.word();
                    c.expectWord("table");
                    String name = c.name();
                    table = table == null ? name : table;
                    c.expect('(');
                    while (!c.tryChar(')')) {
                        String column = c.name();
                        c.expect(':');
                        columns.add(new ColumnDescriptor(column, c.word().toLowerCase(Locale.ROOT)));
                        c.tryChar(',');
                    }
                    tableIndex = i;
                } else if (lower.contains(" ingestion json mapping ")) {
                    Cursor c = new Cursor(command);
                    c.word();
                    c.expectWord("table");
                    String name = c.name();
                    table = table == null ? name : table;
                    c.expectWord("ingestion");
                    c.expectWord("json");
                    c.expectWord("mapping");
                    mappingName = c.stringLiteral();
                    mappingJson = c.stringLiteral();
                } else if (lower.contains(" policy streamingingestion ") && lower.startsWith(".alter")) {
                    Cursor c = new Cursor(command);
                    c.word();
                    if (c.tryWord("table")) {
                        String name = c.name();
                        table = table == null ? name : table;
                        streaming = !lower.stripTrailing().endsWith(" disable");
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        origin + ", command " + (i + 1) + ": " + e.getMessage() + ": " + abbreviate(command, 100), e);
            }
        }
        return new KqlScript(
                origin, commands, table, columns, mappingName, mappingJson, tableIndex, streaming, database(text));
    }

    /** {@code s} cut to {@code max} characters with an ellipsis, on one line. */
    static String abbreviate(String s, int max) {
        String one = s.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }

    /** Reads KQL tokens: words, bracket-quoted names and string literals (docs/kusto-rules.md §3.2, §5.2). */
    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        String word() {
            skipSpace();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "._-".indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("expected a word at position " + i);
            }
            return s.substring(start, i);
        }

        boolean tryWord(String w) {
            int save = i;
            skipSpace();
            if (s.regionMatches(true, i, w, 0, w.length())
                    && (i + w.length() == s.length() || !Character.isLetterOrDigit(s.charAt(i + w.length())))) {
                i += w.length();
                return true;
            }
            i = save;
            return false;
        }

        void expectWord(String w) {
            if (!tryWord(w)) {
                throw new IllegalArgumentException("expected '" + w + "' at position " + i);
            }
        }

        boolean tryChar(char ch) {
            skipSpace();
            if (i < s.length() && s.charAt(i) == ch) {
                i++;
                return true;
            }
            return false;
        }

        void expect(char ch) {
            if (!tryChar(ch)) {
                throw new IllegalArgumentException("expected '" + ch + "' at position " + i);
            }
        }

        /** A name: bare ({@code Logs}), or bracket-quoted ({@code ['My table']}, {@code ["it's"]}). */
        String name() {
            skipSpace();
            if (tryChar('[')) {
                String name = stringLiteral();
                expect(']');
                return name;
            }
            return word();
        }

        /**
         * A single- or double-quoted string literal with backslash escapes, a verbatim {@code @'...'} one, or a
         * multi-line {@code ```...```} one, which escapes nothing (docs/kusto-rules.md §3.2).
         */
        String stringLiteral() {
            skipSpace();
            if (s.startsWith("```", i)) {
                int end = s.indexOf("```", i + 3);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated ``` string literal");
                }
                String text = s.substring(i + 3, end);
                i = end + 3;
                return text;
            }
            boolean verbatim = i < s.length() && s.charAt(i) == '@';
            if (verbatim) {
                i++;
            }
            if (i >= s.length() || (s.charAt(i) != '\'' && s.charAt(i) != '"')) {
                throw new IllegalArgumentException("expected a string literal at position " + i);
            }
            char q = s.charAt(i++);
            StringBuilder out = new StringBuilder();
            while (i < s.length()) {
                char ch = s.charAt(i++);
                if (ch == q) {
                    if (verbatim && i < s.length() && s.charAt(i) == q) {
                        out.append(q);
                        i++;
                        continue;
                    }
                    return out.toString();
                }
                if (ch == '\\' && !verbatim && i < s.length()) {
                    char e = s.charAt(i++);
                    if (e == 'u' && i + 4 <= s.length()) {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                        continue;
                    }
                    out.append(
                            switch (e) {
                                case 'n' -> '\n';
                                case 't' -> '\t';
                                case 'r' -> '\r';
                                default -> e;
                            });
                } else {
                    out.append(ch);
                }
            }
            throw new IllegalArgumentException("unterminated string literal");
        }
    }
}
