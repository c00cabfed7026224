package io.kustotyped.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.kustotyped.processor.Sources.source;

import com.google.testing.compile.Compilation;
import io.kustotyped.annotations.KustoTransform;
import io.kustotyped.annotations.KustoType;
import io.kustotyped.processor.model.ColumnModel;
import io.kustotyped.processor.model.ModelReader;
import io.kustotyped.processor.model.ScalarKind;
import io.kustotyped.processor.model.TableModel;
import io.kustotyped.processor.model.TypeProblem;
import io.kustotyped.processor.model.UnresolvedTypeException;
import io.kustotyped.processor.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The model reader on real compiler elements: which properties become columns, and how each Java type maps. */
class ModelReaderTest {

    /** Runs the model reader on every {@code @KustoTable} class and keeps the models. */
    private static final class Capture extends AbstractProcessor {
        final Map<String, TableModel> models = new LinkedHashMap<>();

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("io.kustotyped.annotations.KustoTable");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            ModelReader reader = new ModelReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
            for (TypeElement annotation : annotations) {
                for (Element element : round.getElementsAnnotatedWith(annotation)) {
                    try {
                        reader.read((TypeElement) element).ifPresent(m -> models.put(m.tableName(), m));
                    } catch (UnresolvedTypeException e) {
                        throw new AssertionError(e);
                    }
                }
            }
            return false;
        }
    }

    private static Map<String, TableModel> read(JavaFileObject... sources) {
        Capture capture = new Capture();
        Compilation compilation = javac().withProcessors(capture).compile(sources);
        // The reader reports nothing, whatever it reads: reporting is the validators' job.
        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.warnings()).isEmpty();
        return capture.models;
    }

    private static Map<String, ColumnModel> columns(TableModel table) {
        Map<String, ColumnModel> result = new LinkedHashMap<>();
        table.columns().forEach(c -> result.put(c.columnName(), c));
        return result;
    }

    @Test
    void classPropertiesComeFromGettersAndPublicFieldsInheritedFirst() {
        TableModel table = read(source(
                        "com.acme.Event",
                        "package com.acme;",
                        "import io.kustotyped.annotations.*;",
                        "class Base<T> {",
                        "  public long sequence;",
                        "  private T payload;",
                        "  public T getPayload() { return payload; }",
                        "}",
                        "@KustoTable",
                        "public class Event extends Base<String> {",
                        "  public String source;",
                        "  public transient String cache;",
                        "  public static String CONSTANT = \"c\";",
                        "  private boolean active;",
                        "  @Column(name = \"Level\") private String level;",
                        "  public String name;",
                        "  @KustoIgnore public String secret;",
                        "  public boolean isActive() { return active; }",
                        "  public String getLevel() { return level; }",
                        "  public String getName() { return name.trim(); }",
                        "  public Boolean isBoxed() { return null; }",
                        "  public String isNotABooleanGetter() { return null; }",
                        "  public String getWithArgument(int i) { return null; }",
                        "  public static String getStatic() { return null; }",
                        "}"))
                .get("Event");

        assertThat(table.rowType().toString()).isEqualTo("com.acme.Event");
        assertThat(table.isPublic()).isTrue();
        // Declaration order, inherited first; a getter named like a field keeps the field's position.
        assertThat(columns(table).keySet())
                .containsExactly("sequence", "payload", "source", "active", "Level", "name", "boxed")
                .inOrder();
        Map<String, ColumnModel> columns = columns(table);
        assertThat(columns.get("sequence").accessor().readFrom("row")).isEqualTo("row.sequence");
        // Type variables of a generic superclass are substituted.
        assertThat(columns.get("payload").valueType().scalarKind()).isEqualTo(ScalarKind.STRING);
        assertThat(columns.get("payload").accessor().readFrom("row")).isEqualTo("row.getPayload()");
        assertThat(columns.get("active").accessor().readFrom("row")).isEqualTo("row.isActive()");
        assertThat(columns.get("active").kustoType()).isEqualTo(KustoType.BOOL);
        // @Column on the private field behind a getter applies to the getter.
        assertThat(columns.get("Level").accessor().readFrom("row")).isEqualTo("row.getLevel()");
        // A getter wins over a public field of the same name.
        assertThat(columns.get("name").accessor().readFrom("row")).isEqualTo("row.getName()");
    }

    @Test
    void everySupportedTypeMapsToItsKustoType() {
        TableModel table = read(source(
                        "com.acme.All",
                        "package com.acme;",
                        "import io.kustotyped.annotations.*;",
                        "import java.math.*; import java.time.*; import java.util.*;",
                        "@KustoTable",
                        "record All(",
                        "  boolean a1, Boolean a2,",
                        "  byte b1, Byte b2, short b3, Short b4, int b5, Integer b6,",
                        "  long c1, Long c2,",
                        "  float d1, Float d2, double d3, Double d4,",
                        "  BigDecimal e1, BigInteger e2,",
                        "  String f1, char f2, Character f3, CharSequence f4, StringBuilder f5, Color f6, byte[] f7,",
                        "  Instant g1, OffsetDateTime g2, ZonedDateTime g3, LocalDate g4, LocalDateTime g5, Date g6,",
                        "  java.sql.Timestamp g7,",
                        "  Duration h1, UUID i1,",
                        "  Map<String, Integer> j1, List<String> j2, Set<UUID> j3, int[] j4, String[][] j5, Point j6,",
                        "  Object j7, Collection<?> j8, Map<Color, List<Point>> j9,",
                        "  Optional<String> k1, OptionalInt k2, OptionalLong k3, OptionalDouble k4, Optional<Point> k5,",
                        "  @Column(transform = KustoTransform.DATETIME_FROM_UNIX_NANOSECONDS) long l1,",
                        "  @Column(type = KustoType.STRING) Instant l2,",
                        "  @Column(type = KustoType.DYNAMIC) String l3) {",
                        "  enum Color { RED }",
                        "  record Point(int x, int y) {}",
                        "}"))
                .get("All");

        Map<String, String> expected = new LinkedHashMap<>();
        for (String c : List.of("a1", "a2")) expected.put(c, "bool");
        for (String c : List.of("b1", "b2", "b3", "b4", "b5", "b6")) expected.put(c, "int");
        for (String c : List.of("c1", "c2")) expected.put(c, "long");
        for (String c : List.of("d1", "d2", "d3", "d4")) expected.put(c, "real");
        for (String c : List.of("e1", "e2")) expected.put(c, "decimal");
        for (String c : List.of("f1", "f2", "f3", "f4", "f5", "f6", "f7")) expected.put(c, "string");
        for (String c : List.of("g1", "g2", "g3", "g4", "g5", "g6", "g7")) expected.put(c, "datetime");
        expected.put("h1", "timespan");
        expected.put("i1", "guid");
        for (String c : List.of("j1", "j2", "j3", "j4", "j5", "j6", "j7", "j8", "j9")) expected.put(c, "dynamic");
        expected.put("k1", "string");
        expected.put("k2", "int");
        expected.put("k3", "long");
        expected.put("k4", "real");
        expected.put("k5", "dynamic");
        expected.put("l1", "datetime");
        expected.put("l2", "string");
        expected.put("l3", "dynamic");

        Map<String, String> actual = new LinkedHashMap<>();
        table.columns().forEach(c -> actual.put(c.columnName(), c.kustoType().kqlName()));
        assertThat(actual).containsExactlyEntriesIn(expected).inOrder();

        Map<String, ColumnModel> columns = columns(table);
        assertThat(columns.get("l1").transform()).isEqualTo(KustoTransform.DATETIME_FROM_UNIX_NANOSECONDS);
        assertThat(columns.get("f7").valueType().scalarKind()).isEqualTo(ScalarKind.BYTES);
        assertThat(columns.get("f6").valueType().scalarKind()).isEqualTo(ScalarKind.ENUM);
        assertThat(columns.get("j8").valueType().javaType().toString()).isEqualTo("java.util.Collection<?>");
        ValueType.MapOf nestedMap = (ValueType.MapOf) columns.get("j9").valueType();
        assertThat(nestedMap.key()).isEqualTo(ValueType.MapKey.ENUM);
        ValueType.Nested point = (ValueType.Nested) ((ValueType.ListOf) nestedMap.value()).element();
        assertThat(point.javaType().toString()).isEqualTo("com.acme.All.Point");
        List<String> keys = new ArrayList<>();
        point.properties().forEach(p -> keys.add(p.jsonName()));
        assertThat(keys).containsExactly("x", "y").inOrder();
        ValueType.ArrayOf matrix = (ValueType.ArrayOf) columns.get("j5").valueType();
        assertThat(((ValueType.ArrayOf) matrix.element()).element().scalarKind())
                .isEqualTo(ScalarKind.STRING);
    }

    @Test
    void whatBreaksARuleIsRecordedWithItsOriginNotReported() {
        TableModel table = read(source(
                        "com.acme.Bad",
                        "package com.acme;",
                        "import io.kustotyped.annotations.*;",
                        "@KustoTable(name = \"Bad;Name\")",
                        "class Bad {",
                        "  public Thread worker;",
                        "  @Column(name = \"a:b\", type = KustoType.INT) public String a;",
                        "  @Column public static String CONSTANT;",
                        "  private String hidden;",
                        "}"))
                .get("Bad;Name");
        assertThat(table.origin().at("name").value().getValue()).isEqualTo("Bad;Name");

        ColumnModel worker = columns(table).get("worker");
        assertThat(worker.valueType()).isNull();
        TypeProblem.Unwritable problem =
                (TypeProblem.Unwritable) worker.typeProblems().get(0);
        assertThat(problem.reason()).isEqualTo(TypeProblem.Reason.UNSUPPORTED);
        assertThat(problem.type().toString()).isEqualTo("java.lang.Thread");

        ColumnModel a = columns(table).get("a:b");
        assertThat(a.requestedType()).isEqualTo(KustoType.INT);
        assertThat(a.origin().element().getSimpleName().toString()).isEqualTo("a");
        assertThat(a.origin().at("type").value().toString()).contains("INT");

        List<String> skipped = new ArrayList<>();
        table.skipped().forEach(m -> skipped.add(m.member().getSimpleName() + ":" + m.why()));
        assertThat(skipped)
                .containsExactly("CONSTANT:STATIC", "hidden:NOT_PUBLIC")
                .inOrder();
    }

    @Test
    void tableAttributesAndDefaults() {
        Map<String, TableModel> tables = read(
                source(
                        "com.acme.Plain",
                        "package com.acme;",
                        "import io.kustotyped.annotations.*;",
                        "@KustoTable record Plain(String a) {}"),
                source(
                        "com.acme.Outer",
                        "package com.acme;",
                        "import io.kustotyped.annotations.*;",
                        "class Outer {",
                        "  @KustoTable(name = \"Named Table\", database = \"Db\", mappingName = \"Map-1\",",
                        "      folder = \"F\", docString = \"D\")",
                        "  static class Inner { public String a; }",
                        "}"));
        TableModel plain = tables.get("Plain");
        assertThat(plain.database()).isEmpty();
        assertThat(plain.mappingName()).isEmpty();
        assertThat(plain.folder()).isEmpty();
        assertThat(plain.docString()).isEmpty();
        assertThat(plain.isPublic()).isFalse();

        TableModel inner = tables.get("Named Table");
        assertThat(inner.rowType().toString()).isEqualTo("com.acme.Outer.Inner");
        assertThat(inner.database()).hasValue("Db");
        assertThat(inner.mappingName()).hasValue("Map-1");
        assertThat(inner.folder()).hasValue("F");
        assertThat(inner.docString()).hasValue("D");
    }
}
