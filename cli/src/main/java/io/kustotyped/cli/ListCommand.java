package io.kustotyped.cli;

import io.kustotyped.runtime.ColumnDescriptor;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** {@code list}: what the sources hold. */
final class ListCommand {

    private ListCommand() {}

    static int run(List<KqlScript> scripts, PrintStream out) {
        out.println(scripts.size() + (scripts.size() == 1 ? " script" : " scripts") + ":");
        for (KqlScript s : scripts) {
            out.println();
            out.println("table " + (s.table() == null ? "(none named)" : s.table()) + "    " + s.origin());
            if (!s.columns().isEmpty()) {
                out.println("  columns:   "
                        + s.columns().stream().map(ListCommand::column).collect(Collectors.joining(", ")));
            }
            out.println("  mapping:   " + (s.mappingName() == null ? "(none)" : s.mappingName() + " (json)"));
            out.println("  streaming: " + (s.enablesStreaming() ? "enabled by the script" : "not set by the script"));
            out.println("  " + s.commands().size() + (s.commands().size() == 1 ? " command:" : " commands:"));
            for (int i = 0; i < s.commands().size(); i++) {
                out.println("    " + (i + 1) + ". "
                        + KqlScript.abbreviate(s.commands().get(i), 110));
            }
        }
        return KustoTypedCli.OK;
    }

    private static String column(ColumnDescriptor c) {
        return c.name() + ":" + c.kustoType();
    }
}
