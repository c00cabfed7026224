package io.kustotyped.processor;

import com.google.auto.service.AutoService;
import io.kustotyped.processor.codegen.DdlBuilder;
import io.kustotyped.processor.codegen.GeneratedNames;
import io.kustotyped.processor.codegen.Generation;
import io.kustotyped.processor.codegen.IngestorGenerator;
import io.kustotyped.processor.codegen.JsonWriterGenerator;
import io.kustotyped.processor.codegen.KqlScriptWriter;
import io.kustotyped.processor.codegen.SchemaGenerator;
import io.kustotyped.processor.model.ModelReader;
import io.kustotyped.processor.model.TableModel;
import io.kustotyped.processor.model.UnresolvedTypeException;
import io.kustotyped.processor.validation.Diagnostic;
import io.kustotyped.processor.validation.Reporter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The kusto-typed annotation processor: for every {@code @KustoTable} class {@code X} it generates {@code XJsonWriter},
 * {@code XKustoSchema}, {@code XIngestor} and {@code META-INF/kusto/<Table>.kql}. Every generated file has the table
 * class as its only originating element (Gradle: isolating). Problems are compile errors on the offending element; no
 * exception escapes. A table whose property types are not resolved yet is retried in the next round.
 */
@AutoService(Processor.class)
public final class KustoProcessor extends AbstractProcessor {

    private static final String KUSTO_TABLE = "io.kustotyped.annotations.KustoTable";

    private final Consumer<TypeElement> probe;
    private Reporter reporter;
    private ModelReader reader;
    /** Deferred tables: qualified name to the reason, "property: type". */
    private final Map<String, UnresolvedTypeException> deferred = new LinkedHashMap<>();
    /** Table name to the class that claimed it, across rounds. */
    private final Map<String, String> tables = new HashMap<>();
    /** Generated writer class name to the table class it is generated for, across rounds. */
    private final Map<String, String> generatedNames = new HashMap<>();

    /** The processor, as the compiler's service loader creates it. */
    public KustoProcessor() {
        this(type -> {});
    }

    /** For tests: {@code probe} runs before each table is read (a failing probe stands for a processor bug). */
    KustoProcessor(Consumer<TypeElement> probe) {
        this.probe = probe;
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        reporter = new Reporter(processingEnv.getMessager());
        reader = new ModelReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), reporter);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(KUSTO_TABLE);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        List<TypeElement> work = new ArrayList<>();
        if (round.processingOver()) {
            deferred.forEach((name, reason) -> {
                TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
                if (type != null) {
                    reporter.error(type, Diagnostic.UNRESOLVED_TYPE, name, reason.propertyName(), reason.typeName());
                }
            });
            deferred.clear();
            return false;
        }
        for (String name : deferred.keySet()) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                work.add(type);
            }
        }
        deferred.clear();
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(KUSTO_TABLE);
        if (annotation != null) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof TypeElement type) {
                    work.add(type);
                }
            }
        }
        for (TypeElement type : work) {
            processTable(type);
        }
        return false;
    }

    private void processTable(TypeElement type) {
        String name = type.getQualifiedName().toString();
        try {
            probe.accept(type);
            Optional<TableModel> model = reader.read(type);
            if (model.isEmpty() || !claimTableName(model.get()) || !claimGeneratedNames(model.get())) {
                return;
            }
            generate(model.get());
        } catch (UnresolvedTypeException e) {
            deferred.put(name, e);
        } catch (IOException e) {
            reporter.error(
                    type,
                    Diagnostic.INTERNAL_ERROR,
                    name,
                    "could not write a generated file: " + e,
                    "(none; an I/O error)");
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            reporter.error(type, Diagnostic.INTERNAL_ERROR, name, e, stackTrace(e));
        }
    }

    private boolean claimTableName(TableModel model) {
        String name = model.element().getQualifiedName().toString();
        // Case-insensitively: META-INF/kusto/Orders.kql and orders.kql collide on case-insensitive file systems.
        String owner = tables.putIfAbsent(model.tableName().toLowerCase(java.util.Locale.ROOT), name);
        if (owner == null || owner.equals(name)) {
            return true;
        }
        AnnotationMirror annotation = null;
        for (AnnotationMirror mirror : model.element().getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(KUSTO_TABLE)) {
                annotation = mirror;
            }
        }
        reporter.error(
                model.element(),
                annotation,
                null,
                Diagnostic.DUPLICATE_TABLE,
                model.tableName(),
                name,
                owner,
                model.tableName());
        return false;
    }

    private boolean claimGeneratedNames(TableModel model) {
        String name = model.element().getQualifiedName().toString();
        String writer = GeneratedNames.generated(model.rowType(), GeneratedNames.WRITER_SUFFIX)
                .toString();
        String owner = generatedNames.putIfAbsent(writer, name);
        if (owner == null || owner.equals(name)) {
            return true;
        }
        String prefix = writer.substring(0, writer.length() - GeneratedNames.WRITER_SUFFIX.length());
        reporter.error(
                model.element(),
                Diagnostic.GENERATED_NAME_CLASH,
                name,
                prefix + "JsonWriter/KustoSchema/Ingestor",
                owner);
        return false;
    }

    private void generate(TableModel model) throws IOException {
        DdlBuilder ddl = DdlBuilder.of(model);
        var filer = processingEnv.getFiler();
        Generation.file(model, new JsonWriterGenerator(model, ddl.mappingName()).generate())
                .writeTo(filer);
        Generation.file(model, new SchemaGenerator(model, ddl).generate()).writeTo(filer);
        Generation.file(model, new IngestorGenerator(model).generate()).writeTo(filer);
        KqlScriptWriter.write(filer, model, ddl);
    }

    private static String stackTrace(Throwable e) {
        return Arrays.stream(e.getStackTrace())
                .limit(12)
                .map(String::valueOf)
                .collect(Collectors.joining("\n\tat ", "\n\tat ", ""));
    }
}
