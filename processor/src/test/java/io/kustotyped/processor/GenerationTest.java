package io.kustotyped.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.kustotyped.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Naming, visibility, factories and the mapping name of generated code, beyond the one golden class. */
class GenerationTest {

    private static String generated(Compilation compilation, String name) throws Exception {
        JavaFileObject file =
                compilation.generatedSourceFile(name).orElseThrow(() -> new AssertionError("not generated: " + name));
        return file.getCharContent(true).toString();
    }

    @Test
    void nestedClassesGetFlatNamesAndPackagePrivateClassesStayPackagePrivate() throws Exception {
        Compilation compilation = Sources.compile(source(
                "com.acme.Outer",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "class Outer {",
                "  @KustoTable static class Inner { public String a; }",
                "  public static class Middle { @KustoTable public record Deep(int b) {} }",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        for (String suffix : new String[] {"JsonWriter", "KustoSchema", "Ingestor"}) {
            assertThat(generated(compilation, "com.acme.Outer_Inner" + suffix))
                    .contains("\nfinal class Outer_Inner" + suffix + " ");
            // Outer is package-private, so nothing generated for its nested classes can be public either.
            assertThat(generated(compilation, "com.acme.Outer_Middle_Deep" + suffix))
                    .contains("\nfinal class Outer_Middle_Deep" + suffix + " ");
        }
        assertThat(generated(compilation, "com.acme.Outer_InnerKustoSchema"))
                .contains("SCRIPT_RESOURCE = \"META-INF/kusto/Inner.kql\"");
    }

    @Test
    void ingestorWithoutDefaultDatabaseHasOnlyTheFactoriesTakingOne() throws Exception {
        Compilation compilation = Sources.compile(source(
                "com.acme.Log",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "@KustoTable public record Log(String message) {}"));
        assertThat(compilation).succeededWithoutWarnings();
        String ingestor = generated(compilation, "com.acme.LogIngestor");
        assertThat(ingestor).contains("public static LogIngestor create(KustoClient client, String database) {");
        assertThat(ingestor)
                .contains(
                        "public static LogIngestor create(KustoClient client, String database, IngestOptions options) {");
        assertThat(ingestor).doesNotContain("create(KustoClient client) {");
        assertThat(ingestor).doesNotContain("create(KustoClient client, IngestOptions options) {");
        assertThat(generated(compilation, "com.acme.LogKustoSchema")).contains("return Optional.empty();");
    }

    @Test
    void defaultMappingNameIsTheTableAndAHashOfTheMapping() throws Exception {
        Compilation v1 = Sources.compile(source(
                "com.acme.Log",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "@KustoTable public record Log(String message) {}"));
        Compilation v2 = Sources.compile(source(
                "com.acme.Log",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "@KustoTable public record Log(String message, int level) {}"));
        Compilation named = Sources.compile(source(
                "com.acme.Log",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "@KustoTable(mappingName = \"LogMapping\") public record Log(String message) {}"));
        String schema1 = generated(v1, "com.acme.LogKustoSchema");
        String mappingJson =
                "[{\"column\":\"message\",\"datatype\":\"string\",\"Properties\":{\"Path\":\"$['message']\"}}]";
        assertThat(schema1).contains("MAPPING_JSON = \"" + mappingJson.replace("\"", "\\\"") + "\"");
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(mappingJson.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 8);
        assertThat(mappingName(schema1)).isEqualTo("Log_" + hash);
        // A changed class gets a new mapping, so it never writes through a stale one.
        assertThat(mappingName(generated(v2, "com.acme.LogKustoSchema"))).matches("Log_[0-9a-f]{8}");
        assertThat(mappingName(generated(v2, "com.acme.LogKustoSchema"))).isNotEqualTo("Log_" + hash);
        String schema3 = generated(named, "com.acme.LogKustoSchema");
        assertThat(mappingName(schema3)).isEqualTo("LogMapping");
        assertThat(schema3).contains("ingestion json mapping \\\"LogMapping\\\"");
        // The writer names the same mapping.
        assertThat(generated(named, "com.acme.LogJsonWriter")).contains("{@code LogMapping}");
    }

    private static String mappingName(String schema) {
        Matcher m = Pattern.compile("MAPPING_NAME = \"([^\"]*)\"").matcher(schema);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Generates {@code com.acme.Money} in the first round, as Lombok or another processor might. */
    @javax.annotation.processing.SupportedAnnotationTypes("*")
    static final class MoneyGenerator extends javax.annotation.processing.AbstractProcessor {
        private boolean done;

        @Override
        public javax.lang.model.SourceVersion getSupportedSourceVersion() {
            return javax.lang.model.SourceVersion.latestSupported();
        }

        @Override
        public boolean process(
                java.util.Set<? extends javax.lang.model.element.TypeElement> annotations,
                javax.annotation.processing.RoundEnvironment round) {
            if (!done) {
                done = true;
                try (var writer = processingEnv
                        .getFiler()
                        .createSourceFile("com.acme.Money")
                        .openWriter()) {
                    writer.write(
                            "package com.acme; public record Money(java.math.BigDecimal amount, String currency) {}");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    @Test
    void tableUsingATypeGeneratedInTheSameCompilationIsDeferredNotFailed() throws Exception {
        JavaFileObject row = source(
                "com.acme.Payment",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "@KustoTable public record Payment(String id, Money amount) {}");
        Compilation compilation = Sources.compile(java.util.List.of(new KustoProcessor(), new MoneyGenerator()), row);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "com.acme.PaymentJsonWriter")).contains("writeMoney(amount, out);");
    }

    @Test
    void propertyNamesThatClashWithGeneratedNamesStillCompile() throws Exception {
        Compilation compilation = Sources.compile(source(
                "com.acme.Awkward",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "import java.util.*;",
                "@KustoTable",
                "public class Awkward {",
                "  public String aB; public String A_B; public String INSTANCE; public String row; public String out;",
                "  public List<Inner> value; public Map<String, Inner> entry; public String[] i;",
                "  public int getInt() { return 0; } public String getWrite() { return null; }",
                "  public static class Inner { public String first; public String element; public String key;",
                "    public String value; public String out; public String AWKWARD_INNER_FIRST; }",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        // The object's '{' is written with rawByte, not baked into the first key's constant.
        assertThat(generated(compilation, "com.acme.AwkwardJsonWriter")).contains("A_B = \"\\\"aB\\\":\".getBytes");
    }

    @Test
    void nestedWritersNameLocalsAfterThePropertyNotTheJsonKey() throws Exception {
        Compilation compilation = Sources.compile(source(
                "com.acme.Customer",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "@KustoTable",
                "public record Customer(String name, Address address) {",
                "  public record Address(@Column(name = \"Street Name\") String street, int number) {}",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        String writer = generated(compilation, "com.acme.CustomerJsonWriter");
        assertThat(writer).contains("String street = value.street();");
        assertThat(writer).contains("\"\\\"Street Name\\\":\".getBytes");
        assertThat(writer).doesNotContain("Street_Name");
    }

    @Test
    void everySupportedTypeCompilesWithoutWarnings() {
        // Point.next makes Point recursive: the one expected error.
        Compilation compilation =
                Sources.compile(allTypes("public int x; public Optional<Point> getNext() { return null; } "
                        + "public Color getColor() { return null; }"));
        assertThat(compilation).hadErrorContaining("[Column/RecursiveType]");
        Compilation fixed = Sources.compile(allTypes("public int x; public Color getColor() { return null; }"));
        assertThat(fixed).succeededWithoutWarnings();
    }

    /** A table with a property of every supported shape; {@code pointBody} is the nested class {@code Point}'s body. */
    private static JavaFileObject allTypes(String pointBody) {
        return source(
                "com.acme.All",
                "package com.acme;",
                "import io.kustotyped.annotations.*;",
                "import java.math.*; import java.time.*; import java.util.*;",
                "@KustoTable",
                "public class All {",
                "  public boolean a1; public Boolean a2; public byte b1; public Byte b2; public short b3;",
                "  public Short b4; public int b5; public Integer b6; public long c1; public Long c2;",
                "  public float d1; public Float d2; public double d3; public Double d4;",
                "  public BigDecimal e1; public BigInteger e2; public String f1; public char f2; public Character f3;",
                "  public CharSequence f4; public Color f6; public byte[] f7; public char[] f8;",
                "  public Instant g1; public OffsetDateTime g2; public ZonedDateTime g3; public LocalDate g4;",
                "  public LocalDateTime g5; public Date g6; public Duration h1; public UUID i1;",
                "  public Map<String, Integer> j1; public List<String> j2; public Set<UUID> j3; public int[] j4;",
                "  public String[][] j5; public Point j6; public Object j7; public Collection<?> j8;",
                "  public Map<Color, List<Point>> j9; @SuppressWarnings(\"rawtypes\") public List j10;",
                "  public Map<Integer, ? extends Number> j11; public List<Optional<Point>> j12;",
                "  public Optional<String> k1; public OptionalInt k2; public OptionalLong k3;",
                "  public OptionalDouble k4; public Optional<Point> k5; public Optional<Integer> k6;",
                "  public long[] l1; public Double[] l2; public List<byte[]> l3; public Map<UUID, Object> l4;",
                "  public enum Color { RED }",
                "  public static class Point { " + pointBody + " }",
                "}");
    }
}
