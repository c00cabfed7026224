package io.kustotyped.processor.codegen;

import io.kustotyped.processor.model.GeneratedNames;
import io.kustotyped.processor.model.TableModel;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the resource {@code META-INF/kusto/<Table>.kql}: the table's management commands, one per
 * blank-line-separated block, in the order to apply them. Its only originating element is the table class.
 */
public final class KqlScriptWriter {

    private KqlScriptWriter() {}

    /** Writes the script of {@code table} to the class output. */
    public static void write(Filer filer, TableModel table, DdlBuilder ddl) throws IOException {
        FileObject file = filer.createResource(
                StandardLocation.CLASS_OUTPUT, "", GeneratedNames.scriptResource(table.tableName()), table.element());
        try (Writer writer = file.openWriter()) {
            writer.write(ddl.script());
        }
    }
}
