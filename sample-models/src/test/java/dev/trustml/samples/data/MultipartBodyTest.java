package dev.trustml.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {

  @Test
  void splitsBetweenDelimitersDroppingPreambleAndEpilogue() {
    String body = "preamble\n--b\npart one\n--b  \npart two\n--b--\nepilogue\n--b\nnot a part\n";
    assertEquals(List.of("part one\n", "part two\n"), MultipartBody.split(body, "b"));
  }

  @Test
  void missingCloseDelimiterEndsTheLastPartAtTheEnd() {
    assertEquals(List.of("only\n", "last\n"), MultipartBody.split("--b\nonly\n--b\nlast", "b"));
  }

  @Test
  void innerBoundaryThatExtendsTheOuterOneIsNotADelimiter() {
    // Outlook's habit: outer "----=_X", inner "----=_XAA".
    String body = "------=_X\n------=_XAA\ninner\n------=_XAA--\n------=_X--\n";
    assertEquals(
        List.of("------=_XAA\ninner\n------=_XAA--\n"), MultipartBody.split(body, "----=_X"));
  }

  @Test
  void emptyOrAbsentBoundaryGivesNoParts() {
    assertEquals(List.of(), MultipartBody.split("--b\nx\n", ""));
    assertEquals(List.of(), MultipartBody.split("no delimiters here\n", "b"));
  }
}
