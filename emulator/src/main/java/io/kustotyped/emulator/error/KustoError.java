package io.kustotyped.emulator.error;

import java.util.Objects;

/**
 * A Kusto service error: an HTTP status plus the OneApi error fields (docs/kusto-rules.md §1.5).
 *
 * <p>Everything the emulator refuses is thrown as one of these; the HTTP layer turns it into the
 * {@code {"error":{...}}} body (see {@code http.OneApiError}). The factories name the codes
 * the reference lists, so one error always has the same status, code and {@code @type}.
 */
public class KustoError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The general {@code message} Kusto puts on every 400. */
    public static final String BAD_REQUEST_MESSAGE = "Request is invalid and cannot be executed.";

    private final int httpStatus;
    private final String code;
    private final String atType;
    private final String atMessage;
    private final boolean permanent;

    /**
     * Creates an error.
     *
     * @param httpStatus the HTTP status of the response
     * @param code the OneApi {@code code} (the "subcode" clients switch on)
     * @param message the general OneApi {@code message}
     * @param atType the {@code @type} (a .NET exception type name)
     * @param atMessage the specific {@code @message} clients show as the description
     * @param permanent the {@code @permanent} flag clients use to decide whether to retry
     */
    public KustoError(int httpStatus, String code, String message, String atType, String atMessage, boolean permanent) {
        super(Objects.requireNonNull(message, "message"));
        this.httpStatus = httpStatus;
        this.code = Objects.requireNonNull(code, "code");
        this.atType = Objects.requireNonNull(atType, "atType");
        this.atMessage = Objects.requireNonNull(atMessage, "atMessage");
        this.permanent = permanent;
    }

    /** @return the HTTP status */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the OneApi {@code code} */
    public String code() {
        return code;
    }

    /** @return the OneApi {@code @type} */
    public String atType() {
        return atType;
    }

    /** @return the OneApi {@code @message} */
    public String atMessage() {
        return atMessage;
    }

    /** @return the OneApi {@code @permanent} flag */
    public boolean permanent() {
        return permanent;
    }

    @Override
    public String toString() {
        return "KustoError[" + httpStatus + " " + code + ": " + atMessage + "]";
    }

    // ---- factories (docs/kusto-rules.md §1.5, §1.6, §1.7, §9.2) --------------------------------------------

    /** A permanent 400 with the given code and description, {@code @type} KustoBadRequestException. */
    public static KustoError badRequest(String code, String atMessage) {
        return new KustoError(
                400, code, BAD_REQUEST_MESSAGE, "Kusto.Data.Exceptions.KustoBadRequestException", atMessage, true);
    }

    /** 400 {@code General_BadRequest}: a semantic error in a command or query. */
    public static KustoError generalBadRequest(String atMessage) {
        return new KustoError(
                400,
                "General_BadRequest",
                BAD_REQUEST_MESSAGE,
                "Kusto.Data.Exceptions.SemanticException",
                atMessage,
                true);
    }

    /** 400 {@code BadRequest_SyntaxError}: a command or query that does not parse. */
    public static KustoError syntaxError(String atMessage) {
        return new KustoError(
                400,
                "BadRequest_SyntaxError",
                BAD_REQUEST_MESSAGE,
                "Kusto.Data.Exceptions.SyntaxException",
                atMessage,
                true);
    }

    /** 400 {@code BadRequest_DatabaseNotExist} (docs/kusto-rules.md §9.2.2). */
    public static KustoError databaseNotExist(String database) {
        return new KustoError(
                400,
                "BadRequest_DatabaseNotExist",
                BAD_REQUEST_MESSAGE,
                "Kusto.Data.Exceptions.DatabaseNotFoundException",
                "Entity name '" + database + "' of kind 'Database' does not exist.",
                true);
    }

    /** 400 {@code BadRequest_TableNotExist}: "Entity 'T' of kind 'Table' wasn't found." (§9.2.3). */
    public static KustoError tableNotExist(String database, String table) {
        return new KustoError(
                400,
                "BadRequest_TableNotExist",
                BAD_REQUEST_MESSAGE,
                "Kusto.Data.Exceptions.TableNotFoundException",
                "Entity '" + table + "' of kind 'Table' wasn't found."
                        + (database == null ? "" : " (database '" + database + "')"),
                true);
    }

    /** 400 {@code BadRequest_EntityNotFound} for any other kind of entity (a column, a policy...). */
    public static KustoError entityNotFound(String kind, String name) {
        return new KustoError(
                400,
                "BadRequest_EntityNotFound",
                BAD_REQUEST_MESSAGE,
                "Kusto.Data.Exceptions.EntityNotFoundException",
                "Entity '" + name + "' of kind '" + kind + "' wasn't found.",
                true);
    }

    /** 400 {@code BadRequest_MappingReferenceWasNotFound} (docs/kusto-rules.md §1.5, §9.2.5). */
    public static KustoError mappingNotFound(String database, String mappingName, String kind) {
        return new KustoError(
                400,
                "BadRequest_MappingReferenceWasNotFound",
                BAD_REQUEST_MESSAGE,
                "Kusto.Data.Exceptions.MappingNotFoundException",
                "Mapping reference '" + mappingName + "' of type 'mappingReference' in database '" + database
                        + "' could not be found" + (kind == null ? "." : " (kind '" + kind + "')."),
                true);
    }

    /** 400 {@code BadRequest_InvalidMapping}: a mapping that cannot be accepted. */
    public static KustoError invalidMapping(String atMessage) {
        return new KustoError(
                400,
                "BadRequest_InvalidMapping",
                BAD_REQUEST_MESSAGE,
                "Kusto.Data.Exceptions.MappingNotValidException",
                atMessage,
                true);
    }

    /** 400 {@code BadRequest_DuplicateMapping}: {@code .create} of a mapping name that exists. */
    public static KustoError duplicateMapping(String kind, String name) {
        return new KustoError(
                400,
                "BadRequest_DuplicateMapping",
                BAD_REQUEST_MESSAGE,
                "Kusto.Data.Exceptions.DuplicateMappingException",
                "Mapping '" + name + "' of kind '" + kind + "' already exists.",
                true);
    }

    /** 400 {@code BadRequest_FormatNotSupported}. */
    public static KustoError formatNotSupported(String atMessage) {
        return new KustoError(
                400,
                "BadRequest_FormatNotSupported",
                BAD_REQUEST_MESSAGE,
                "Kusto.Data.Exceptions.FormatNotSupportedException",
                atMessage,
                true);
    }

    /** 400 {@code BadRequest_StreamingIngestionPolicyNotEnabled} (docs/kusto-rules.md §1.6). */
    public static KustoError streamingPolicyNotEnabled(String database, String table) {
        return new KustoError(
                400,
                "BadRequest_StreamingIngestionPolicyNotEnabled",
                BAD_REQUEST_MESSAGE,
                "Kusto.DataNode.Exceptions.StreamingIngestionPolicyNotEnabledException",
                "Streaming ingestion policy is not enabled for the table '" + table + "' in database '"
                        + database + "'. Enable it with '.alter table " + table
                        + " policy streamingingestion enable' (or on the database).",
                true);
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
}
