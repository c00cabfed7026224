package io.kustotyped.it.quoting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kustotyped.processor.codegen.Quoting;
import io.kustotyped.runtime.Kql;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The processor quotes names in the commands it generates and the runtime quotes names in the commands it builds at
 * run time (drift checks, the CLI, the sample): one implementation per side of the processor boundary, which must
 * agree on every input (docs/kusto-rules.md §5.2, §3.2).
 */
class QuotingAgreementTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Orders",
                "where",
                "My Table.v2-x",
                "it's",
                "a'b\"c",
                "say \"hi\"",
                "back\\slash",
                "line\nbreak",
                "cr\rtab\t",
                "\u0001\u001f",
                "Größe",
                ""
            })
    void runtimeAndProcessorQuoteAlike(String text) {
        assertEquals(Quoting.kqlBracket(text), Kql.bracket(text), "bracket");
        assertEquals(Quoting.kqlDoubleQuoted(text), Kql.string(text), "string literal");
    }
}
