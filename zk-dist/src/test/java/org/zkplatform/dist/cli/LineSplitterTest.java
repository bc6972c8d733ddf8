package org.zkplatform.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    @Test
    void splitsAtRunsOfWhitespace() throws Exception {
        assertEquals(List.of("create", "/a", "data"), LineSplitter.split("  create \t/a   data "));
    }

    @Test
    void quotesKeepSpacesAndAnEmptyPairIsAnEmptyWord() throws Exception {
        assertEquals(List.of("set", "/a", "hello world"), LineSplitter.split("set /a \"hello world\""));
        assertEquals(List.of("set", "/a", "it's here"), LineSplitter.split("set /a \"it's here\""));
        assertEquals(List.of("set", "/a", "say \"hi\""), LineSplitter.split("set /a 'say \"hi\"'"));
        assertEquals(List.of("create", "/a", ""), LineSplitter.split("create /a \"\""));
    }

    @Test
    void quotedPartsJoinTheWordAroundThem() throws Exception {
        assertEquals(List.of("ab c"), LineSplitter.split("a\"b c\""));
    }

    @Test
    void doubleQuotesUnescapeQuoteAndBackslashOnly() throws Exception {
        assertEquals(List.of("a\"b\\c\\n"), LineSplitter.split("\"a\\\"b\\\\c\\n\""));
    }

    @Test
    void backslashesOutsideQuotesStayAsTheyAre() throws Exception {
        assertEquals(List.of("set", "/a", "C:\\dir\\x"), LineSplitter.split("set /a C:\\dir\\x"));
    }

    @Test
    void anUnterminatedQuoteIsAUsageError() {
        CliException e = assertThrows(CliException.class, () -> LineSplitter.split("set /a \"oops"));
        assertEquals(CliExit.USAGE, e.exit());
        assertEquals("unterminated \" quote", e.getMessage());
        assertThrows(CliException.class, () -> LineSplitter.split("set /a 'oops"));
    }
}
