package io.kustotyped.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KustoNamesTest {

    @Test
    void quotesEveryNameSoThatAnyLegalNameWorks() {
        assertEquals("['Logs']", KustoNames.bracket("Logs"));
        assertEquals("['My table.v2-old']", KustoNames.bracket("My table.v2-old"));
        assertEquals("['where']", KustoNames.bracket("where"));
    }

    @Test
    void switchesToDoubleQuotesAndEscapesWhenTheNameHoldsAQuote() {
        assertEquals("[\"it's\"]", KustoNames.bracket("it's"));
        assertEquals("[\"say \\\"hi\\\" it's\"]", KustoNames.bracket("say \"hi\" it's"));
        assertEquals("['back\\\\slash']", KustoNames.bracket("back\\slash"));
    }
}
