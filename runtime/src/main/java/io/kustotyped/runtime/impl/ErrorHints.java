package io.kustotyped.runtime.impl;

import io.kustotyped.runtime.KustoNames;
import io.kustotyped.runtime.KustoServiceException;
import io.kustotyped.runtime.TableDescriptor;
import java.util.Locale;

/**
 * The text of each {@link ErrorRules.Hint}: what to run or set, naming the generated constant rather than quoting a
 * long command (a mapping command is kilobytes of JSON). Messages never cite a document. Internal.
 */
public final class ErrorHints {

    private ErrorHints() {}

    /** The hint that needs no table, or null (for {@code NONE} and the hints that name a table's commands). */
    static String general(ErrorRules.Hint hint) {
        return switch (hint) {
            case TOKEN ->
                "Kusto did not accept the request's token: it is missing, expired, or for another cluster. "
                        + "The client sends the token of KustoClientOptions.setTokenProvider(...): TokenProvider.fixed"
                        + "(token), the KUSTO_ACCESS_TOKEN environment variable (EnvironmentTokenProvider), or the Azure "
                        + "CLI (AzureCliTokenProvider, after 'az login'); ClusterTokens.forCluster(url) picks one of them";
            case PERMISSION ->
                "The token's principal lacks a role on the database: ingesting needs Database Ingestor "
                        + "(or Table Ingestor on the table), applySchema() needs Database Admin (or Table Admin on an "
                        + "existing table)";
            case DATABASE_MISSING ->
                "The database does not exist on this cluster, or the token's principal cannot "
                        + "see it: check the database name (case-sensitive) and the cluster URL";
            case STREAMING_CLUSTER_OFF ->
                "The endpoint does not exist: check the cluster URL. For streaming "
                        + "ingestion, the cluster must have it turned on (Azure portal, Configurations, 'Streaming "
                        + "ingestion: On'), and the table or database a streaming ingestion policy";
            default -> null;
        };
    }

    /**
     * Adds to an ingest failure the hint for its table: the generated command to run for a missing table or mapping
     * or a streaming policy that is off. Other failures are returned as they are.
     */
    public static Throwable forTable(Throwable e, TableDescriptor<?> t) {
        if (!(e instanceof KustoServiceException k)) {
            return e;
        }
        String name = "'" + t.tableName() + "'";
        String hint = switch (ErrorRules.classify(k).hint()) {
            case TABLE_MISSING ->
                "Table " + name + " does not exist in this database. Run "
                        + constant(t, "COMMANDS", "the commands of schemaCommands()")
                        + " in order, or ingestor.applySchema()";
            case MAPPING_MISSING ->
                "The JSON ingestion mapping '" + t.mappingName() + "' of table " + name
                        + " is missing or invalid. Run " + constant(t, "CREATE_MAPPING", "its mapping command")
                        + ", or ingestor.applySchema()";
            case MAPPING_INCONSISTENT ->
                "The JSON ingestion mapping '" + t.mappingName()
                        + "' does not match the columns of table " + name + ": ingestor.checkSchema() lists "
                        + "the differences; ingestor.applySchema() adds missing columns and re-creates the mapping";
            case STREAMING_POLICY_OFF ->
                "Streaming ingestion is not enabled for table " + name + ". Run: "
                        + policyCommand(t) + " ("
                        + constant(t, "ENABLE_STREAMING", "or") + (isGenerated(t) ? ", or " : " ")
                        + "ingestor.applySchema()). A new policy can take a few minutes to reach the streaming "
                        + "nodes; '.clear table " + KustoNames.bracket(t.tableName())
                        + " cache streamingingestion schema' makes it take effect now";
            case STREAMING_CLUSTER_OFF ->
                "The streaming ingestion endpoint does not exist: turn streaming "
                        + "ingestion on for the cluster (Azure portal, Configurations, 'Streaming ingestion: "
                        + "On'), then run: " + policyCommand(t) + " (or ingestor.applySchema())";
            default -> null;
        };
        return hint == null ? e : ServiceErrors.withHint(k, hint);
    }

    /**
     * {@code OrderKustoSchema.CREATE_MAPPING} for a generated descriptor; {@code otherwise} (the same thing in
     * words) for one written by hand, which may not have the constant.
     */
    private static String constant(TableDescriptor<?> t, String constant, String otherwise) {
        return isGenerated(t) ? t.getClass().getSimpleName() + "." + constant : otherwise;
    }

    private static boolean isGenerated(TableDescriptor<?> t) {
        return t.getClass().getSimpleName().endsWith("KustoSchema");
    }

    /** The command that enables the streaming policy (short enough to quote), or a description. */
    private static String policyCommand(TableDescriptor<?> t) {
        for (String c : t.schemaCommands()) {
            if (c.toLowerCase(Locale.ROOT).contains("policy streamingingestion")) {
                return c;
            }
        }
        return ".alter table " + KustoNames.bracket(t.tableName()) + " policy streamingingestion enable";
    }
}
