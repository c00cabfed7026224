package io.kustotyped.cli;

import io.kustotyped.runtime.Kql;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoResultTable;
import io.kustotyped.runtime.KustoServiceException;
import io.kustotyped.runtime.SchemaReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code check}: compares the live tables with the scripts and prints the drift. */
final class CheckCommand {

    private CheckCommand() {}

    static int dryRun(List<KqlScript> scripts, CliOptions o, PrintStream out) {
        out.println("Dry run: check would run these read-only commands on "
                + (o.cluster() == null ? "the cluster" : o.cluster()) + ", " + ApplyCommand.databases(scripts, o)
                + ":");
        for (KqlScript s : scripts) {
            String t = Kql.bracket(s.table() == null ? "?" : s.table());
            out.println();
            out.println("// " + s.origin());
            out.println(".show table " + t + " cslschema");
            out.println(".show table " + t + " ingestion json mappings");
            out.println(".show table " + t + " policy streamingingestion");
            String db = o.databaseFor(s);
            out.println(".show database " + (db == null ? "<database>" : Kql.bracket(db))
                    + " policy streamingingestion   (only when the table has no policy of its own)");
        }
        out.println();
        out.println(
                "// queued ingestion: on the Data Management endpoint (ingest-<cluster>; the same URL on loopback)");
        out.println(".get ingestion resources   (only the number of each resource is printed, never the SAS URLs)");
        out.println();
        out.println("Nothing was run.");
        return KustoTypedCli.OK;
    }

    static int run(List<KqlScript> scripts, CliOptions o, KustoClient client, PrintStream out, PrintStream err) {
        out.println("Checking " + scripts.size() + (scripts.size() == 1 ? " table" : " tables") + " in " + o.cluster()
                + ", " + ApplyCommand.databases(scripts, o) + ":");
        int drifted = 0;
        int typeDifferences = 0;
        int fixable = 0;
        for (KqlScript s : scripts) {
            ScriptTable table;
            try {
                table = new ScriptTable(s);
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return KustoTypedCli.FAILED;
            }
            SchemaReport report;
            try {
                // The runtime's own comparison, the one generated ingestors' checkSchema() runs.
                report = client.checkSchema(o.databaseFor(s), table).await();
            } catch (Exception e) { // Future.await rethrows the failure as it is, checked or not
                if (e instanceof KustoServiceException k
                        && k.code().filter(c -> c.contains("DatabaseNotExist")).isPresent()) {
                    err.println("error: database '" + o.databaseFor(s) + "' does not exist on " + o.cluster() + " ("
                            + k.code().orElseThrow() + "); check --database"
                            + (o.database() == null ? " (or the script's)" : "")
                            + ". 'apply' creates tables, not databases.");
                    return KustoTypedCli.FAILED;
                }
                err.println("error: checking table " + s.table() + " failed: " + ApplyCommand.describe(e));
                return KustoTypedCli.FAILED;
            }
            List<SchemaReport.Drift> blocking = report.drifts().stream()
                    .filter(d -> o.strict() || d.kind() != SchemaReport.Kind.EXTRA_COLUMN)
                    .toList();
            if (!blocking.isEmpty()) {
                drifted++;
            }
            for (SchemaReport.Drift d : blocking) {
                if (d.kind() == SchemaReport.Kind.COLUMN_TYPE_DIFFERS) {
                    typeDifferences++;
                } else if (d.fix() != null) {
                    fixable++;
                }
            }
            out.println();
            out.println(s.table() + ": "
                    + (report.drifts().isEmpty()
                            ? "up to date"
                            : blocking.isEmpty()
                                    ? "up to date (extra columns only, ignored without --strict)"
                                    : blocking.size() + (blocking.size() == 1 ? " difference" : " differences")));
            for (SchemaReport.Drift d : report.drifts()) {
                boolean counts = blocking.contains(d);
                out.println("  " + (counts ? "" : "(note) ") + d.kind() + ": " + d.detail());
                if (d.fix() != null) {
                    out.println("    fix: " + KqlScript.abbreviate(d.fix(), 200));
                }
            }
        }
        out.println();
        probeIngestionEndpoint(client, out);
        out.println();
        if (drifted == 0) {
            out.println("No drift: every table matches its script.");
            return KustoTypedCli.OK;
        }
        out.println("Drift: " + drifted + " of " + scripts.size() + " tables differ from their scripts.");
        if (fixable > 0) {
            out.println("'apply' fixes " + (typeDifferences == 0 ? "them" : "the other " + fixable)
                    + ": it runs the generated commands, which create what is missing and never drop or retype.");
        }
        if (typeDifferences > 0) {
            out.println("'apply' cannot fix " + (typeDifferences == 1 ? "the column" : typeDifferences + " columns")
                    + " of another type: .create-merge never retypes a column. Either write to a new column (give"
                    + " the property another name with @Column(name = ...)), or run '.alter column ['Table'].['Column']"
                    + " type=<type>', after which the values already in that column read as null, for good.");
        }
        return KustoTypedCli.FAILED;
    }

    /**
     * Says whether the Data Management endpoint answers {@code .get ingestion resources} (queued and managed ingestion
     * need it; streaming does not), with the number of each resource: the URLs carry SAS secrets and are not printed.
     * It does not change the exit status, which is about drift.
     */
    static void probeIngestionEndpoint(KustoClient client, PrintStream out) {
        String dm = client.ingestionEndpoint();
        try {
            KustoResultTable t =
                    client.executeIngestionMgmt(".get ingestion resources").await();
            Map<String, Integer> counts = new TreeMap<>();
            for (int i = 0; i < t.rowCount(); i++) {
                counts.merge(String.valueOf(t.string(i, "ResourceTypeName")), 1, Integer::sum);
            }
            boolean usable = counts.containsKey("SecuredReadyForAggregationQueue") && counts.containsKey("TempStorage");
            out.println("Queued ingestion: the Data Management endpoint " + dm + " answers: " + counts
                    + (usable
                            ? "."
                            : "; it lists no ingestion queue or no temporary storage, so queued and managed"
                                    + " ingestion cannot run."));
        } catch (Exception e) { // Future.await rethrows the failure as it is, checked or not
            out.println("Queued ingestion: the Data Management endpoint " + dm + " does not answer"
                    + " '.get ingestion resources' (" + ApplyCommand.describe(e) + "): queued and managed ingestion"
                    + " cannot run there; streaming ingestion does not need it.");
        }
    }
}
