package io.kustotyped.processor;

import com.google.auto.service.AutoService;
import io.kustotyped.processor.codegen.DdlBuilder;
import io.kustotyped.processor.codegen.IngestorGenerator;
import io.kustotyped.processor.codegen.JsonWriterGenerator;
import io.kustotyped.processor.codegen.KqlScriptWriter;
import io.kustotyped.processor.codegen.RowReaderGenerator;
import io.kustotyped.processor.codegen.SchemaGenerator;
import io.kustotyped.processor.model.ModelReader;
import io.kustotyped.processor.model.TableModel;
import io.kustotyped.processor.model.UnresolvedTypeException;
import io.kustotyped.processor.validation.CrossTableRules;
import io.kustotyped.processor.validation.Diagnostic;
import io.kustotyped.processor.validation.ReadRules;
import io.kustotyped.processor.validation.Reporter;
import io.kustotyped.processor.validation.TableValidator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The kusto-typed annotation processor: for every {@code @KustoTable} class {@code X} it generates {@code XJsonWriter},
 * {@code XKustoSchema}, {@code XIngestor}, {@code META-INF/kusto/<Table>.kql} and, when {@code X} can be created
 * ({@link ReadRules}; otherwise a NOTE says why), {@code XRowReader}, in three stages: the
 * {@link ModelReader} reads the class into a model, the validators ({@link TableValidator}, {@link CrossTableRules})
 * report every rule it breaks, and the generators write the code of a model that passed. Every generated file has the
 * table class as its only originating element (Gradle: isolating). Problems are compile errors on the offending
 * element; no exception escapes. A table whose property types are not resolved yet is retried in the next round.
 */
@AutoService(Processor.class)
public final class KustoProcessor extends AbstractProcessor {

    private final Consumer<TypeElement> probe;
    private Reporter reporter;
    private ModelReader reader;
    private TableValidator validator;
    private CrossTableRules crossTable;
    private ReadRules readRules;
    /** Deferred tables: qualified name to the reason, "property: type". */
    private final Map<String, UnresolvedTypeException> deferred = new LinkedHashMap<>();

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
        reader = new ModelReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
        validator = new TableValidator(reporter);
        crossTable = new CrossTableRules(reporter);
        readRules = new ReadRules(reporter);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ModelReader.KUSTO_TABLE);
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
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(ModelReader.KUSTO_TABLE);
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
            if (model.isEmpty() || !validator.validate(model.get()) || !crossTable.claim(model.get())) {
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

    private void generate(TableModel model) throws IOException {
        DdlBuilder ddl = DdlBuilder.of(model);
        var filer = processingEnv.getFiler();
        new JsonWriterGenerator(model, ddl.mappingName()).generate().writeTo(filer);
        new SchemaGenerator(model, ddl).generate().writeTo(filer);
        boolean readable = readRules.readable(model);
        if (readable) {
            new RowReaderGenerator(model).generate().writeTo(filer);
        }
        new IngestorGenerator(model, readable).generate().writeTo(filer);
        KqlScriptWriter.write(filer, model, ddl);
    }

    private static String stackTrace(Throwable e) {
        return Arrays.stream(e.getStackTrace())
                .limit(12)
                .map(String::valueOf)
                .collect(Collectors.joining("\n\tat ", "\n\tat ", ""));
    }
}
