package dev.trustml.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages that refer to settings: the library's words by default, a caller's names on demand. */
class MessageTest {
  private static final Message FPR_OUT_OF_RANGE =
      Message.of(Message.ref(Setting.FPR, "FPR"), " value ", 2.0, " is outside (0, 1)");

  @Test
  void libraryWordsByDefaultAndCallerNamesOnRequest() {
    assertEquals("FPR value 2.0 is outside (0, 1)", FPR_OUT_OF_RANGE.toString());
    assertEquals(
        "--fpr value 2.0 is outside (0, 1)",
        FPR_OUT_OF_RANGE.render(s -> s == Setting.FPR ? "--fpr" : null));
    // A caller without a name for the setting keeps the library's words.
    assertEquals("FPR value 2.0 is outside (0, 1)", FPR_OUT_OF_RANGE.render(s -> null));
  }

  @Test
  void aWrappingMessageKeepsTheInnerReferences() {
    Message wrapped =
        Message.of(
            "members.csv: ",
            FPR_OUT_OF_RANGE,
            "; or pass ",
            Message.ref(Setting.TEXT_COLUMN, "another text column"));
    assertEquals(List.of(Setting.FPR, Setting.TEXT_COLUMN), wrapped.settings());
    assertEquals(
        "members.csv: --fpr value 2.0 is outside (0, 1); or pass --text-column",
        wrapped.render(s -> s == Setting.FPR ? "--fpr" : "--text-column"));
    assertEquals(
        "members.csv: FPR value 2.0 is outside (0, 1); or pass another text column",
        wrapped.toString());
  }

  @Test
  void exceptionsCarryTheMessageAndTheirExitCode() {
    UsageException e = new UsageException(FPR_OUT_OF_RANGE);
    assertEquals(ExitCode.USAGE, e.exitCode());
    assertEquals("FPR value 2.0 is outside (0, 1)", e.getMessage());
    assertEquals("--fpr value 2.0 is outside (0, 1)", e.message(s -> "--fpr"));
    // A plain-text message has nothing to rename.
    BadInputException plain = new BadInputException("x.csv: file not found; check the path");
    assertEquals(List.of(), plain.message().settings());
    assertEquals("x.csv: file not found; check the path", plain.message(s -> "--never"));
  }
}
