package io.kustotyped.runtime;

import java.util.Locale;
import java.util.Map;

/**
 * The one classifier of Kusto errors: a table from the Kusto error code ({@code error.code}) to what the error means
 * for the request that got it and what the user should do, with the HTTP status as the fallback, and the rule that
 * decides whether an answer proves the request was not committed. Sources: docs/kusto-rules.md §1.5 and §1.6,
 * docs/ingest-outcomes.md. Internal.
 */
final class ErrorRules {

    private ErrorRules() {}

    /** What an error means for the request that got it. */
    public enum Kind {
        /** Trying the same request again may succeed (throttling, a server error, a timeout). */
        TRANSIENT,
        /** This request can never succeed (bad data, bad request); other requests may. */
        PERMANENT,
        /**
         * The target is missing or refuses the caller (database, table, mapping, streaming policy, token,
         * permission): every request of the call would fail the same way, so the call stops reading its input.
         */
        TARGET_MISSING,
        /** The body is too large: halve it and send the halves. */
        TOO_LARGE
    }

    /** What the user should do; {@link ErrorHints} writes it out, for a table when one is known. */
    public enum Hint {
        NONE,
        /** 401: the token is missing, expired or for another resource. */
        TOKEN,
        /** 403: the principal lacks a role. */
        PERMISSION,
        DATABASE_MISSING,
        TABLE_MISSING,
        /** The mapping is missing or invalid: (re)create it. */
        MAPPING_MISSING,
        /** The mapping does not match the table's columns. */
        MAPPING_INCONSISTENT,
        STREAMING_POLICY_OFF,
        STREAMING_CLUSTER_OFF
    }

    /** A row of the table. */
    public record Rule(Kind kind, Hint hint) {}

    private static Rule rule(Kind kind, Hint hint) {
        return new Rule(kind, hint);
    }

    private static Rule rule(Kind kind) {
        return new Rule(kind, Hint.NONE);
    }

    /**
     * Known codes (exact, case-insensitive). Documented ones: the ingestion error codes page
     * (https://learn.microsoft.com/azure/data-explorer/error-codes) and the .NET client's exception table
     * (https://learn.microsoft.com/kusto/api/netfx/kusto-data-client-errors); the streaming ones are seen in the
     * field (docs/kusto-rules.md §1.6).
     */
    static final Map<String, Rule> CODES = Map.ofEntries(
            // The target is missing or unusable: every request would fail the same way.
            Map.entry("BadRequest_TableNotExist", rule(Kind.TARGET_MISSING, Hint.TABLE_MISSING)),
            Map.entry("BadRequest_DatabaseNotExist", rule(Kind.TARGET_MISSING, Hint.DATABASE_MISSING)),
            Map.entry("BadRequest_EntityNotFound", rule(Kind.TARGET_MISSING, Hint.TABLE_MISSING)),
            Map.entry("NotFound", rule(Kind.TARGET_MISSING, Hint.DATABASE_MISSING)),
            Map.entry("BadRequest_MappingReferenceWasNotFound", rule(Kind.TARGET_MISSING, Hint.MAPPING_MISSING)),
            Map.entry("BadRequest_InvalidMappingReference", rule(Kind.TARGET_MISSING, Hint.MAPPING_MISSING)),
            Map.entry("BadRequest_EmptyMappingReference", rule(Kind.TARGET_MISSING, Hint.MAPPING_MISSING)),
            Map.entry("BadRequest_MissingMappingtFailure", rule(Kind.TARGET_MISSING, Hint.MAPPING_MISSING)),
            Map.entry("BadRequest_InvalidMapping", rule(Kind.TARGET_MISSING, Hint.MAPPING_MISSING)),
            Map.entry("BadRequest_InconsistentMapping", rule(Kind.TARGET_MISSING, Hint.MAPPING_INCONSISTENT)),
            Map.entry(
                    "BadRequest_StreamingIngestionPolicyNotEnabled",
                    rule(Kind.TARGET_MISSING, Hint.STREAMING_POLICY_OFF)),
            Map.entry(
                    "BadRequest_StreamingIngestionDisabledForCluster",
                    rule(Kind.TARGET_MISSING, Hint.STREAMING_CLUSTER_OFF)),
            Map.entry("StreamingIngestionFunctionalityDisabled", rule(Kind.TARGET_MISSING, Hint.STREAMING_CLUSTER_OFF)),
            Map.entry("BadRequest_DatabaseNotSpecified", rule(Kind.TARGET_MISSING)),
            Map.entry("BadRequest_FormatNotSupported", rule(Kind.TARGET_MISSING)),
            Map.entry("BadRequest_InvalidOrEmptyTableName", rule(Kind.TARGET_MISSING)),
            Map.entry("BadRequest_EntityNameIsNotValid", rule(Kind.TARGET_MISSING)),
            Map.entry("BadRequest_TableAccessDenied", rule(Kind.TARGET_MISSING, Hint.PERMISSION)),
            Map.entry("BadRequest_DatabaseAccessDenied", rule(Kind.TARGET_MISSING, Hint.PERMISSION)),
            Map.entry("Forbidden", rule(Kind.TARGET_MISSING, Hint.PERMISSION)),
            Map.entry("BadRequest_InvalidKustoIdentityToken", rule(Kind.TARGET_MISSING, Hint.TOKEN)),
            Map.entry("Unauthorized", rule(Kind.TARGET_MISSING, Hint.TOKEN)),
            // This request's data or text is wrong: it can never succeed, other requests may.
            Map.entry("BadRequest_NoRecordsOrWrongFormat", rule(Kind.PERMANENT)),
            Map.entry("BadRequest_InvalidBlob", rule(Kind.PERMANENT)),
            Map.entry("BadRequest_EmptyBlob", rule(Kind.PERMANENT)),
            Map.entry("BadRequest_EmptyArchive", rule(Kind.PERMANENT)),
            Map.entry("BadRequest_InvalidArchive", rule(Kind.PERMANENT)),
            Map.entry("BadRequest_UnexpectedCharacterInInputStream", rule(Kind.PERMANENT)),
            Map.entry("Stream_NoDataToIngest", rule(Kind.PERMANENT)),
            Map.entry("Stream_WrongNumberOfFields", rule(Kind.PERMANENT)),
            Map.entry("Stream_ClosingQuoteMissing", rule(Kind.PERMANENT)),
            Map.entry("Stream_DynamicPropertyBagTooLarge", rule(Kind.PERMANENT)),
            Map.entry("BadRequest_DuplicateMapping", rule(Kind.PERMANENT)),
            Map.entry("BadRequest_EntityAlreadyExists", rule(Kind.PERMANENT)),
            Map.entry("BadRequest_MalformedIngestionProperty", rule(Kind.PERMANENT)),
            Map.entry("BadRequest_IngestionPropertyNotSupportedInThisContext", rule(Kind.PERMANENT)),
            Map.entry("BadRequest_SyntaxError", rule(Kind.PERMANENT)),
            Map.entry("General_BadRequest", rule(Kind.PERMANENT)),
            Map.entry("BadRequest", rule(Kind.PERMANENT)),
            Map.entry("Conflict", rule(Kind.PERMANENT)),
            // Too large: split.
            Map.entry("Stream_InputStreamTooLarge", rule(Kind.TOO_LARGE)),
            Map.entry("BadRequest_FileTooLarge", rule(Kind.TOO_LARGE)),
            Map.entry("PayloadTooLarge", rule(Kind.TOO_LARGE)),
            // Transient: retry with backoff.
            Map.entry("TooManyRequests", rule(Kind.TRANSIENT)),
            Map.entry("General_ThrottledIngestion", rule(Kind.TRANSIENT)),
            Map.entry("General_InternalServerError", rule(Kind.TRANSIENT)),
            Map.entry("General_TransientSchemaMismatch", rule(Kind.TRANSIENT)),
            Map.entry("General_RetryAttemptsExceeded", rule(Kind.TRANSIENT)),
            Map.entry("Timeout", rule(Kind.TRANSIENT)),
            Map.entry("RequestExecutionTimeout", rule(Kind.TRANSIENT)),
            Map.entry("OutOfMemory", rule(Kind.TRANSIENT)),
            Map.entry("ServiceUnavailable", rule(Kind.TRANSIENT)),
            Map.entry("UpdatePolicy_IngestionError", rule(Kind.TRANSIENT)),
            Map.entry("UpdatePolicy_UnknownError", rule(Kind.TRANSIENT)),
            Map.entry("UpdatePolicy_FailedDescendantTransaction", rule(Kind.TRANSIENT)),
            Map.entry("Unknown", rule(Kind.TRANSIENT)));

    private static final Map<String, Rule> BY_LOWER_CASE = lowerCaseKeys();

    private static Map<String, Rule> lowerCaseKeys() {
        Map.Entry<String, Rule>[] entries = CODES.entrySet().stream()
                .map(e -> Map.entry(e.getKey().toLowerCase(Locale.ROOT), e.getValue()))
                .toArray(Map.Entry[]::new);
        return Map.ofEntries(entries);
    }

    /** The rule of a known code, or null. */
    static Rule forCode(String code) {
        return code == null ? null : BY_LOWER_CASE.get(code.toLowerCase(Locale.ROOT));
    }

    /**
     * Classifies an answer: 429 is always transient; else a known code decides; else the HTTP status (401 and 403:
     * the caller is refused, 404: the database or the streaming endpoint does not exist, 413: too large); else
     * {@code @permanent} when the body says it; else 408 and 5xx are transient and the rest permanent.
     *
     * @param status the HTTP status
     * @param code the Kusto error code, or null
     * @param permanent {@code @permanent}, or null when the body did not say
     */
    public static Rule classify(int status, String code, Boolean permanent) {
        if (status == 429) {
            return rule(Kind.TRANSIENT);
        }
        Rule known = forCode(code);
        if (known != null) {
            return known;
        }
        return switch (status) {
            case 401 -> rule(Kind.TARGET_MISSING, Hint.TOKEN);
            case 403 -> rule(Kind.TARGET_MISSING, Hint.PERMISSION);
            // No code: the endpoint itself is missing, which is what a cluster without streaming answers.
            case 404 -> rule(Kind.TARGET_MISSING, code == null ? Hint.STREAMING_CLUSTER_OFF : Hint.DATABASE_MISSING);
            case 413 -> rule(Kind.TOO_LARGE);
            default -> {
                if (permanent != null) {
                    yield rule(permanent ? Kind.PERMANENT : Kind.TRANSIENT);
                }
                yield rule(status == 408 || status >= 500 ? Kind.TRANSIENT : Kind.PERMANENT);
            }
        };
    }

    /** The rule of a service error. */
    public static Rule classify(KustoServiceException k) {
        return classify(k.status(), k.code().orElse(null), k.permanent().orElse(null));
    }

    /** The kind of any failure: transport failures are transient; what is not a Kusto error is permanent. */
    public static Kind kindOf(Throwable e) {
        if (e instanceof KustoServiceException k) {
            return classify(k).kind();
        }
        if (e instanceof KustoTransportException) {
            return Kind.TRANSIENT;
        }
        if (e instanceof KustoStorageException s) {
            return s.isTransient() ? Kind.TRANSIENT : Kind.PERMANENT;
        }
        if (e instanceof KustoProxyException p) {
            // The proxy refused the tunnel: 407 and 403 stay refused, a 5xx from the proxy may pass. A certificate
            // failure (KustoTlsException) is permanent, as everything else below.
            return p.isTransient() ? Kind.TRANSIENT : Kind.PERMANENT;
        }
        return Kind.PERMANENT;
    }

    /**
     * True when the failure proves the service did not commit the request (docs/ingest-outcomes.md): the request
     * was never fully sent; or the answer is one Kusto gives before it executes anything: 429 (throttled), 401 and
     * 403 (refused), 404 (no such endpoint or entity), 413 (too large), or a 4xx with a Kusto error code (the request
     * failed validation). Every other answer (any 5xx, a 4xx without a Kusto error code such as a proxy's page, a
     * timeout or a closed connection after the whole request was written) leaves the outcome unknown: the request
     * may have been committed.
     */
    public static boolean provesNotCommitted(Throwable e) {
        if (e instanceof KustoTransportException t) {
            return !t.requestSent();
        }
        if (e instanceof KustoStorageException st) {
            // Azure Storage validates and authorizes a request before it runs it: any 4xx but 408 wrote nothing.
            return st.status() >= 400 && st.status() < 500 && st.status() != 408;
        }
        if (e instanceof KustoServiceException k) {
            int s = k.status();
            if (s == 429 || s == 401 || s == 403 || s == 404 || s == 413) {
                return true;
            }
            return s >= 400 && s < 500 && s != 408 && k.code().isPresent();
        }
        // Anything else failed before a request was sent: the token provider, the URL check, the client closed.
        return true;
    }

    // ---------------------------------------------------------------- Azure Storage (queued ingestion)

    /**
     * Whether an Azure Storage error is worth another attempt (https://learn.microsoft.com/rest/api/storageservices/
     * common-rest-api-error-codes): 408, 429, 5xx ({@code ServerBusy}, {@code OperationTimedOut},
     * {@code InternalError}), and 403 and 404 too, because a SAS that expired or a container the Data Management
     * service replaced heal once the ingestion resources are fetched again. Everything else (a 400, 409, 413) is
     * permanent.
     */
    public static boolean storageTransient(int status) {
        return status == 403 || status == 404 || status == 408 || status == 429 || status >= 500;
    }

    // ---------------------------------------------------------------- managed fallback (docs/managed-ingestion.md)

    /** What {@link IngestMode#MANAGED} does with a batch whose streaming attempt failed. */
    public enum Fallback {
        /** No fallback: retry streaming (transient, attempts left) or report the error as streaming does. */
        NONE,
        /** Send this batch queued: it is larger than streaming allows. */
        TOO_LARGE,
        /** Send this batch queued, and the table's next batches for the streaming-off cool-down. */
        STREAMING_OFF,
        /** Send this batch queued, and the table's next batches for the throttling cool-down. */
        THROTTLED,
        /** Send this batch queued: transient failures used up its streaming attempts. */
        TRANSIENT_EXHAUSTED
    }

    /**
     * The decision table of managed mode (docs/managed-ingestion.md, each row with its source): what to do with a
     * batch whose streaming attempt failed with {@code e}.
     *
     * @param e the failure
     * @param attemptsLeft whether the batch has streaming attempts left (within the attempts and the retry budget)
     */
    public static Fallback fallbackOf(Throwable e, boolean attemptsLeft) {
        Rule rule = e instanceof KustoServiceException k ? classify(k) : new Rule(kindOf(e), Hint.NONE);
        if (rule.kind() == Kind.TOO_LARGE) {
            return Fallback.TOO_LARGE;
        }
        if (rule.hint() == Hint.STREAMING_POLICY_OFF || rule.hint() == Hint.STREAMING_CLUSTER_OFF) {
            return Fallback.STREAMING_OFF;
        }
        if (rule.kind() != Kind.TRANSIENT || attemptsLeft) {
            return Fallback.NONE;
        }
        return isThrottling(e) ? Fallback.THROTTLED : Fallback.TRANSIENT_EXHAUSTED;
    }

    /** 429, or a throttling code whatever the status. */
    static boolean isThrottling(Throwable e) {
        if (!(e instanceof KustoServiceException k)) {
            return false;
        }
        String code = k.code().orElse("");
        return k.status() == 429
                || code.equalsIgnoreCase("TooManyRequests")
                || code.equalsIgnoreCase("General_ThrottledIngestion");
    }
}
