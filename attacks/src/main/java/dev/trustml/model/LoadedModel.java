package dev.trustml.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import dev.trustml.error.BadInputException;
import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.tokenize.HuggingFaceJsonTokenizer;
import dev.trustml.model.tokenize.Tokenizer;
import dev.trustml.model.tokenize.VocabTokenizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A bundle whose TorchScript model is loaded through DJL's PyTorch engine, with its tokenizer. The
 * one place that knows about DJL model loading; close it to free native memory.
 */
public final class LoadedModel implements AutoCloseable {
  /** Named parameters and their shapes. */
  public record ParameterInfo(String name, long[] shape) {
    public ParameterInfo {
      shape = shape.clone();
    }

    @Override
    public long[] shape() {
      return shape.clone();
    }
  }

  private final ModelBundle bundle;
  private final Model model;
  private final PtSymbolBlock block;
  private final Tokenizer tokenizer;
  private final boolean trainable;

  private LoadedModel(
      ModelBundle bundle,
      Model model,
      PtSymbolBlock block,
      Tokenizer tokenizer,
      boolean trainable) {
    this.bundle = bundle;
    this.model = model;
    this.block = block;
    this.tokenizer = tokenizer;
    this.trainable = trainable;
  }

  /**
   * Loads the bundle's model.
   *
   * @param trainable load with {@code trainParam=true}, needed for gradients (white-box attacks);
   *     without it libtorch runs in inference mode, which is faster for scoring
   */
  public static LoadedModel load(ModelBundle bundle, boolean trainable) throws TrustmlException {
    Tokenizer tokenizer = openTokenizer(bundle);
    Model model;
    try {
      model = Model.newInstance(bundle.displayName(), "PyTorch");
    } catch (EngineException | IllegalArgumentException e) {
      tokenizer.close();
      throw new TrustmlException(
          ExitCode.INTERNAL,
          "the PyTorch engine failed to start ("
              + e.getMessage()
              + "); check DJL_CACHE_DIR is writable",
          e);
    }
    try {
      String fileName = bundle.modelFile().getFileName().toString();
      String stem =
          fileName.endsWith(".pt") ? fileName.substring(0, fileName.length() - 3) : fileName;
      model.load(
          bundle.modelFile().getParent(),
          stem,
          trainable ? Map.of("trainParam", "true") : Map.of());
    } catch (MalformedModelException | IOException | RuntimeException e) {
      model.close();
      tokenizer.close();
      throw new BadInputException(
          bundle.modelFile()
              + ": not a loadable TorchScript archive ("
              + firstLine(e.getMessage())
              + "); export it with torch.jit.save or retrain with trustml train",
          e);
    }
    LoadedModel loaded =
        new LoadedModel(bundle, model, (PtSymbolBlock) model.getBlock(), tokenizer, trainable);
    try {
      loaded.checkAgainstCard();
    } catch (BadInputException e) {
      loaded.close();
      throw e;
    }
    return loaded;
  }

  private static Tokenizer openTokenizer(ModelBundle bundle) throws BadInputException {
    ModelCard card = bundle.card();
    return switch (card.tokenizer().kind()) {
      case VOCAB ->
          VocabTokenizer.load(bundle.tokenizerFile(), card.tokenizer().lowercaseOrDefault());
      case HUGGINGFACE -> HuggingFaceJsonTokenizer.load(bundle.tokenizerFile());
    };
  }

  /** A model whose outputs do not match the card's labels is refused before any audit runs. */
  private void checkAgainstCard() throws BadInputException {
    int k = card().labels().size();
    int outputs;
    try (ClassifierRunner runner = new ClassifierRunner(this)) {
      outputs = runner.logits(TokenBatch.of(new long[][] {{1}})).length;
    } catch (RuntimeException e) {
      throw new BadInputException(
          bundle.modelFile()
              + ": the model does not accept token ids [batch, length] ("
              + firstLine(e.getMessage())
              + ")",
          e);
    }
    if (outputs != k) {
      throw new BadInputException(
          bundle.dir()
              + ": the model has "
              + outputs
              + " outputs but the card lists "
              + k
              + " labels; fix 'labels' in the model card");
    }
    for (ParameterInfo p : parameters()) {
      if (p.name().equals("embedding") && p.shape()[0] < tokenizer.vocabularySize()) {
        throw new BadInputException(
            bundle.dir()
                + ": the tokenizer has "
                + tokenizer.vocabularySize()
                + " tokens but the embedding only "
                + p.shape()[0]
                + " rows; the bundle mixes two models");
      }
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  public ModelBundle bundle() {
    return bundle;
  }

  public ModelCard card() {
    return bundle.card();
  }

  public Tokenizer tokenizer() {
    return tokenizer;
  }

  public Model djlModel() {
    return model;
  }

  public PtSymbolBlock block() {
    return block;
  }

  public boolean trainable() {
    return trainable;
  }

  /** The TorchScript methods of the module (e.g. forward, forward_emb). */
  public List<String> methods() {
    List<String> names = new ArrayList<>(Arrays.asList(JniUtils.getMethodNames(block)));
    names.sort(null);
    return names;
  }

  /** Whether white-box attacks can feed embeddings directly. */
  public boolean hasMethod(String name) {
    return methods().contains(name);
  }

  /** Named parameters with shapes, in declaration order. */
  public List<ParameterInfo> parameters() {
    List<ParameterInfo> out = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getDirectParameters()) {
      Shape s = p.getValue().getArray().getShape();
      out.add(new ParameterInfo(p.getKey(), s.getShape()));
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
    tokenizer.close();
  }
}
