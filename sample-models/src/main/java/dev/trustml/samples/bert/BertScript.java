package dev.trustml.samples.bert;

import dev.trustml.model.torchscript.TorchScriptModule;
import java.util.List;
import java.util.Locale;

/**
 * The TorchScript source of the BERT-shaped classifier, for {@link
 * dev.trustml.model.torchscript.TorchScriptWriter}. {@code forward} takes int64 {@code input_ids}
 * and {@code attention_mask} {@code [batch, sequence]} (and {@code token_type_ids} when the
 * signature says so) and returns the logits as a tensor, the first element of a tuple or the {@code
 * "logits"} entry of a dict. {@code forward_emb(emb, mask)} takes word embeddings {@code [batch,
 * sequence, hidden]} (Hugging Face's {@code inputs_embeds}) and a float mask, token type 0, and
 * returns the logits; white-box attacks differentiate through it.
 *
 * <p>The body is written out once per method (a module has no private helpers that the method list
 * would not show), in the restricted Python that {@code torch.jit.save} emits: aten ops as {@code
 * torch.op(...)}, integer dtype codes (6 = float32).
 */
public final class BertScript {
  /** The class name under {@code __torch__}. */
  public static final String CLASS_NAME = "TrustmlBertClassifier";

  /** The method white-box attacks call with embeddings. */
  public static final String EMBEDDING_METHOD = "forward_emb";

  private BertScript() {}

  /** The module to hand to {@code TorchScriptWriter.write}. */
  public static TorchScriptModule module(BertWeights w, BertSignature signature) {
    return new TorchScriptModule(CLASS_NAME, source(w.config(), signature), w.tensors());
  }

  /** The class source for these sizes and this signature. */
  static String source(BertConfig c, BertSignature s) {
    StringBuilder out = new StringBuilder();
    List<BertWeights.Slot> slots = BertWeights.layout(c);
    out.append("class ").append(CLASS_NAME).append("(Module):\n");
    out.append("  __parameters__ = [");
    for (BertWeights.Slot slot : slots) {
      out.append('"').append(slot.name()).append("\", ");
    }
    out.append("]\n  __buffers__ = []\n");
    for (BertWeights.Slot slot : slots) {
      out.append("  ").append(slot.name()).append(" : Tensor\n");
    }
    out.append("  training : bool\n");

    out.append("  def forward(self: __torch__.").append(CLASS_NAME).append(",\n");
    out.append("    input_ids: Tensor,\n    attention_mask: Tensor");
    if (s.tokenTypes()) {
      out.append(",\n    token_type_ids: Tensor");
    }
    String returnType =
        switch (s.output()) {
          case TENSOR -> "Tensor";
          case TUPLE -> "Tuple[Tensor, Tensor]";
          case DICT -> "Dict[str, Tensor]";
        };
    out.append(") -> ").append(returnType).append(":\n");
    out.append("    emb = torch.embedding(self.word_embeddings, input_ids)\n");
    out.append(
        s.tokenTypes()
            ? "    types = torch.embedding(self.token_type_embeddings, token_type_ids)\n"
            : "    types = torch.select(self.token_type_embeddings, 0, 0)\n");
    out.append("    mask = torch.to(attention_mask, 6)\n");
    body(out, c);
    out.append(
        switch (s.output()) {
          case TENSOR -> "    return logits\n";
          case TUPLE -> "    return (logits, pooled)\n";
          case DICT -> "    return {\"logits\": logits}\n";
        });

    if (s.embeddingMethod()) {
      out.append("  def ").append(EMBEDDING_METHOD);
      out.append("(self: __torch__.").append(CLASS_NAME).append(",\n");
      out.append("    emb: Tensor,\n    mask: Tensor) -> Tensor:\n");
      out.append("    types = torch.select(self.token_type_embeddings, 0, 0)\n");
      body(out, c);
      out.append("    return logits\n");
    }
    return out.toString();
  }

  /**
   * From {@code emb}, {@code types} and a float {@code mask} to {@code logits} and {@code pooled}.
   */
  private static void body(StringBuilder out, BertConfig c) {
    String h = Integer.toString(c.hidden());
    line(out, "batch = torch.size(emb, 0)");
    line(out, "length = torch.size(emb, 1)");
    line(out, "positions = torch.slice(self.position_embeddings, 0, 0, length, 1)");
    line(out, "summed = torch.add(torch.add(emb, positions), types)");
    line(
        out,
        "x = " + norm("summed", "self.embeddings_norm_weight", "self.embeddings_norm_bias", h));
    line(
        out,
        "bias = torch.mul(torch.rsub(torch.unsqueeze(torch.unsqueeze(mask, 1), 2), 1.), "
            + literal(BertConfig.MASKED_SCORE)
            + ")");
    String heads = "[batch, length, " + c.heads() + ", " + c.headDim() + "]";
    String x = "x";
    for (int layer = 0; layer < c.layers(); layer++) {
      String p = "self.layer" + layer + "_";
      String n = Integer.toString(layer);
      line(
          out,
          "q"
              + n
              + " = torch.permute(torch.view("
              + linear(x, p + "query")
              + ", "
              + heads
              + "), [0, 2, 1, 3])");
      line(
          out,
          "k"
              + n
              + " = torch.permute(torch.view("
              + linear(x, p + "key")
              + ", "
              + heads
              + "), [0, 2, 3, 1])");
      line(
          out,
          "v"
              + n
              + " = torch.permute(torch.view("
              + linear(x, p + "value")
              + ", "
              + heads
              + "), [0, 2, 1, 3])");
      line(
          out,
          "scores"
              + n
              + " = torch.add(torch.mul(torch.matmul(q"
              + n
              + ", k"
              + n
              + "), "
              + literal(1 / Math.sqrt(c.headDim()))
              + "), bias)");
      line(out, "probs" + n + " = torch.softmax(scores" + n + ", -1)");
      line(
          out,
          "context"
              + n
              + " = torch.reshape(torch.permute(torch.matmul(probs"
              + n
              + ", v"
              + n
              + "), [0, 2, 1, 3]), [batch, length, "
              + h
              + "])");
      line(
          out,
          "attended"
              + n
              + " = "
              + norm(
                  "torch.add(" + linear("context" + n, p + "attention_output") + ", " + x + ")",
                  p + "attention_norm_weight",
                  p + "attention_norm_bias",
                  h));
      line(out, "ff" + n + " = torch.gelu(" + linear("attended" + n, p + "intermediate") + ")");
      line(
          out,
          "x"
              + n
              + " = "
              + norm(
                  "torch.add(" + linear("ff" + n, p + "output") + ", attended" + n + ")",
                  p + "output_norm_weight",
                  p + "output_norm_bias",
                  h));
      x = "x" + n;
    }
    line(
        out, "pooled = torch.tanh(" + linear("torch.select(" + x + ", 1, 0)", "self.pooler") + ")");
    line(out, "logits = " + linear("pooled", "self.classifier"));
  }

  private static void line(StringBuilder out, String code) {
    out.append("    ").append(code).append('\n');
  }

  private static String linear(String x, String prefix) {
    return "torch.linear(" + x + ", " + prefix + "_weight, " + prefix + "_bias)";
  }

  private static String norm(String x, String gain, String shift, String hidden) {
    return "torch.layer_norm("
        + x
        + ", ["
        + hidden
        + "], "
        + gain
        + ", "
        + shift
        + ", "
        + literal(BertConfig.LAYER_NORM_EPS)
        + ", True)";
  }

  /** A float literal as Python writes one (shortest round-trip digits, lower-case exponent). */
  static String literal(double v) {
    return Double.toString(v).toLowerCase(Locale.ROOT);
  }
}
