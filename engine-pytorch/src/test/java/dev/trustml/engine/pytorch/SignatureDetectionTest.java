package dev.trustml.engine.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import dev.trustml.model.BundleWriter;
import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.PositionGates;
import dev.trustml.model.ReferenceForward;
import dev.trustml.model.TestBundles;
import dev.trustml.model.TextClassifierScript;
import dev.trustml.model.TextClassifierWeights;
import dev.trustml.model.TokenBatch;
import dev.trustml.model.WeightInit;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelCards;
import dev.trustml.model.card.ModelSignature;
import dev.trustml.model.torchscript.FloatTensor;
import dev.trustml.model.torchscript.TorchScriptModule;
import dev.trustml.model.torchscript.TorchScriptWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hugging Face-style TorchScript signatures are detected by probing: {@code forward(input_ids,
 * attention_mask[, token_type_ids])} returning a tensor, a tuple or a dict, all wrapping trustml's
 * network so that the plain-Java forward pass is the oracle. The padding id is a real token (5) so
 * that only a model fed the attention mask gets the reference's logits.
 */
class SignatureDetectionTest {
  private static final int PAD = 5;

  /** The built-in classifier behind {@code forward(input_ids, attention_mask...) -> ret}. */
  private static String source(
      boolean typeIds, String returnType, String returnValue, String body) {
    return """
        class TrustmlTextClassifier(Module):
          __parameters__ = ["embedding", "w1", "b1", "w2", "b2", "position_gates", ]
          __buffers__ = []
          embedding : Tensor
          w1 : Tensor
          b1 : Tensor
          w2 : Tensor
          b2 : Tensor
          position_gates : Tensor
          training : bool
          def forward(self: __torch__.TrustmlTextClassifier,
            input_ids: Tensor,
            attention_mask: Tensor%s) -> %s:
            mask = torch.to(attention_mask, 6)
            emb = torch.embedding(self.embedding, input_ids)
        %s    logits = (self).forward_emb(emb, mask, )
            return %s
          def forward_emb(self: __torch__.TrustmlTextClassifier,
            emb: Tensor,
            mask: Tensor) -> Tensor:
            gates = torch.slice(self.position_gates, 0, 0, torch.size(emb, 1), 1)
            m = torch.unsqueeze(mask, -1)
            summed = torch.sum(torch.mul(torch.mul(emb, gates), m), [1])
            count = torch.clamp_min(torch.sum(m, [1]), 1.)
            pooled = torch.div(summed, count)
            hidden = torch.relu(torch.addmm(self.b1, pooled, torch.t(self.w1)))
            return torch.addmm(self.b2, hidden, torch.t(self.w2))
        """
        .formatted(typeIds ? ",\n    token_type_ids: Tensor" : "", returnType, body, returnValue);
  }

  /** Writes a bundle with {@code source}; the card's signature is {@code signature} (or none). */
  private static TextClassifierWeights write(
      Path dir, String source, ModelSignature signature, List<String> labels) throws Exception {
    TextClassifierWeights w = WeightInit.initial(TestBundles.vocabulary().size(), 8, 6, 2, 3);
    BundleWriter.write(
        dir,
        w,
        TestBundles.vocabulary(),
        TestBundles.card(List.of("negative", "positive"), w.vocabSize(), 8, 6));
    ModelCard base = ModelCards.read(dir);
    ModelCards.write(
        dir,
        new ModelCard(
            base.schemaVersion(),
            base.name(),
            base.modelFile(),
            null,
            labels,
            base.maxLength(),
            PAD,
            base.tokenizer(),
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null,
            signature));
    List<FloatTensor> tensors = new ArrayList<>(w.tensors());
    tensors.add(
        new FloatTensor(
            "position_gates",
            new long[] {base.maxLength(), 8},
            PositionGates.table(base.maxLength(), 8)));
    try (OutputStream out = Files.newOutputStream(dir.resolve("model.pt"))) {
      TorchScriptWriter.write(
          out, new TorchScriptModule(TextClassifierScript.CLASS_NAME, source, tensors));
    }
    return w;
  }

  private static final List<String> TWO = List.of("input_ids", "attention_mask");
  private static final List<String> THREE =
      List.of("input_ids", "attention_mask", "token_type_ids");

  @Test
  void detectsTensorTupleAndDictOutputsWithTwoOrThreeInputs(@TempDir Path tmp) throws Exception {
    record Case(boolean types, String type, String value, ModelSignature want) {}
    List<Case> cases =
        List.of(
            new Case(false, "Tensor", "logits", new ModelSignature(TWO, "tensor", null)),
            new Case(
                false,
                "Tuple[Tensor, Tensor]",
                "(logits, emb)",
                new ModelSignature(TWO, "tuple", null)),
            new Case(
                true,
                "Dict[str, Tensor]",
                "{\"logits\": logits}",
                new ModelSignature(THREE, "dict:logits", null)));
    int n = 0;
    for (Case c : cases) {
      Path dir = tmp.resolve("m" + n++);
      TextClassifierWeights w =
          write(dir, source(c.types(), c.type(), c.value(), ""), null, List.of("neg", "pos"));
      try (Classifier m = Classifiers.open(ModelBundle.open(dir), false)) {
        assertEquals(c.want(), m.info().signature(), c.type());
        assertTrue(m.info().detected());
        long[][] rows = {{2, 3, 4}, {6}, {7, 8, 9, 10, 11}};
        float[] got = m.logits(m.batch(rows));
        for (int i = 0; i < rows.length; i++) {
          double[] want = ReferenceForward.logits(w, rows[i]);
          assertEquals(want[0], got[2 * i], 1e-5, c.type() + " row " + i);
          assertEquals(want[1], got[2 * i + 1], 1e-5, c.type() + " row " + i);
        }
      }
    }
  }

  @Test
  void theCardsSignatureIsUsedAndChecked(@TempDir Path tmp) throws Exception {
    String dict = source(false, "Dict[str, Tensor]", "{\"logits\": logits}", "");
    Path ok = tmp.resolve("ok");
    write(ok, dict, new ModelSignature(TWO, "dict:logits", null), List.of("neg", "pos"));
    try (Classifier m = Classifiers.open(ModelBundle.open(ok), false)) {
      assertFalse(m.info().detected());
      assertEquals(new ModelSignature(TWO, "dict:logits", null), m.info().signature());
    }
    Path wrongKey = tmp.resolve("key");
    write(wrongKey, dict, new ModelSignature(TWO, "dict:scores", null), List.of("neg", "pos"));
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> Classifiers.open(ModelBundle.open(wrongKey), false));
    assertTrue(e.getMessage().contains("returns no 'scores'"), e.getMessage());
    Path wrongInputs = tmp.resolve("inputs");
    write(wrongInputs, dict, new ModelSignature(THREE, "dict:logits", null), List.of("neg", "pos"));
    e =
        assertThrows(
            BadInputException.class, () -> Classifiers.open(ModelBundle.open(wrongInputs), false));
    assertTrue(e.getMessage().contains("does not run as the card's signature"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void outputsThatAreNotOneRowOfLogitsPerTextAreRefused(@TempDir Path tmp) throws Exception {
    Path labels = tmp.resolve("labels");
    write(labels, source(false, "Tensor", "logits", ""), null, List.of("a", "b", "c"));
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> Classifiers.open(ModelBundle.open(labels), false));
    assertTrue(
        e.getMessage().contains("the model has 2 outputs but the card lists 3 labels"),
        e.getMessage());

    Path encoder = tmp.resolve("encoder");
    write(encoder, source(false, "Tensor", "emb", ""), null, List.of("a", "b"));
    e =
        assertThrows(
            BadInputException.class, () -> Classifiers.open(ModelBundle.open(encoder), false));
    assertTrue(e.getMessage().matches(".*has shape \\[2, \\d+, 8\\].*"), e.getMessage());
    assertTrue(e.getMessage().contains("sequence-classification"), e.getMessage());
  }

  @Test
  void aModelNoInputFormFitsIsRefusedSayingWhatWasTried(@TempDir Path tmp) throws Exception {
    String four =
        source(false, "Tensor", "logits", "")
            .replace(
                "attention_mask: Tensor)",
                "attention_mask: Tensor,\n    a: Tensor,\n    b: Tensor)");
    write(tmp, four, null, List.of("neg", "pos"));
    BadInputException e =
        assertThrows(BadInputException.class, () -> Classifiers.open(ModelBundle.open(tmp), false));
    assertTrue(e.getMessage().contains("no way of calling the model worked"), e.getMessage());
    assertTrue(
        e.getMessage().contains("(input_ids, attention_mask, token_type_ids)"), e.getMessage());
    assertTrue(e.getMessage().contains("input_ids and attention_mask"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  /**
   * A model that ignores its mask gives other logits once padded: every row is then padded to the
   * max length, as the model was presumably exported, and the engine says so in the signature.
   */
  @Test
  void aModelWhoseLogitsDependOnPaddingGetsAFixedLength(@TempDir Path tmp) throws Exception {
    String ignoresMask = source(false, "Tensor", "logits", "    mask = torch.ones_like(mask)\n");
    write(tmp, ignoresMask, null, List.of("neg", "pos"));
    try (Classifier m = Classifiers.open(ModelBundle.open(tmp), false)) {
      int max = m.card().maxLength();
      assertEquals(new ModelSignature(TWO, "tensor", max), m.info().signature());
      assertEquals(max, m.fixedLength());
      TokenBatch b = m.batch(new long[][] {{2, 3}});
      assertEquals(max, b.length());
    }
  }

  @Test
  void declarationsGiveTheRequiredArgumentNames() {
    assertEquals(
        List.of("input_ids", "attention_mask"),
        Declarations.parse(
            "forward() is missing value for argument 'input_ids'. Declaration:"
                + " forward(__torch__.X self, Tensor input_ids, Tensor attention_mask) ->"
                + " (Tensor, Tensor)\nException raised from ..."));
    assertEquals(
        List.of("tokens"),
        Declarations.parse(
            "Declaration: forward(__torch__.X self, Tensor tokens, Dict(str, Tensor)? extra=None)"
                + " -> Tensor"));
    assertNull(Declarations.parse("something else went wrong"));
  }
}
