package io.gridpulse.replay.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldSplitterTest {

    private final FieldSplitter commas = new FieldSplitter(',');

    @Test
    void shouldTrimUnquotedFieldsAndKeepEmptyOnes() {
        assertThat(commas.split(" a , b,,c ,")).containsExactly("a", "b", "", "c", "");
        assertThat(commas.split("one")).containsExactly("one");
        assertThat(commas.split("a,b\r")).containsExactly("a", "b");
    }

    @Test
    void shouldKeepDelimitersQuotesAndSpacesInsideQuotes() {
        assertThat(commas.split("\"a,b\",\"say \"\"hi\"\"\",\" c \""))
                .containsExactly("a,b", "say \"hi\"", " c ");
        assertThat(commas.split("\"\",\"\"\"\"")).containsExactly("", "\"");
        assertThat(commas.split("  \"x\"  ,y")).containsExactly("x", "y");
    }

    @Test
    void shouldTreatAQuoteInsideAnUnquotedFieldAsText() {
        assertThat(commas.split("5\" pipe,2")).containsExactly("5\" pipe", "2");
    }

    @Test
    void shouldStopAtTheLimit() {
        assertThat(commas.split("a,b,c,\"never closed", 3)).containsExactly("a", "b", "c");
        assertThat(commas.split("a,b", 3)).containsExactly("a", "b");
    }

    @Test
    void shouldGrowPastSixteenFields() {
        String line = "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19";

        assertThat(commas.split(line)).hasSize(20).endsWith("18", "19");
        assertThat(commas.split(line, 18)).hasSize(18).endsWith("16", "17");
    }

    @Test
    void shouldNotTrimTheDelimiterWhenItIsWhiteSpace() {
        assertThat(new FieldSplitter('\t').split(" a \t\t b ")).containsExactly("a", "", "b");
        assertThat(new FieldSplitter(' ').split("a  b")).containsExactly("a", "", "b");
    }

    @Test
    void shouldRejectTextAfterAClosingQuote() {
        assertThatThrownBy(() -> commas.split("a,\"b\"c,d"))
                .isInstanceOf(CsvLineException.class)
                .hasMessageStartingWith("field 2: text after the closing quote: \"b\"c");
    }
}
