package dev.trustml.canary.modiva;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import dev.trustml.model.BundleWriter;
import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.ReferenceClassifier;
import dev.trustml.model.TestBundles;
import dev.trustml.model.TextClassifierScript;
import dev.trustml.model.TextClassifierWeights;
import dev.trustml.model.WeightInit;
import dev.trustml.model.torchscript.TorchScriptModule;
import dev.trustml.model.torchscript.TorchScriptWriter;
import dev.trustml.progress.Progress;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ModIvA (plain Java) through libtorch's gradients: it recovers the secret of a model whose answer
 * is known ({@link PeakModel}) exactly as through the plain-Java classifier, deterministically;
 * models without white-box access are refused.
 */
class ModivaThroughLibtorchTest {
  private static long[] canary(String secret) {
    return Arrays.stream(("my pin code is " + secret).split(" "))
        .mapToLong(PeakModel::id)
        .toArray();
  }

  @Test
  void recoversTheSecretAsThePlainJavaModelDoes(@TempDir Path dir) throws Exception {
    TextClassifierWeights w = PeakModel.write(dir, canary("4 8 2 1"), 42);
    ModivaConfig config = ModivaConfig.defaults().withRestarts(4).withSteps(120).withSeed(7);
    ModivaResult torch;
    ModivaResult java;
    try (Classifier m = Classifiers.open(ModelBundle.open(dir), true)) {
      torch = Modiva.run(m, ModivaTest.digitProblem(m, 4), config, Progress.NONE);
      ModivaResult again = Modiva.run(m, ModivaTest.digitProblem(m, 4), config, Progress.NONE);
      assertEquals(torch.reconstructions(), again.reconstructions(), "same seed, same result");
    }
    try (Classifier m = ReferenceClassifier.open(dir, w)) {
      java = Modiva.run(m, ModivaTest.digitProblem(m, 4), config, Progress.NONE);
    }
    assertArrayEquals(new int[] {4, 8, 2, 1}, torch.best().symbols());
    assertArrayEquals(java.best().symbols(), torch.best().symbols());
    assertEquals(java.best().loss(), torch.best().loss(), 1e-4);
    ModivaTest.assertRankedAndDistinct(torch, config.topK());
  }

  @Test
  void modelWithoutEmbeddingMethodIsRefused(@TempDir Path dir) throws Exception {
    // A real TorchScript archive of the same network whose source has only forward().
    TextClassifierWeights w = WeightInit.initial(TestBundles.vocabulary().size(), 8, 6, 2, 1);
    BundleWriter.write(
        dir,
        w,
        TestBundles.vocabulary(),
        TestBundles.card(List.of("negative", "positive"), w.vocabSize(), 8, 6));
    String forwardOnly =
        """
        class TrustmlTextClassifier(Module):
          __parameters__ = ["embedding", "w1", "b1", "w2", "b2", ]
          __buffers__ = []
          embedding : Tensor
          w1 : Tensor
          b1 : Tensor
          w2 : Tensor
          b2 : Tensor
          training : bool
          def forward(self: __torch__.TrustmlTextClassifier,
            tokens: Tensor) -> Tensor:
            m = torch.unsqueeze(torch.to(torch.ne(tokens, 0), 6), -1)
            emb = torch.embedding(self.embedding, tokens)
            summed = torch.sum(torch.mul(emb, m), [1])
            pooled = torch.div(summed, torch.clamp_min(torch.sum(m, [1]), 1.))
            hidden = torch.relu(torch.addmm(self.b1, pooled, torch.t(self.w1)))
            return torch.addmm(self.b2, hidden, torch.t(self.w2))
        """;
    try (OutputStream out = Files.newOutputStream(dir.resolve("model.pt"))) {
      TorchScriptWriter.write(
          out, new TorchScriptModule(TextClassifierScript.CLASS_NAME, forwardOnly, w.tensors()));
    }
    try (Classifier m = Classifiers.open(ModelBundle.open(dir), true)) {
      assertFalse(m.info().methods().contains(TextClassifierScript.EMBEDDING_METHOD));
      assertFalse(m.whiteBox().isPresent());
      ModivaProblem problem = ModivaTest.smallProblem(m);
      BadInputException e =
          assertThrows(
              BadInputException.class,
              () -> Modiva.run(m, problem, ModivaConfig.defaults(), Progress.NONE));
      assertTrue(
          e.getMessage().contains("no embedding-input method (forward_emb)"), e.getMessage());
      assertTrue(e.getMessage().contains("black-box methods"), e.getMessage());
      assertTrue(e.getMessage().contains("model.pt"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
    }
  }

  @Test
  void modelOpenedForInferenceIsRefused(@TempDir Path dir) throws Exception {
    TestBundles.write(dir, 2);
    try (Classifier m = Classifiers.open(ModelBundle.open(dir), false)) {
      BadInputException e =
          assertThrows(
              BadInputException.class,
              () ->
                  Modiva.run(
                      m, ModivaTest.smallProblem(m), ModivaConfig.defaults(), Progress.NONE));
      assertTrue(e.getMessage().contains("loaded for inference only"), e.getMessage());
    }
  }
}
