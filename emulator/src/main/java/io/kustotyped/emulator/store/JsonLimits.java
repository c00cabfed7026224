package io.kustotyped.emulator.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The limits on every JSON text the emulator reads from a client: ingested records, dynamic values, mappings,
 * policies and request bodies.
 *
 * <p>One depth limit for all of them keeps a promise: a value the emulator accepted can always be written back. A
 * record may nest {@value #MAX_DEPTH} levels, so a dynamic value in it is at most {@value #MAX_DEPTH} levels deep;
 * the query responses and the row files wrap it in a handful more, far below Jackson's write limit (1000). Without
 * this, a 998-deep value would be accepted and then fail every query of its table.
 */
public final class JsonLimits {
    /** The deepest nesting of objects and arrays in one JSON text (a record counts as level 1). */
    public static final int MAX_DEPTH = 128;

    /** The most characters one JSON number may have. */
    public static final int MAX_NUMBER_LENGTH = 1000;

    /** The Jackson read constraints of {@link #MAX_DEPTH} and {@link #MAX_NUMBER_LENGTH}. */
    public static final StreamReadConstraints READ = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build();

    private JsonLimits() {}

    /** @return a mapper builder whose parsers read with {@link #READ} */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder(
                JsonFactory.builder().streamReadConstraints(READ).build());
    }

    /** @return a default mapper whose parsers read with {@link #READ} */
    public static JsonMapper mapper() {
        return builder().build();
    }

    /**
     * Describes a read failure for an error message: what was wrong and where. Jackson's constraint violations carry
     * no location, so the parser's current one is used when given.
     *
     * @param e the failure
     * @param parser the parser that failed, or {@code null}
     * @return e.g. {@code "nesting deeper than 128 levels at line 1, column 130"}
     */
    public static String describe(JsonProcessingException e, JsonParser parser) {
        JsonLocation at = e.getLocation();
        if (at == null && parser != null) {
            at = parser.currentLocation();
        }
        String what;
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getOriginalMessage());
            if (m.contains("nesting depth")) {
                what = "nesting deeper than " + MAX_DEPTH + " levels";
            } else if (m.contains("Number value length") || m.contains("number length")) {
                what = "a number longer than " + MAX_NUMBER_LENGTH + " characters";
            } else {
                what = "a value beyond the emulator's limits (" + m + ")";
            }
        } else {
            what = String.valueOf(e.getOriginalMessage());
        }
        return at == null || at.getLineNr() < 0
                ? what
                : what + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
