package io.kustotyped.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.kustotyped.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Which table classes get a generated {@code XRowReader} (and their ingestor a {@code query}), and the NOTE a class
 * that cannot be created gets instead. Every generated reader compiles without a warning ({@code -Xlint:all}).
 */
class ReaderGenerationTest {

    private static String generated(Compilation compilation, String name) throws Exception {
        JavaFileObject file =
                compilation.generatedSourceFile(name).orElseThrow(() -> new AssertionError("not generated: " + name));
        return file.getCharContent(true).toString();
    }

    private static String notes(Compilation compilation) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            if (d.getKind() == Diagnostic.Kind.NOTE) {
                out.append(d.getMessage(null)).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void aPojoWithSettersIsFilledThroughThemAndAPublicFieldDirectly() throws Exception {
        Compilation compilation = Sources.compile(source(
                "com.acme.Pojo",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "@KustoTable public class Pojo {",
                "  public long id;",
                "  private String name;",
                "  public String getName() { return name; }",
                "  public void setName(String name) { this.name = name; }",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        String reader = generated(compilation, "com.acme.PojoRowReader");
        assertThat(reader).contains("Pojo row = new Pojo();");
        assertThat(reader).contains("case 0 -> row.id = JsonValues.longValue(p);");
        assertThat(reader).contains("case 1 -> row.setName(JsonValues.string(p));");
        assertThat(generated(compilation, "com.acme.PojoIngestor"))
                .contains("public Future<List<Pojo>> query(String pipeline) {");
        assertThat(notes(compilation)).doesNotContain("NoReader");
    }

    @Test
    void aRecordWithAnIgnoredComponentPassesItsDefault() throws Exception {
        Compilation compilation = Sources.compile(source(
                "com.acme.Rec",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "@KustoTable public record Rec(int a, @KustoIgnore java.util.Optional<String> hidden,"
                        + " @KustoIgnore double d, String b) {}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "com.acme.RecRowReader"))
                .contains("return new Rec(a, Optional.empty(), 0.0, b);");
    }

    @Test
    void aClassWithoutNoArgumentConstructorGetsANoteNoReaderAndNoQuery() throws Exception {
        Compilation compilation = Sources.compile(source(
                "com.acme.Fixed",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "@KustoTable public final class Fixed {",
                "  private final String name;",
                "  public Fixed(String name) { this.name = name; }",
                "  public String getName() { return name; }",
                "}"));
        // Not an error, not a warning: the table is still written.
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedSourceFile("com.acme.FixedRowReader").isPresent())
                .isFalse();
        String ingestor = generated(compilation, "com.acme.FixedIngestor");
        assertThat(ingestor).doesNotContain("query(");
        assertThat(ingestor)
                .contains("super(client, database, FixedKustoSchema.INSTANCE, FixedJsonWriter.INSTANCE, options);");
        assertThat(compilation)
                .hadNoteContaining("[KustoTable/NoReader] com.acme.Fixed gets no generated reader, so FixedIngestor has"
                        + " no query(...): com.acme.Fixed has no public no-argument constructor.");
    }

    @Test
    void aPropertyWithoutSetterOrANestedTypeThatCannotBeCreatedIsNamedInTheNote() throws Exception {
        Compilation compilation = Sources.compile(
                source(
                        "com.acme.ReadOnly",
                        "package com.acme;",
                        "import io.kustotyped.annotations.*;",
                        "@KustoTable public class ReadOnly {",
                        "  public String getName() { return \"n\"; }",
                        "}"),
                source(
                        "com.acme.Holder",
                        "package com.acme;",
                        "import io.kustotyped.annotations.*;",
                        "@KustoTable public record Holder(Point point) {",
                        "  public static final class Point {",
                        "    public final int x;",
                        "    public Point(int x) { this.x = x; }",
                        "  }",
                        "}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .hadNoteContaining("property 'name' of com.acme.ReadOnly has no public setter setName(java.lang.String)"
                        + " and no public non-final field 'name'");
        assertThat(compilation).hadNoteContaining("com.acme.Holder.Point has no public no-argument constructor");
        assertThat(compilation.generatedSourceFile("com.acme.HolderRowReader").isPresent())
                .isFalse();
    }

    @Test
    void collectionsAndMapsAreFilledIntoConcreteTypes() throws Exception {
        Compilation compilation = Sources.compile(source(
                "com.acme.Shapes",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "import java.util.*;",
                "@KustoTable public record Shapes(Iterable<String> it, Collection<Long> c, SortedSet<String> s,",
                "    Deque<Integer> q, NavigableMap<String, int[]> m, Map<UUID, List<Optional<String>>> u,",
                "    int[][] grid, ArrayList<String> own) {}"));
        assertThat(compilation).succeededWithoutWarnings();
        String reader = generated(compilation, "com.acme.ShapesRowReader");
        assertThat(reader).contains("ArrayList<String> value = new ArrayList<>();");
        assertThat(reader).contains("TreeSet<String> value = new TreeSet<>();");
        assertThat(reader).contains("ArrayDeque<Integer> value = new ArrayDeque<>();");
        assertThat(reader).contains("TreeMap<String, int[]> value = new TreeMap<>();");
        assertThat(reader).contains("value.put(KustoScalars.parseGuid(key), ");
        assertThat(reader).contains("int[][] value = new int[8][];");
    }

    @Test
    void unixTimeColumnsReadBackIntoTheirNumbers() throws Exception {
        Compilation compilation = Sources.compile(source(
                "com.acme.Times",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "@KustoTable public record Times(",
                "  @Column(transform = KustoTransform.DATETIME_FROM_UNIX_SECONDS) int s,",
                "  @Column(transform = KustoTransform.DATETIME_FROM_UNIX_MILLISECONDS) Long ms,",
                "  @Column(transform = KustoTransform.DATETIME_FROM_UNIX_MICROSECONDS) double us,",
                "  @Column(transform = KustoTransform.DATETIME_FROM_UNIX_NANOSECONDS) java.util.OptionalLong ns) {}"));
        assertThat(compilation).succeededWithoutWarnings();
        String reader = generated(compilation, "com.acme.TimesRowReader");
        assertThat(reader).contains("s = Math.toIntExact(JsonValues.unixTime(p, 1L));");
        assertThat(reader).contains("ms = JsonValues.isNull(p) ? null : JsonValues.unixTime(p, 1000L);");
        assertThat(reader).contains("us = JsonValues.unixTimeDouble(p, 1000000L);");

        Compilation narrow = Sources.compile(source(
                "com.acme.Narrow",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "@KustoTable public record Narrow(",
                "  @Column(transform = KustoTransform.DATETIME_FROM_UNIX_SECONDS) short s) {}"));
        assertThat(narrow).succeededWithoutWarnings();
        assertThat(narrow).hadNoteContaining("property 's' is a short holding Unix time");
    }

    @Test
    void aCustomIterableThatIsNotACollectionCannotBeRead() throws Exception {
        Compilation compilation = Sources.compile(source(
                "com.acme.Custom",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "@KustoTable public record Custom(Custom.Names names) {",
                "  public interface Names extends Iterable<String> {}",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).hadNoteContaining("property 'names' is a com.acme.Custom.Names");
    }
}
