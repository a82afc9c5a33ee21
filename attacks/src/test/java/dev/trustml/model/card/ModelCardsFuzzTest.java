package dev.trustml.model.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trustml.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the model-card parser with arbitrary {@code trustml-model.json} contents: a card either
 * reads and satisfies what {@link ModelCards#read} promises the rest of trustml, or is rejected
 * with a {@link BadInputException}; any other exception is a bug.
 */
class ModelCardsFuzzTest {
  @TempDir static Path bundle;

  @FuzzTest
  void readsAnyCardOrRejectsItAsBadInput(byte[] json) throws IOException {
    Files.write(bundle.resolve(ModelCards.FILE_NAME), json);
    ModelCard card;
    try {
      card = ModelCards.read(bundle);
    } catch (BadInputException e) {
      return;
    }
    // What validate() guarantees to the loaders and attacks.
    assertTrue(card.schemaVersion() <= ModelCards.SCHEMA_VERSION);
    assertTrue(card.labels().size() >= 2);
    assertEquals(card.labels().size(), card.labels().stream().distinct().count());
    assertTrue(card.maxLength() > 0);
    assertEquals(0, card.paddingId());
    assertNotNull(card.tokenizer().kind());
    assertNotNull(card.tokenizer().file());
    assertNotNull(card.modelFile());
    if (card.privacy() != null) {
      assertTrue(card.privacy().epsilon() >= 0 && Double.isFinite(card.privacy().epsilon()));
      assertTrue(card.privacy().delta() >= 0 && card.privacy().delta() < 1);
    }
  }

  /** Found by fuzzing: Jackson reads the JSON literal null as a null card (was a crash). */
  @Test
  void jsonNullCardIsBadInput() throws IOException {
    Files.writeString(bundle.resolve(ModelCards.FILE_NAME), "null");
    BadInputException e = assertThrows(BadInputException.class, () -> ModelCards.read(bundle));
    assertTrue(
        e.getMessage().contains(ModelCards.FILE_NAME + ": the card is JSON null"), e.getMessage());
  }
}
