package io.kustotyped.cli;

import io.kustotyped.runtime.Kql;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoResultTable;
import io.kustotyped.runtime.KustoServiceException;
import io.kustotyped.runtime.KustoTransportException;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code apply}: runs the scripts' commands in order, stopping at the first failure, and after each script clears
 * the table's streaming ingestion schema cache.
 */
final class ApplyCommand {

    private ApplyCommand() {}

    /** "database D" or "databases A, B": where the scripts' commands run. */
    static String databases(List<KqlScript> scripts, CliOptions o) {
        Set<String> names = new LinkedHashSet<>();
        for (KqlScript s : scripts) {
            names.add(Objects.toString(o.databaseFor(s), "<database>"));
        }
        return (names.size() == 1 ? "database " : "databases ") + String.join(", ", names);
    }

    static int dryRun(List<KqlScript> scripts, CliOptions o, PrintStream out) {
        int total = scripts.stream().mapToInt(s -> s.commands().size()).sum();
        out.println("Dry run: would run " + total + " commands on "
                + (o.cluster() == null ? "the cluster" : o.cluster()) + ", " + databases(scripts, o)
                + ", in this order:");
        for (KqlScript s : scripts) {
            out.println();
            out.println("// " + s.origin());
            for (String c : s.commands()) {
                out.println(c);
                out.println();
            }
            if (s.table() != null) {
                out.println(Kql.clearStreamingSchemaCache(s.table()));
                out.println();
            }
        }
        out.println("Nothing was run.");
        return KustoTypedCli.OK;
    }

    /** Makes streaming ingestion see a table's new schema now (docs/kusto-rules.md §1.6). */
    static int run(List<KqlScript> scripts, CliOptions o, KustoClient client, PrintStream out, PrintStream err) {
        int total = scripts.stream().mapToInt(s -> s.commands().size()).sum();
        out.println("Applying " + total + (total == 1 ? " command" : " commands") + " to " + o.cluster() + ", "
                + databases(scripts, o) + ":");
        int done = 0;
        for (KqlScript s : scripts) {
            String database = o.databaseFor(s);
            String label = s.table() == null ? s.origin() : s.table();
            for (int i = 0; i < s.commands().size(); i++) {
                String command = s.commands().get(i);
                out.print("  [" + label + " " + (i + 1) + "/" + s.commands().size() + "] "
                        + KqlScript.abbreviate(command, 90) + " ... ");
                out.flush();
                long start = System.nanoTime();
                try {
                    client.executeMgmt(database, command).await();
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
            if (s.table() != null) {
                clearCache(client, database, s.table(), label, out);
            }
        }
        out.println("Done: all " + total + " commands succeeded.");
        return KustoTypedCli.OK;
    }

    /**
     * Runs the cache clear; a failure does not fail {@code apply} (the schema is applied, streaming ingestion just
     * sees it minutes later), but it is said.
     */
    private static void clearCache(KustoClient client, String database, String table, String label, PrintStream out) {
        String command = Kql.clearStreamingSchemaCache(table);
        out.print("  [" + label + "] " + command + " ... ");
        out.flush();
        String problem;
        try {
            KustoResultTable nodes = client.executeMgmt(database, command).await();
            int status = nodes.columns().stream().map(c -> c.name()).toList().indexOf("Status");
            long failed = status < 0
                    ? 0
                    : nodes.rows().stream()
                            .filter(r -> !"Succeeded".equalsIgnoreCase(Objects.toString(r.get(status), "")))
                            .count();
            problem = failed == 0 ? null : "failed on " + failed + " of " + nodes.rowCount() + " nodes";
        } catch (Exception e) { // Future.await rethrows the failure as it is, checked or not
            problem = describe(e);
        }
        if (problem == null) {
            out.println("ok");
        } else {
            out.println("not done (" + problem + "): streaming ingestion may fail for a few minutes; "
                    + "run the command again (it is safe) or wait");
        }
    }

    /**
     * A failure as one line: the Kusto error code (or HTTP status) and message for a service error, then where to
     * look (docs/kusto-rules.md §1.5).
     */
    static String describe(Throwable e) {
        if (e instanceof KustoServiceException k) {
            String message = k.detail()
                    .filter(d -> !d.isBlank())
                    .or(() -> k.errorMessage().filter(m -> !m.isBlank()))
                    .or(k::rawBody)
                    .map(String::strip)
                    .orElse("(no message)");
            // The CLI says where *it* takes tokens from, rather than the client's general 401 hint.
            String hint = k.status() == 401 ? UNAUTHORIZED_HINT : k.hint().orElse(null);
            // "BadRequest_X: ... (HTTP 400, ...)", or "HTTP 401: ... (...)" when there is no code: the status once.
            return k.code().orElse("HTTP " + k.status()) + ": " + message + " ("
                    + k.code().map(c -> "HTTP " + k.status() + ", ").orElse("") + "ActivityId "
                    + k.activityId().orElse("none") + ", ClientRequestId " + k.clientRequestId() + ")"
                    + (hint == null ? "" : ". " + hint);
        }
        if (e instanceof KustoTransportException) {
            return "no answer from the cluster: " + e.getMessage();
        }
        return e.getMessage();
    }

    /** What to do about a 401: where tokens come from. */
    static final String UNAUTHORIZED_HINT = "The cluster did not accept the token. The CLI takes it from "
            + "KUSTO_ACCESS_TOKEN when set (it may have expired: 'az account get-access-token --resource <cluster> "
            + "--query accessToken -o tsv' gives a new one), else from the Azure CLI ('az login' first; the "
            + "account needs a role on the database); in code, pass a TokenProvider to KustoClientOptions";
}
