package dev.trustml.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabeledTextCsvTest {

  private static final List<String> AWKWARD_TEXTS =
      List.of(
          "plain words",
          "a, comma",
          "say \"hi\", then leave",
          "two\nlines",
          "crlf\r\nline",
          " leading and trailing spaces ",
          "\"",
          "ends with a newline\n",
          "unicode caf\u00E9 \u20AC \uD83D\uDE00",
          "#not a comment");

  @Test
  void roundTripsTextsWithCommasQuotesAndLineBreaks() throws Exception {
    List<LabeledText> rows = AWKWARD_TEXTS.stream().map(t -> new LabeledText(t, "spam")).toList();
    StringWriter out = new StringWriter();
    LabeledTextCsv.write(rows, out);

    List<LabeledText> back = LabeledTextCsv.read(new StringReader(out.toString()), "t.csv");
    assertEquals(AWKWARD_TEXTS, back.stream().map(LabeledText::text).toList());
    assertEquals(List.of("spam"), back.stream().map(LabeledText::label).distinct().toList());
  }

  @Test
  void writesRfc4180QuotingWithLfRecordEnds() throws Exception {
    StringWriter out = new StringWriter();
    LabeledTextCsv.write(
        List.of(
            new LabeledText("plain", "positive"), new LabeledText("say \"hi\", ok", "negative")),
        out);
    // RFC 4180 section 2, rules 6-7: fields with commas or quotes are quoted, quotes doubled.
    assertEquals("text,label\nplain,positive\n\"say \"\"hi\"\", ok\",negative\n", out.toString());
  }

  @Test
  void readRejectsAHeaderWithoutTheColumns() {
    assertThrows(
        BadInputException.class,
        () -> LabeledTextCsv.read(new StringReader("sentence,label\nx,y\n"), "t.csv"));
  }
}
