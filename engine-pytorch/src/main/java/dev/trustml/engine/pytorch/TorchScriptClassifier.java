package dev.trustml.engine.pytorch;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.trustml.error.BadInputException;
import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import dev.trustml.model.Classifier;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.ModelInfo;
import dev.trustml.model.SignatureProbe;
import dev.trustml.model.TokenBatch;
import dev.trustml.model.WhiteBox;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelSignature;
import dev.trustml.model.tokenize.Tokenizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A TorchScript model loaded through DJL's PyTorch engine: trustml's own {@code forward(tokens)}
 * and Hugging Face-style {@code forward(input_ids, attention_mask[, token_type_ids])} returning a
 * tensor, a tuple (the first element) or a dict ({@code logits}). With {@code forward_emb(emb,
 * mask)} and a token embedding parameter it is white-box ({@link TorchWhiteBox}).
 */
final class TorchScriptClassifier implements Classifier {
  /** The method white-box attacks call with input embeddings. */
  static final String EMBEDDING_METHOD = "forward_emb";

  private final ModelBundle bundle;
  private final Model model;
  private final PtSymbolBlock block;
  private final Tokenizer tokenizer;
  private final NDManager manager;
  private ModelInfo info;
  private TorchWhiteBox whiteBox;

  private TorchScriptClassifier(
      ModelBundle bundle, Model model, PtSymbolBlock block, Tokenizer tokenizer) {
    this.bundle = bundle;
    this.model = model;
    this.block = block;
    this.tokenizer = tokenizer;
    this.manager = model.getNDManager().newSubManager();
  }

  static TorchScriptClassifier open(ModelBundle bundle, Tokenizer tokenizer, boolean whiteBox)
      throws TrustmlException {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true"); // libtorch comes from the jar, never the web
    }
    Model model;
    try {
      model = Model.newInstance(bundle.displayName(), "PyTorch");
    } catch (EngineException | IllegalArgumentException e) {
      throw new TrustmlException(
          ExitCode.INTERNAL,
          "the PyTorch engine failed to start ("
              + SignatureProbe.firstLine(e)
              + "); check DJL_CACHE_DIR is writable",
          e);
    }
    try {
      String fileName = bundle.modelFile().getFileName().toString();
      String stem =
          fileName.endsWith(".pt") ? fileName.substring(0, fileName.length() - 3) : fileName;
      // trainParam loads parameters as ordinary tensors: libtorch refuses to backpropagate
      // through the "inference tensors" it loads otherwise.
      model.load(
          bundle.modelFile().getParent(), stem, whiteBox ? Map.of("trainParam", "true") : Map.of());
    } catch (MalformedModelException | IOException | RuntimeException e) {
      model.close();
      throw new BadInputException(
          bundle.modelFile()
              + ": not a loadable TorchScript archive ("
              + SignatureProbe.firstLine(e)
              + "); export it with torch.jit.save or retrain with trustml train",
          e);
    }
    TorchScriptClassifier c =
        new TorchScriptClassifier(bundle, model, (PtSymbolBlock) model.getBlock(), tokenizer);
    try {
      c.describe(whiteBox);
    } catch (TrustmlException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** Finds (or checks) the signature, the outputs and the white-box capability. */
  private void describe(boolean wantWhiteBox) throws BadInputException {
    ModelCard card = bundle.card();
    String where = bundle.modelFile().toString();
    long[][] rows = SignatureProbe.sampleRows(tokenizer, card);
    ModelSignature signature;
    int outputs;
    boolean detected = card.signature() == null;
    if (detected) {
      SignatureProbe.Result r =
          SignatureProbe.detect(
              where,
              this::call,
              SignatureProbe.candidates(Declarations.forwardArguments(block)),
              rows,
              card.paddingId(),
              card.maxLength());
      signature = r.signature();
      outputs = r.outputs();
    } else {
      signature = card.signature();
      outputs = SignatureProbe.check(where, this::call, signature, rows, card.paddingId());
    }
    List<String> methods = new ArrayList<>(Arrays.asList(JniUtils.getMethodNames(block)));
    methods.sort(null);
    List<ModelInfo.Parameter> parameters = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getDirectParameters()) {
      Shape s = p.getValue().getArray().getShape();
      parameters.add(new ModelInfo.Parameter(p.getKey(), s.getShape()));
    }
    ModelInfo partial =
        new ModelInfo(ModelCard.TORCHSCRIPT, signature, detected, outputs, methods, parameters, "");
    ModelInfo.Parameter embedding = partial.tokenEmbedding();
    String status;
    if (!methods.contains(EMBEDDING_METHOD)) {
      status = "no embedding-input method (" + EMBEDDING_METHOD + ")";
    } else if (embedding == null) {
      status =
          EMBEDDING_METHOD
              + " present, but no 2-D parameter named embedding or word_embeddings holds the"
              + " token embeddings";
    } else if (!wantWhiteBox) {
      status =
          EMBEDDING_METHOD
              + " through '"
              + embedding.name()
              + "' (white-box attacks open it with gradients; this copy was loaded for inference"
              + " only)";
    } else {
      NDArray matrix = block.getDirectParameters().get(embedding.name()).getArray();
      freezeParameters();
      whiteBox = new TorchWhiteBox(block, matrix);
      status = EMBEDDING_METHOD + " through '" + embedding.name() + "', gradients by libtorch";
    }
    info =
        new ModelInfo(
            ModelCard.TORCHSCRIPT, signature, detected, outputs, methods, parameters, status);
  }

  /**
   * Parameters stop recording gradients for good (nothing here trains): backward passes compute
   * only the input gradients white-box attacks ask for.
   */
  private void freezeParameters() {
    for (Pair<String, Parameter> p : block.getDirectParameters()) {
      NDArray array = p.getValue().getArray();
      if (array.hasGradient()) {
        array.setRequiresGradient(false);
      }
    }
  }

  /** A probe call: every output, read into Java. */
  private List<SignatureProbe.Output> call(List<String> inputs, TokenBatch batch) {
    try (NDManager scope = manager.newSubManager()) {
      NDList out = forward(scope, inputs, batch);
      List<SignatureProbe.Output> read = new ArrayList<>();
      for (NDArray a : out) {
        NDArray f = a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false);
        read.add(new SignatureProbe.Output(a.getName(), a.getShape().getShape(), f.toFloatArray()));
      }
      return read;
    }
  }

  private NDList forward(NDManager scope, List<String> inputs, TokenBatch batch) {
    Shape shape = new Shape(batch.rows(), batch.length());
    NDList in = new NDList(inputs.size());
    for (String role : inputs) {
      in.add(scope.create(batch.input(role), shape));
    }
    return block.forward(new ParameterStore(scope, false), in, false);
  }

  @Override
  public float[] logits(TokenBatch batch) {
    ModelSignature signature = info.signature();
    try (NDManager scope = manager.newSubManager()) {
      NDList out = forward(scope, signature.inputs(), batch);
      NDArray z = out.get(logitsIndex(signature, out));
      if (z.getDataType() != DataType.FLOAT32) {
        z = z.toType(DataType.FLOAT32, false);
      }
      return z.toFloatArray();
    }
  }

  /** Where the logits are in a call's outputs (found by name only for a dict output). */
  private static int logitsIndex(ModelSignature signature, NDList out) {
    if (signature.dictKey() == null) {
      return 0;
    }
    List<String> names = new ArrayList<>(out.size());
    for (NDArray a : out) {
      names.add(a.getName());
    }
    int i = SignatureProbe.logitsIndex(signature, names);
    if (i < 0) {
      throw new IllegalStateException("the model returned no '" + signature.dictKey() + "'");
    }
    return i;
  }

  @Override
  public ModelBundle bundle() {
    return bundle;
  }

  @Override
  public Tokenizer tokenizer() {
    return tokenizer;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public Optional<WhiteBox> whiteBox() {
    return Optional.ofNullable(whiteBox);
  }

  @Override
  public void close() {
    if (whiteBox != null) {
      whiteBox.close();
    }
    manager.close();
    model.close();
    tokenizer.close();
  }
}
