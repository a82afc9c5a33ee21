package dev.trustml.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.error.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsJsonTest {
  @TempDir Path dir;

  @Test
  void roundTripKeepsEveryField() throws Exception {
    Files.writeString(dir.resolve("names.txt"), "alice\nbob\ncarol\n");
    CanaryTemplate pin = CanaryTemplate.parse(CanaryTemplateTest.PIN);
    CanaryTemplate name = CanaryTemplate.parse("my name is {word:names.txt}", dir);
    List<PlantedCanary> canaries =
        List.of(
            new PlantedCanary(pin, "greeting", 10, pin.parseSecret("4 8 2 1")),
            new PlantedCanary(name, "3", 1, name.parseSecret("bob")));
    Path file = dir.resolve("secrets.json");
    SecretsJson.write(file, canaries);

    JsonNode json = new ObjectMapper().readTree(file.toFile());
    JsonNode first = json.get("canaries").get(0);
    assertEquals(CanaryTemplateTest.PIN, first.get("template").asText());
    assertEquals("greeting", first.get("label").asText());
    assertEquals(10, first.get("repetitions").asInt());
    assertEquals("4 8 2 1", first.get("secret").asText());

    List<PlantedCanary> back = SecretsJson.read(file);
    assertEquals(2, back.size());
    assertEquals(canaries, back, "records compare template, label, repetitions and secret");
    for (int i = 0; i < 2; i++) {
      assertEquals(canaries.get(i).sentence(), back.get(i).sentence());
      assertEquals(canaries.get(i).label(), back.get(i).label());
      assertEquals(canaries.get(i).repetitions(), back.get(i).repetitions());
      assertEquals(canaries.get(i).secret(), back.get(i).secret());
    }
  }

  @Test
  void auditSetFieldsRoundTripAndHandWrittenSecretsAreNotUniform() throws Exception {
    CanaryTemplate pin = CanaryTemplate.parse(CanaryTemplateTest.PIN);
    List<PlantedCanary> canaries =
        List.of(
            new PlantedCanary("a-1", pin, "greeting", 1, pin.parseSecret("1 2 3 4"), true, true),
            new PlantedCanary("a-2", pin, "greeting", 1, pin.parseSecret("5 6 7 8"), false, true));
    Path file = dir.resolve("audit-set.json");
    SecretsJson.write(file, canaries);
    List<PlantedCanary> back = SecretsJson.read(file);
    assertEquals(canaries, back);
    assertEquals(false, back.get(1).inData());

    Path hand =
        Files.writeString(
            dir.resolve("hand.json"),
            "{\"canaries\":[{\"template\":\"pin {digit}\",\"label\":\"a\","
                + "\"repetitions\":1,\"secret\":\"7\"}]}");
    PlantedCanary c = SecretsJson.read(hand).get(0);
    assertEquals(false, c.uniformSecret(), "no secret_drawn: the secret may be hand-picked");
    assertEquals(null, c.included());
    assertEquals(true, c.inData());

    Path bad =
        Files.writeString(
            dir.resolve("bad.json"),
            "{\"canaries\":[{\"template\":\"pin {digit}\",\"label\":\"a\","
                + "\"repetitions\":1,\"secret\":\"7\",\"included\":\"yes\"}]}");
    BadInputException e = assertThrows(BadInputException.class, () -> SecretsJson.read(bad));
    assertTrue(e.getMessage().contains("\"included\" must be true or false"), e.getMessage());
  }

  @Test
  void wordFilesResolveAgainstTheJsonDirectory() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("audit"));
    Files.writeString(sub.resolve("w.txt"), "red\ngreen\n");
    Path file =
        Files.writeString(
            sub.resolve("s.json"),
            "{\"canaries\":[{\"template\":\"color {word:w.txt}\",\"label\":7,"
                + "\"repetitions\":2,\"secret\":\"green\",\"note\":\"ignored\"}]}");
    PlantedCanary c = SecretsJson.read(file).get(0);
    assertEquals("color green", c.sentence());
    assertEquals("7", c.label(), "integer labels are kept as text");
  }

  @Test
  void secretThatDoesNotFitNamesTheCanaryAndSlot() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("s.json"),
            "{\"canaries\":[{\"template\":\"pin {digit} {digit}\",\"label\":\"a\","
                + "\"repetitions\":1,\"secret\":\"1 2\"},{\"template\":\"pin {digit} {digit}\","
                + "\"label\":\"a\",\"repetitions\":1,\"secret\":\"1 q\"}]}");
    BadInputException e = assertThrows(BadInputException.class, () -> SecretsJson.read(file));
    assertTrue(e.getMessage().contains("canary #2"), e.getMessage());
    assertTrue(e.getMessage().contains("slot 2"), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void malformedFilesAreBadInput() throws Exception {
    assertBad("not json at all", "not valid JSON");
    assertBad("{\"secrets\":[]}", "\"canaries\" array");
    assertBad(
        "{\"canaries\":[{\"template\":\"pin {digit}\",\"label\":\"a\",\"secret\":\"1\"}]}",
        "\"repetitions\" must be a positive integer, got nothing");
    assertBad(
        "{\"canaries\":[{\"template\":\"pin {digit}\",\"label\":\"a\",\"repetitions\":0,"
            + "\"secret\":\"1\"}]}",
        "got 0");
    assertBad(
        "{\"canaries\":[{\"template\":\"pin\",\"label\":\"a\",\"repetitions\":1,"
            + "\"secret\":\"1\"}]}",
        "no slot");
    assertBad(
        "{\"canaries\":[{\"label\":\"a\",\"repetitions\":1,\"secret\":\"1\"}]}",
        "\"template\" must be a non-empty string");
    BadInputException missing =
        assertThrows(BadInputException.class, () -> SecretsJson.read(dir.resolve("none.json")));
    assertTrue(missing.getMessage().contains("does not exist"));
  }

  private void assertBad(String content, String expectedPart) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.json"), content);
    BadInputException e = assertThrows(BadInputException.class, () -> SecretsJson.read(file));
    assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }
}
