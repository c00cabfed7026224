package io.kustotyped.emulator.error;

/**
 * The errors the emulator answers with, one factory per Kusto code it uses (docs/kusto-rules.md §1.5, §1.6, §1.7,
 * §9.2), so one error always has the same status, code and {@code @type}.
 */
public final class KustoErrors {
    /** The general {@code message} Kusto puts on every 400. */
    public static final String BAD_REQUEST_MESSAGE = "Request is invalid and cannot be executed.";

    private KustoErrors() {}

    /** A permanent 400 with the given code and description, {@code @type} KustoBadRequestException. */
    public static KustoError badRequest(String code, String atMessage) {
        return rejected(code, "Kusto.Data.Exceptions.KustoBadRequestException", atMessage);
    }

    /** 400 {@code General_BadRequest}: a semantic error in a command or query. */
    public static KustoError generalBadRequest(String atMessage) {
        return rejected("General_BadRequest", "Kusto.Data.Exceptions.SemanticException", atMessage);
    }

    /** 400 {@code BadRequest_SyntaxError}: a command or query that does not parse. */
    public static KustoError syntaxError(String atMessage) {
        return rejected("BadRequest_SyntaxError", "Kusto.Data.Exceptions.SyntaxException", atMessage);
    }

    /** 400 {@code BadRequest_DatabaseNotExist} (docs/kusto-rules.md §9.2.2). */
    public static KustoError databaseNotExist(String database) {
        return rejected(
                "BadRequest_DatabaseNotExist",
                "Kusto.Data.Exceptions.DatabaseNotFoundException",
                "Entity name '" + database + "' of kind 'Database' does not exist.");
    }

    /** 400 {@code BadRequest_TableNotExist}: "Entity 'T' of kind 'Table' wasn't found." (§9.2.3). */
    public static KustoError tableNotExist(String database, String table) {
        return rejected(
                "BadRequest_TableNotExist",
                "Kusto.Data.Exceptions.TableNotFoundException",
                "Entity '" + table + "' of kind 'Table' wasn't found."
                        + (database == null ? "" : " (database '" + database + "')"));
    }

    /** 400 {@code BadRequest_EntityNotFound} for any other kind of entity (a column, a policy...). */
    public static KustoError entityNotFound(String kind, String name) {
        return rejected(
                "BadRequest_EntityNotFound",
                "Kusto.Data.Exceptions.EntityNotFoundException",
                "Entity '" + name + "' of kind '" + kind + "' wasn't found.");
    }

    /** 400 {@code BadRequest_MappingReferenceWasNotFound} (docs/kusto-rules.md §1.5, §9.2.5). */
    public static KustoError mappingNotFound(String database, String mappingName, String kind) {
        return rejected(
                "BadRequest_MappingReferenceWasNotFound",
                "Kusto.Data.Exceptions.MappingNotFoundException",
                "Mapping reference '" + mappingName + "' of type 'mappingReference' in database '" + database
                        + "' could not be found" + (kind == null ? "." : " (kind '" + kind + "')."));
    }

    /** 400 {@code BadRequest_InvalidMapping}: a mapping that cannot be accepted. */
    public static KustoError invalidMapping(String atMessage) {
        return rejected("BadRequest_InvalidMapping", "Kusto.Data.Exceptions.MappingNotValidException", atMessage);
    }

    /** 400 {@code BadRequest_DuplicateMapping}: {@code .create} of a mapping name that exists. */
    public static KustoError duplicateMapping(String kind, String name) {
        return rejected(
                "BadRequest_DuplicateMapping",
                "Kusto.Data.Exceptions.DuplicateMappingException",
                "Mapping '" + name + "' of kind '" + kind + "' already exists.");
    }

    /** 400 {@code BadRequest_FormatNotSupported}. */
    public static KustoError formatNotSupported(String atMessage) {
        return rejected(
                "BadRequest_FormatNotSupported", "Kusto.Data.Exceptions.FormatNotSupportedException", atMessage);
    }

    /** 400 {@code BadRequest_StreamingIngestionPolicyNotEnabled} (docs/kusto-rules.md §1.6). */
    public static KustoError streamingPolicyNotEnabled(String database, String table) {
        return rejected(
                "BadRequest_StreamingIngestionPolicyNotEnabled",
                "Kusto.DataNode.Exceptions.StreamingIngestionPolicyNotEnabledException",
                "Streaming ingestion policy is not enabled for the table '" + table + "' in database '"
                        + database + "'. Enable it with '.alter table " + table
                        + " policy streamingingestion enable' (or on the database).");
    }

    /** 413 {@code Stream_InputStreamTooLarge} (docs/kusto-rules.md §1.3, §9.2.6). */
    public static KustoError payloadTooLarge(String atMessage) {
        return new KustoError(
                413,
                "Stream_InputStreamTooLarge",
                "Request payload exceeded limits",
                "Kusto.DataNode.Exceptions.StreamingIngestionRequestException",
                atMessage,
                true);
    }

    /** 400 {@code BadRequest_NoRecordsOrWrongFormat}: the payload produced no records (docs/kusto-rules.md §1.7). */
    public static KustoError noRecords(String atMessage) {
        return badRequest("BadRequest_NoRecordsOrWrongFormat", atMessage);
    }

    /** 400 {@code BadRequest_InvalidBlob}: corrupt data, or a malformed multijson record (docs/kusto-rules.md §8). */
    public static KustoError invalidBlob(String atMessage) {
        return badRequest("BadRequest_InvalidBlob", atMessage);
    }

    /** 429 {@code TooManyRequests}, transient. */
    public static KustoError throttled() {
        return new KustoError(
                429,
                "TooManyRequests",
                "Request is denied due to throttling.",
                "Kusto.DataNode.Exceptions.KustoRequestThrottledException",
                "The request was denied due to throttling (emulator fault injection).",
                false);
    }

    /** A transient server failure: 500 {@code General_InternalServerError} or 503 {@code ServiceUnavailable}. */
    public static KustoError transientServerError(int status, String atMessage) {
        return new KustoError(
                status,
                status == 503 ? "ServiceUnavailable" : "General_InternalServerError",
                status == 503 ? "Service is unavailable." : "An internal server error occurred.",
                "Kusto.Data.Exceptions.KustoServiceException",
                atMessage,
                false);
    }

    /** A permanent 400 with Kusto's general message. */
    private static KustoError rejected(String code, String atType, String atMessage) {
        return new KustoError(400, code, BAD_REQUEST_MESSAGE, atType, atMessage, true);
    }
}
