package dev.trustml.model;

import dev.trustml.model.torchscript.FloatTensor;
import dev.trustml.model.torchscript.TorchScriptModule;
import java.util.ArrayList;
import java.util.List;

/**
 * The TorchScript source of trustml's text classifier. Two methods:
 *
 * <ul>
 *   <li>{@code forward(tokens)}: int64 token ids [B, L] (0 = padding) to logits [B, K];
 *   <li>{@code forward_emb(emb, mask)}: token embeddings [B, L, D] and a float mask [B, L] to
 *       logits; it applies the fixed {@link PositionGates} before pooling. White-box attacks
 *       (ModIvA) feed soft embeddings here and differentiate through it.
 * </ul>
 *
 * <p>Serialized TorchScript is a restricted Python: two-space indents, aten ops called as {@code
 * torch.op(...)}, dtype constants as integers (6 = float32).
 */
public final class TextClassifierScript {
  /** The class name under {@code __torch__}. */
  public static final String CLASS_NAME = "TrustmlTextClassifier";

  /** The method white-box attacks call with embeddings. */
  public static final String EMBEDDING_METHOD = "forward_emb";

  private static final String SOURCE =
      """
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
          tokens: Tensor) -> Tensor:
          mask = torch.to(torch.ne(tokens, 0), 6)
          emb = torch.embedding(self.embedding, tokens)
          return (self).forward_emb(emb, mask, )
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
      """;

  private TextClassifierScript() {}

  /**
   * The module to hand to {@link TorchScriptWriter}.
   *
   * @param maxLength the longest input the model accepts (rows of the position-gate table)
   */
  public static TorchScriptModule module(TextClassifierWeights weights, int maxLength) {
    List<FloatTensor> tensors = new ArrayList<>(weights.tensors());
    tensors.add(
        new FloatTensor(
            "position_gates",
            new long[] {maxLength, weights.embeddingDim()},
            PositionGates.table(maxLength, weights.embeddingDim())));
    return new TorchScriptModule(CLASS_NAME, SOURCE, tensors);
  }
}
