package io.kustotyped.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kustotyped.runtime.ErrorRules.Hint;
import io.kustotyped.runtime.ErrorRules.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The classifier against the error codes Kusto documents (docs/kusto-rules.md §1.5, §1.6). */
class ErrorRulesTest {

    /** The documented codes and what they must mean; permanence as the error-codes page and .NET client say. */
    private static final Map<String, Kind> DOCUMENTED = Map.ofEntries(
            Map.entry("BadRequest_TableNotExist", Kind.TARGET_MISSING),
            Map.entry("BadRequest_DatabaseNotExist", Kind.TARGET_MISSING),
            Map.entry("BadRequest_EntityNotFound", Kind.TARGET_MISSING),
            Map.entry("BadRequest_MappingReferenceWasNotFound", Kind.TARGET_MISSING),
            Map.entry("BadRequest_InvalidMapping", Kind.TARGET_MISSING),
            Map.entry("BadRequest_InvalidMappingReference", Kind.TARGET_MISSING),
            Map.entry("BadRequest_InconsistentMapping", Kind.TARGET_MISSING),
            Map.entry("BadRequest_EmptyMappingReference", Kind.TARGET_MISSING),
            Map.entry("BadRequest_MissingMappingtFailure", Kind.TARGET_MISSING),
            Map.entry("BadRequest_StreamingIngestionPolicyNotEnabled", Kind.TARGET_MISSING),
            Map.entry("BadRequest_FormatNotSupported", Kind.TARGET_MISSING),
            Map.entry("BadRequest_InvalidOrEmptyTableName", Kind.TARGET_MISSING),
            Map.entry("BadRequest_EntityNameIsNotValid", Kind.TARGET_MISSING),
            Map.entry("BadRequest_TableAccessDenied", Kind.TARGET_MISSING),
            Map.entry("BadRequest_DatabaseAccessDenied", Kind.TARGET_MISSING),
            Map.entry("Forbidden", Kind.TARGET_MISSING),
            Map.entry("BadRequest_InvalidKustoIdentityToken", Kind.TARGET_MISSING),
            Map.entry("BadRequest_NoRecordsOrWrongFormat", Kind.PERMANENT),
            Map.entry("BadRequest_InvalidBlob", Kind.PERMANENT),
            Map.entry("BadRequest_DuplicateMapping", Kind.PERMANENT),
            Map.entry("BadRequest_MalformedIngestionProperty", Kind.PERMANENT),
            Map.entry("BadRequest_IngestionPropertyNotSupportedInThisContext", Kind.PERMANENT),
            Map.entry("BadRequest_SyntaxError", Kind.PERMANENT),
            Map.entry("General_BadRequest", Kind.PERMANENT),
            Map.entry("Stream_NoDataToIngest", Kind.PERMANENT),
            Map.entry("Stream_WrongNumberOfFields", Kind.PERMANENT),
            Map.entry("Stream_DynamicPropertyBagTooLarge", Kind.PERMANENT),
            Map.entry("Conflict", Kind.PERMANENT),
            Map.entry("Stream_InputStreamTooLarge", Kind.TOO_LARGE),
            Map.entry("TooManyRequests", Kind.TRANSIENT),
            Map.entry("RequestExecutionTimeout", Kind.TRANSIENT),
            Map.entry("General_InternalServerError", Kind.TRANSIENT),
            Map.entry("General_TransientSchemaMismatch", Kind.TRANSIENT),
            Map.entry("Timeout", Kind.TRANSIENT),
            Map.entry("OutOfMemory", Kind.TRANSIENT),
            Map.entry("General_ThrottledIngestion", Kind.TRANSIENT),
            Map.entry("UpdatePolicy_IngestionError", Kind.TRANSIENT),
            Map.entry("UpdatePolicy_UnknownError", Kind.TRANSIENT),
            Map.entry("UpdatePolicy_FailedDescendantTransaction", Kind.TRANSIENT),
            Map.entry("Unknown", Kind.TRANSIENT));

    @Test
    void everyDocumentedCodeHasItsDocumentedMeaningWhateverTheStatusAndPermanentFlag() {
        DOCUMENTED.forEach((code, kind) -> {
            for (int status : new int[] {400, 404, 500, 503}) {
                assertEquals(kind, ErrorRules.classify(status, code, null).kind(), code + " with " + status);
                assertEquals(
                        kind,
                        ErrorRules.classify(status, code.toLowerCase(), !kind.equals(Kind.TRANSIENT))
                                .kind());
            }
        });
    }

    @Test
    void theTargetErrorsCarryTheHintThatFixesThem() {
        assertEquals(
                Hint.TABLE_MISSING,
                ErrorRules.classify(400, "BadRequest_TableNotExist", true).hint());
        assertEquals(
                Hint.MAPPING_MISSING,
                ErrorRules.classify(400, "BadRequest_MappingReferenceWasNotFound", true)
                        .hint());
        assertEquals(
                Hint.MAPPING_INCONSISTENT,
                ErrorRules.classify(400, "BadRequest_InconsistentMapping", true).hint());
        assertEquals(
                Hint.STREAMING_POLICY_OFF,
                ErrorRules.classify(400, "BadRequest_StreamingIngestionPolicyNotEnabled", true)
                        .hint());
        assertEquals(
                Hint.DATABASE_MISSING,
                ErrorRules.classify(400, "BadRequest_DatabaseNotExist", true).hint());
        assertEquals(
                Hint.PERMISSION, ErrorRules.classify(403, "Forbidden", true).hint());
        assertEquals(Hint.TOKEN, ErrorRules.classify(401, null, null).hint());
        assertEquals(
                Hint.STREAMING_CLUSTER_OFF, ErrorRules.classify(404, null, null).hint());
    }

    @Test
    void withoutAKnownCodeTheStatusAndThePermanentFlagDecide() {
        assertEquals(
                Kind.TRANSIENT,
                ErrorRules.classify(429, "BadRequest_InvalidBlob", true).kind(),
                "429 always");
        assertEquals(Kind.TRANSIENT, ErrorRules.classify(429, null, null).kind());
        assertEquals(Kind.TOO_LARGE, ErrorRules.classify(413, null, null).kind());
        assertEquals(Kind.TARGET_MISSING, ErrorRules.classify(401, null, null).kind());
        assertEquals(
                Kind.TARGET_MISSING,
                ErrorRules.classify(403, "SomethingNew", null).kind());
        assertEquals(Kind.TRANSIENT, ErrorRules.classify(500, null, null).kind());
        assertEquals(Kind.TRANSIENT, ErrorRules.classify(502, null, null).kind());
        assertEquals(Kind.TRANSIENT, ErrorRules.classify(408, null, null).kind());
        assertEquals(
                Kind.PERMANENT, ErrorRules.classify(500, "SomethingNew", true).kind(), "@permanent: true");
        assertEquals(
                Kind.TRANSIENT, ErrorRules.classify(400, "SomethingNew", false).kind(), "@permanent: false");
        assertEquals(
                Kind.PERMANENT, ErrorRules.classify(400, "SomethingNew", null).kind());
    }

    @Test
    void onlyAnswersGivenBeforeExecutionProveNothingWasCommitted() {
        assertTrue(ErrorRules.provesNotCommitted(error(429, null)));
        assertTrue(ErrorRules.provesNotCommitted(error(401, null)));
        assertTrue(ErrorRules.provesNotCommitted(error(403, "Forbidden")));
        assertTrue(ErrorRules.provesNotCommitted(error(404, null)));
        assertTrue(ErrorRules.provesNotCommitted(error(413, null)));
        assertTrue(ErrorRules.provesNotCommitted(error(400, "BadRequest_InvalidBlob")));
        assertTrue(ErrorRules.provesNotCommitted(error(400, "General_TransientSchemaMismatch")));
        assertFalse(ErrorRules.provesNotCommitted(error(400, null)), "a 400 without a Kusto code: a proxy");
        assertFalse(ErrorRules.provesNotCommitted(error(408, "Timeout")));
        assertFalse(ErrorRules.provesNotCommitted(error(500, "General_InternalServerError")));
        assertFalse(ErrorRules.provesNotCommitted(error(503, null)));
        assertFalse(ErrorRules.provesNotCommitted(error(504, "RequestExecutionTimeout")));
        assertFalse(ErrorRules.provesNotCommitted(new KustoTransportException("closed", null, "id", true)));
        assertTrue(ErrorRules.provesNotCommitted(new KustoTransportException("refused", null, "id", false)));
        assertTrue(ErrorRules.provesNotCommitted(new IllegalStateException("no token")));
    }

    @Test
    void theExceptionAnswersFromTheSameTable() {
        KustoServiceException tooLarge = error(400, "Stream_InputStreamTooLarge");
        assertTrue(tooLarge.isPayloadTooLarge());
        assertFalse(tooLarge.isTransient());
        KustoServiceException throttled = error(429, null);
        assertTrue(throttled.isTransient() && throttled.isThrottled());
        assertTrue(error(500, null).isTransient());
        assertFalse(error(400, "BadRequest_TableNotExist").isTransient());
        KustoServiceException unauthorized = error(401, null);
        assertTrue(unauthorized.hint().orElseThrow().contains("KUSTO_ACCESS_TOKEN"));
        KustoServiceException hinted = ServiceErrors.withHint(unauthorized, "do this");
        assertEquals("do this", hinted.hint().orElseThrow());
        assertEquals(401, hinted.status());
        assertTrue(hinted.getMessage().endsWith(". do this"), hinted.getMessage());
    }

    /** Every Kusto error code docs/kusto-rules.md §1.5 and §1.6 name is in the table (when the doc is present). */
    @Test
    void everyCodeTheKustoRulesDocumentNamesIsClassified() throws IOException {
        Path doc = Path.of("..", "docs", "kusto-rules.md");
        assumeTrue(Files.exists(doc), "docs/kusto-rules.md is not in this checkout");
        String text = Files.readString(doc);
        int start = text.indexOf("### 1.5");
        int end = text.indexOf("### 1.7", start);
        assertTrue(start >= 0 && end > start, "docs/kusto-rules.md has sections 1.5 to 1.7");
        Matcher m = Pattern.compile("`((?:BadRequest|General|Stream|UpdatePolicy)_[A-Za-z_]+)`")
                .matcher(text.substring(start, end));
        List<String> unknown = new ArrayList<>();
        int seen = 0;
        while (m.find()) {
            seen++;
            if (ErrorRules.forCode(m.group(1)) == null) {
                unknown.add(m.group(1));
            }
        }
        assertTrue(seen > 10, "found only " + seen + " codes in docs/kusto-rules.md §1.5-1.6");
        assertEquals(List.of(), unknown, "codes docs/kusto-rules.md names that the classifier does not know");
    }

    private static KustoServiceException error(int status, String code) {
        KustoServiceException k = ServiceErrors.create(
                new ServiceErrors.Answer(status, code, null, null, null, null, null, "id", null, null));
        assertNotNull(k);
        return k;
    }

    @Test
    void certificateAndProxyFailuresInTheErrorRules() {
        KustoTlsException tls = new KustoTlsException("h", "m", null, "id");
        assertEquals(ErrorRules.Kind.PERMANENT, ErrorRules.kindOf(tls));
        assertTrue(ErrorRules.provesNotCommitted(tls), "nothing reached the cluster");
        KustoProxyException auth = new KustoProxyException("m", 407, null, "id");
        assertEquals(ErrorRules.Kind.PERMANENT, ErrorRules.kindOf(auth));
        assertTrue(ErrorRules.provesNotCommitted(auth));
        assertEquals(ErrorRules.Kind.TRANSIENT, ErrorRules.kindOf(new KustoProxyException("m", 502, null, "id")));
    }
}
