package io.kustotyped.cli;

import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoServiceException;
import io.kustotyped.runtime.KustoTransportException;
import java.io.PrintStream;
import java.util.List;

/** {@code apply}: runs the scripts' commands in order, stopping at the first failure. */
final class ApplyCommand {

    private ApplyCommand() {}

    static int dryRun(List<KqlScript> scripts, CliOptions o, PrintStream out) {
        int total = scripts.stream().mapToInt(s -> s.commands().size()).sum();
        out.println(
                "Dry run: would run " + total + " commands on " + (o.cluster() == null ? "the cluster" : o.cluster())
                        + (o.database() == null ? "" : ", database " + o.database()) + ", in this order:");
        for (KqlScript s : scripts) {
            out.println();
            out.println("// " + s.origin());
            for (String c : s.commands()) {
                out.println(c);
                out.println();
            }
        }
        out.println("Nothing was run.");
        return KustoTypedCli.OK;
    }

    static int run(List<KqlScript> scripts, CliOptions o, KustoClient client, PrintStream out, PrintStream err) {
        int total = scripts.stream().mapToInt(s -> s.commands().size()).sum();
        out.println("Applying " + total + (total == 1 ? " command" : " commands") + " to " + o.cluster() + ", database "
                + o.database() + ":");
        int done = 0;
        for (KqlScript s : scripts) {
            String label = s.table() == null ? s.origin() : s.table();
            for (int i = 0; i < s.commands().size(); i++) {
                String command = s.commands().get(i);
                out.print("  [" + label + " " + (i + 1) + "/" + s.commands().size() + "] "
                        + KqlScript.abbreviate(command, 90) + " ... ");
                out.flush();
                long start = System.nanoTime();
                try {
                    client.executeMgmt(o.database(), command).await();
                } catch (Exception e) { // Future.await rethrows the failure as it is, checked or not
                    out.println("FAILED");
                    err.println("error: " + s.origin() + ", command " + (i + 1) + " failed: " + describe(e));
                    int skipped = total - done - 1;
                    err.println("Stopped: " + done + " of " + total + " commands ran"
                            + (skipped == 0 ? "." : "; the " + skipped + " after the failed one were not run."));
                    return KustoTypedCli.FAILED;
                }
                out.println("ok (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
                done++;
            }
        }
        out.println("Done: all " + total + " commands succeeded. Streaming ingestion can take a few minutes to see "
                + "new tables, mappings and policies; '.clear table T cache streamingingestion schema' makes it see "
                + "them now.");
        return KustoTypedCli.OK;
    }

    /** A failure as one line: the Kusto error code and message for a service error (docs/kusto-rules.md §1.5). */
    static String describe(Throwable e) {
        if (e instanceof KustoServiceException k) {
            String message = k.detail() != null && !k.detail().isEmpty()
                    ? k.detail()
                    : k.errorMessage() != null && !k.errorMessage().isEmpty() ? k.errorMessage() : k.rawBody();
            return (k.code() != null ? k.code() : "HTTP " + k.status()) + ": " + message + " (HTTP " + k.status()
                    + ", ActivityId " + k.activityId() + ", ClientRequestId " + k.clientRequestId() + ")"
                    + (k.hint() == null ? "" : ". " + k.hint());
        }
        if (e instanceof KustoTransportException) {
            return "no answer from the cluster: " + e.getMessage();
        }
        return e.getMessage();
    }
}
