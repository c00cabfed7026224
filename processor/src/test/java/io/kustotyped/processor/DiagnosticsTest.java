package io.kustotyped.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.kustotyped.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic: the message (its stable key and the words that tell the user what to do), the file and
 * line it points at, and that it is the only error (no cascade).
 */
class DiagnosticsTest {

    private static final String IMPORTS = "import io.kustotyped.annotations.*; import java.util.*;";

    private static JavaFileObject table(String name, String... body) {
        String[] lines = new String[body.length + 2];
        lines[0] = "package com.acme;";
        lines[1] = IMPORTS;
        System.arraycopy(body, 0, lines, 2, body.length);
        return source("com.acme." + name, lines);
    }

    private static void assertOnlyError(JavaFileObject file, String line, String... fragments) {
        Compilation compilation = Sources.compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        for (String fragment : fragments) {
            assertThat(compilation).hadErrorContaining(fragment).inFile(file).onLineContaining(line);
        }
    }

    @Test
    void notAClass() {
        JavaFileObject file = table("Events", "@KustoTable", "interface Events {", "  String name();", "}");
        assertOnlyError(
                file,
                "@KustoTable",
                "[KustoTable/NotAClass] @KustoTable goes on a record or a class, not on interface com.acme.Events",
                "Move it to the record or class");
    }

    @Test
    void genericClass() {
        JavaFileObject file = table("Pair", "@KustoTable", "record Pair<T>(T value) {", "}");
        assertOnlyError(
                file,
                "record Pair<T>",
                "[KustoTable/GenericClass] @KustoTable class com.acme.Pair is generic",
                "declare a non-generic class");
    }

    @Test
    void innerClass() {
        JavaFileObject file = table(
                "Outer", "class Outer {", "  @KustoTable", "  class Inner {", "    public String name;", "  }", "}");
        assertOnlyError(
                file,
                "class Inner",
                "[KustoTable/InnerClass] @KustoTable class com.acme.Outer.Inner is an inner (non-static) class",
                "declare it 'static'");
    }

    @Test
    void privateClass() {
        JavaFileObject file = table(
                "Outer",
                "class Outer {",
                "  @KustoTable",
                "  private static class Hidden {",
                "    public String name;",
                "  }",
                "}");
        assertOnlyError(
                file,
                "class Hidden",
                "[KustoTable/NotAccessible] @KustoTable class com.acme.Outer.Hidden is private",
                "make it package-private or public");
    }

    @Test
    void invalidTableName() {
        JavaFileObject file = table("Row", "@KustoTable(", "    name = \"Sales;Drop\")", "record Row(String a) {", "}");
        assertOnlyError(
                file,
                "name = \"Sales;Drop\"",
                "[KustoTable/InvalidName] Table name \"Sales;Drop\" of com.acme.Row is not a legal Kusto name: "
                        + "character ';' at index 5 is not allowed",
                "Set @KustoTable(name = \"...\")");
    }

    @Test
    void classNameWithDollarIsNotATableName() {
        JavaFileObject file = table("Price$Row", "@KustoTable", "record Price$Row(String a) {", "}");
        assertOnlyError(
                file,
                "@KustoTable",
                "[KustoTable/InvalidName] Table name \"Price$Row\" of com.acme.Price$Row is not a legal Kusto name: "
                        + "character '$' at index 5");
    }

    @Test
    void reservedTableName() {
        JavaFileObject file = table("Row", "@KustoTable(", "    name = \"__Internal\")", "record Row(String a) {", "}");
        assertOnlyError(file, "name = \"__Internal\"", "[KustoTable/InvalidName]", "'__' are reserved");
    }

    @Test
    void invalidMappingName() {
        JavaFileObject file =
                table("Row", "@KustoTable(", "    mappingName = \"map:v1\")", "record Row(String a) {", "}");
        assertOnlyError(
                file,
                "mappingName = \"map:v1\"",
                "[KustoTable/InvalidMappingName] Mapping name \"map:v1\" of com.acme.Row is not a legal Kusto name",
                "leave mappingName empty for the default");
    }

    @Test
    void invalidDatabaseName() {
        JavaFileObject file = table("Row", "@KustoTable(", "    database = \"\")", "record Row(String a) {", "}");
        // An empty database means "none"; one made of spaces is wrong.
        assertThat(Sources.compile(file)).succeeded();
        JavaFileObject blank = table("Row", "@KustoTable(", "    database = \"   \")", "record Row(String a) {", "}");
        assertOnlyError(
                blank,
                "database = \"   \"",
                "[KustoTable/InvalidDatabaseName] Database name \"   \" of com.acme.Row is not a legal Kusto name: "
                        + "it has only spaces",
                "pass the database to the ingestor's create(client, database)");
    }

    @Test
    void duplicateTable() {
        JavaFileObject first = table("First", "@KustoTable(name = \"Same\")", "record First(String a) {", "}");
        JavaFileObject second = table("Second", "@KustoTable(name = \"Same\")", "record Second(String b) {", "}");
        Compilation compilation = Sources.compile(first, second);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[KustoTable/DuplicateTable] Table name \"Same\" of com.acme.Second is already "
                        + "used by com.acme.First")
                .inFile(second)
                .onLineContaining("@KustoTable(name = \"Same\")");
    }

    @Test
    void duplicateTableIgnoringCase() {
        JavaFileObject first = table("First", "@KustoTable(name = \"Orders\")", "record First(String a) {", "}");
        JavaFileObject second = table("Second", "@KustoTable(name = \"orders\")", "record Second(String b) {", "}");
        Compilation compilation = Sources.compile(first, second);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[KustoTable/DuplicateTable] Table name \"orders\" of com.acme.Second is already "
                        + "used by com.acme.First in this compilation (names are compared ignoring case")
                .inFile(second)
                .onLineContaining("@KustoTable(name = \"orders\")");
    }

    @Test
    void internalErrorBecomesACompileErrorOnTheTable() {
        JavaFileObject file = table("Row", "@KustoTable", "record Row(String a) {", "}");
        KustoProcessor buggy = new KustoProcessor(type -> {
            throw new IllegalStateException("boom");
        });
        Compilation compilation = Sources.compile(List.of(buggy), file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[KustoTable/InternalError] Bug in the kusto-typed processor while processing "
                        + "com.acme.Row: java.lang.IllegalStateException: boom. Please report it")
                .inFile(file)
                .onLineContaining("record Row(String a)");
        assertThat(compilation).hadErrorContaining("DiagnosticsTest");
    }

    @Test
    void erroneousAnnotationValueLeavesTheErrorToTheCompiler() {
        JavaFileObject file =
                table("Row", "@KustoTable", "record Row(", "    @Column(type = KustoType.TEXT) String a) {", "}");
        Compilation compilation = Sources.compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("cannot find symbol")
                .inFile(file)
                .onLineContaining("KustoType.TEXT");
    }

    @Test
    void generatedNameClash() {
        JavaFileObject nested = table(
                "Outer",
                "class Outer {",
                "  @KustoTable(name = \"A\")",
                "  static class Inner { public String a; }",
                "}");
        JavaFileObject flat =
                table("Outer_Inner", "@KustoTable(name = \"B\")", "class Outer_Inner { public String b; }");
        Compilation compilation = Sources.compile(nested, flat);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[KustoTable/GeneratedNameClash] The classes generated for com.acme.Outer_Inner "
                        + "would be named com.acme.Outer_InnerJsonWriter/KustoSchema/Ingestor, like those of "
                        + "com.acme.Outer.Inner")
                .inFile(flat)
                .onLineContaining("class Outer_Inner");
    }

    @Test
    void noColumns() {
        JavaFileObject file = table(
                "Nothing",
                "@KustoTable",
                "class Nothing {",
                "  private String hidden;",
                "  public static String CONSTANT = \"x\";",
                "}");
        assertOnlyError(
                file,
                "class Nothing",
                "[KustoTable/NoColumns] @KustoTable class com.acme.Nothing has no columns",
                "add at least one");
    }

    @Test
    void unresolvedType() {
        JavaFileObject file = table("Row", "@KustoTable", "record Row(", "    String a,", "    Missing b) {", "}");
        Compilation compilation = Sources.compile(file);
        assertThat(compilation).failed();
        // javac's own "cannot find symbol", and ours saying why nothing was generated.
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining("[KustoTable/UnresolvedType] Did not generate code for @KustoTable class "
                        + "com.acme.Row because the type of property 'b' could not be resolved")
                .inFile(file)
                .onLineContaining("record Row(");
    }

    @Test
    void unsupportedType() {
        JavaFileObject file = table("Row", "@KustoTable", "record Row(", "    String a,", "    Thread worker) {", "}");
        assertOnlyError(
                file,
                "Thread worker",
                "[Column/UnsupportedType] Property 'worker' of com.acme.Row has type java.lang.Thread, which "
                        + "kusto-typed cannot write",
                "leave the property out with @KustoIgnore");
    }

    @Test
    void unsupportedTypeInsideACollection() {
        JavaFileObject file = table("Row", "@KustoTable", "record Row(", "    List<Thread> workers) {", "}");
        assertOnlyError(
                file,
                "List<Thread> workers",
                "[Column/UnsupportedType] Property 'workers' of com.acme.Row has type java.lang.Thread",
                "(an element of java.util.List<java.lang.Thread>)");
    }

    @Test
    void unsupportedMapKey() {
        JavaFileObject file =
                table("Row", "@KustoTable", "record Row(", "    Map<List<String>, String> byList) {", "}");
        assertOnlyError(
                file, "byList", "[Column/UnsupportedType] Property 'byList'", "map keys must be strings, enums");
    }

    @Test
    void unsupportedTypeVariableInRawNestedType() {
        JavaFileObject file =
                table("Row", "@KustoTable", "record Row(", "    Row.Box box) {", "  record Box(Object o) {}", "}");
        // A nested record of supported types is fine ...
        assertThat(Sources.compile(file)).succeededWithoutWarnings();
        // ... an inaccessible one is not.
        JavaFileObject hidden = table(
                "Row", "@KustoTable", "record Row(", "    Row.Box box) {", "  private record Box(Object o) {}", "}");
        assertOnlyError(
                hidden, "Row.Box box", "[Column/UnsupportedType] Property 'box'", "com.acme.Row.Box is private");
    }

    @Test
    void columnOnPrivateFieldWithoutGetter() {
        JavaFileObject file = table(
                "Row",
                "@KustoTable",
                "class Row {",
                "  public String a;",
                "  @Column(name = \"B\")",
                "  private String b;",
                "}");
        assertOnlyError(
                file,
                "@Column(name = \"B\")",
                "[Column/Unreadable] Field 'b' of com.acme.Row carries @Column but is not public and has no public "
                        + "getter",
                "make it public, or add a public getter getB()");
    }

    @Test
    void nonPublicFieldWithoutGetterIsAWarningThatSaysHowToSilenceIt() {
        JavaFileObject file = table(
                "Row",
                "@KustoTable",
                "class Row {",
                "  public String a;",
                "  private boolean enabled;",
                "  String internalNote;",
                "}");
        Compilation compilation = Sources.compile(file);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(2);
        assertThat(compilation)
                .hadWarningContaining("[Column/SkippedField] Field 'enabled' of com.acme.Row is not public and has no "
                        + "public getter, so it is not a column and its value is not written")
                .inFile(file)
                .onLineContaining("private boolean enabled");
        assertThat(compilation)
                .hadWarningContaining("make it public or add a public getter isEnabled(); to leave it out without "
                        + "this warning, mark it @KustoIgnore or 'transient'")
                .inFile(file)
                .onLineContaining("private boolean enabled");
        assertThat(compilation)
                .hadWarningContaining("Field 'internalNote' of com.acme.Row")
                .inFile(file)
                .onLineContaining("String internalNote");

        JavaFileObject silenced = table(
                "Row",
                "@KustoTable",
                "class Row {",
                "  public String a;",
                "  @KustoIgnore private boolean enabled;",
                "  private transient String cache;",
                "  private String name;",
                "  public String getName() { return name; }",
                "}");
        assertThat(Sources.compile(silenced)).succeededWithoutWarnings();
    }

    @Test
    void columnOnTransientField() {
        JavaFileObject file = table(
                "Row", "@KustoTable", "class Row {", "  public String a;", "  @Column public transient String b;", "}");
        assertOnlyError(
                file,
                "@Column public transient String b",
                "[Column/Unreadable] Field 'b' of com.acme.Row carries @Column but is transient",
                "remove @Column, or remove 'transient'");
    }

    @Test
    void columnOnStaticField() {
        JavaFileObject file = table(
                "Row", "@KustoTable", "class Row {", "  public String a;", "  @Column public static String b;", "}");
        assertOnlyError(
                file,
                "@Column public static String b",
                "[Column/Unreadable] Field 'b' of com.acme.Row carries @Column but is static");
    }

    @Test
    void columnOnMethodThatIsNotAGetter() {
        JavaFileObject file = table(
                "Row",
                "@KustoTable",
                "class Row {",
                "  public String a;",
                "  @Column public String compute(int x) { return a; }",
                "}");
        assertOnlyError(
                file,
                "public String compute(int x)",
                "[Column/Unreadable] Method 'compute' of com.acme.Row carries @Column but is not a public, "
                        + "non-static getter without parameters",
                "put @Column on a getter getX() or isX(), or on a field");
    }

    @Test
    void duplicateColumn() {
        JavaFileObject file = table(
                "Row",
                "@KustoTable",
                "record Row(",
                "    String level,",
                "    @Column(name = \"level\") String severity) {",
                "}");
        assertOnlyError(
                file,
                "@Column(name = \"level\") String severity",
                "[Column/DuplicateName] Properties 'level' and 'severity' of com.acme.Row both map to column "
                        + "\"level\"",
                "give one of them another @Column(name = ...)");
    }

    @Test
    void invalidColumnName() {
        JavaFileObject file =
                table("Row", "@KustoTable", "record Row(", "    @Column(name = \"a:b\") String a) {", "}");
        assertOnlyError(
                file,
                "@Column(name = \"a:b\")",
                "[Column/InvalidName] Column name \"a:b\" of property 'a' in com.acme.Row is not a legal Kusto "
                        + "name: character ':' at index 1 is not allowed");
    }

    @Test
    void typeOverrideThatDoesNotFit() {
        JavaFileObject file =
                table("Row", "@KustoTable", "record Row(", "    @Column(type = KustoType.INT) long count) {", "}");
        assertOnlyError(
                file,
                "@Column(type = KustoType.INT)",
                "[Column/TypeMismatch] @Column(type = KustoType.INT) does not fit property 'count' of com.acme.Row, "
                        + "whose Java type long is written as a Kusto long",
                "Allowed here: KustoType.LONG, KustoType.REAL, KustoType.DECIMAL, KustoType.DYNAMIC");
    }

    @Test
    void transformOnANonNumber() {
        JavaFileObject file = table(
                "Row",
                "@KustoTable",
                "record Row(",
                "    @Column(transform = KustoTransform.DATETIME_FROM_UNIX_SECONDS) String at) {",
                "}");
        assertOnlyError(
                file,
                "@Column(transform = KustoTransform.DATETIME_FROM_UNIX_SECONDS)",
                "[Column/TransformMismatch] @Column(transform = KustoTransform.DATETIME_FROM_UNIX_SECONDS) on "
                        + "property 'at' of com.acme.Row needs an int, long, float or double value",
                "its type java.lang.String is not a number");
    }

    @Test
    void transformWithAContradictingType() {
        JavaFileObject file = table(
                "Row",
                "@KustoTable",
                "record Row(",
                "    @Column(type = KustoType.LONG, transform = KustoTransform.DATETIME_FROM_UNIX_SECONDS) long at) {",
                "}");
        assertOnlyError(
                file,
                "long at",
                "[Column/TransformMismatch]",
                "@Column(type = KustoType.LONG) contradicts the datetime column");
    }

    @Test
    void recursiveType() {
        JavaFileObject file = table(
                "Tree",
                "@KustoTable",
                "record Tree(",
                "    String name,",
                "    List<Node> roots) {",
                "}",
                "record Node(String label, List<Node> children) {}");
        assertOnlyError(
                file,
                "List<Node> roots",
                "[Column/RecursiveType] Property 'roots' of com.acme.Tree holds type com.acme.Node, which contains "
                        + "itself (com.acme.Node -> com.acme.Node)",
                "break the cycle");
    }

    @Test
    void columnAttributeInsideANestedType() {
        JavaFileObject file = table(
                "Row",
                "@KustoTable",
                "record Row(",
                "    Point at) {",
                "}",
                "record Point(",
                "    @Column(type = KustoType.LONG) int x,",
                "    int y) {}");
        assertOnlyError(
                file,
                "@Column(type = KustoType.LONG) int x",
                "[Column/NestedAttribute] @Column(type) on property 'x' of com.acme.Point has no effect",
                "only @Column(name) applies");
    }
}
