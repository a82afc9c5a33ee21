package dev.trustml.engine.onnx;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ONNX classifier run by DJL's ONNX Runtime engine: graph inputs {@code input_ids}, {@code
 * attention_mask} and optionally {@code token_type_ids} (int64, or int32 when the graph says so),
 * or one input of token ids; the logits are the output named {@code logits}, else the first.
 * Black-box: no gradients.
 */
final class OnnxClassifier implements Classifier {
  /** ONNX Runtime threads per session; one by default, like libtorch's (2 shared cores). */
  static final String THREADS_PROPERTY = "trustml.onnx.threads";

  private final ModelBundle bundle;
  private final Model model;
  private final Block block;
  private final Tokenizer tokenizer;
  private final NDManager manager;
  private final List<String> graphInputs;
  private boolean int32;
  private List<String> graphOutputs = List.of();
  private ModelInfo info;

  private OnnxClassifier(ModelBundle bundle, Model model, Tokenizer tokenizer) {
    this.bundle = bundle;
    this.model = model;
    this.block = model.getBlock();
    this.tokenizer = tokenizer;
    this.manager = model.getNDManager().newSubManager();
    this.graphInputs = block.describeInput().keys();
  }

  static OnnxClassifier open(ModelBundle bundle, Tokenizer tokenizer) throws TrustmlException {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    Model model;
    try {
      model = Model.newInstance(bundle.displayName(), "OnnxRuntime");
    } catch (EngineException | IllegalArgumentException e) {
      throw new TrustmlException(
          ExitCode.INTERNAL,
          "the ONNX Runtime engine failed to start (" + SignatureProbe.firstLine(e) + ")",
          e);
    }
    try {
      String fileName = bundle.modelFile().getFileName().toString();
      String stem =
          fileName.endsWith(".onnx") ? fileName.substring(0, fileName.length() - 5) : fileName;
      String threads = System.getProperty(THREADS_PROPERTY, "1");
      model.load(
          bundle.modelFile().getParent(),
          stem,
          Map.of("intraOpNumThreads", threads, "interOpNumThreads", "1"));
    } catch (MalformedModelException | IOException | RuntimeException e) {
      model.close();
      throw new BadInputException(
          bundle.modelFile()
              + ": not a loadable ONNX model ("
              + SignatureProbe.firstLine(e.getCause() != null ? e.getCause() : e)
              + "); export it with torch.onnx.export",
          e);
    }
    OnnxClassifier c = new OnnxClassifier(bundle, model, tokenizer);
    try {
      c.describe();
    } catch (TrustmlException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  private void describe() throws BadInputException {
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
              SignatureProbe.candidates(graphInputs),
              rows,
              card.paddingId(),
              card.maxLength());
      signature = r.signature();
      outputs = r.outputs();
    } else {
      signature = card.signature();
      outputs = SignatureProbe.check(where, this::call, signature, rows, card.paddingId());
    }
    List<String> methods =
        List.of(
            "inputs(" + String.join(", ", graphInputs) + ")",
            "outputs(" + String.join(", ", graphOutputs) + ")");
    info =
        new ModelInfo(
            ModelCard.ONNX,
            signature,
            detected,
            outputs,
            methods,
            List.of(),
            "none: the ONNX engine computes no gradients (black-box methods only)");
  }

  /**
   * A probe call: int64 inputs first, int32 when the graph refuses them; every output read into
   * Java.
   */
  private List<SignatureProbe.Output> call(List<String> inputs, TokenBatch batch) {
    if (inputs.size() != graphInputs.size()) {
      throw new IllegalArgumentException(
          "the graph has " + graphInputs.size() + " inputs " + graphInputs);
    }
    NDList out;
    try (NDManager scope = manager.newSubManager()) {
      try {
        out = forward(scope, inputs, batch, false);
        int32 = false;
      } catch (RuntimeException e64) {
        try {
          out = forward(scope, inputs, batch, true);
          int32 = true;
        } catch (RuntimeException e32) {
          throw e64;
        }
      }
      List<SignatureProbe.Output> read = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (NDArray a : out) {
        NDArray f = a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false);
        read.add(new SignatureProbe.Output(a.getName(), a.getShape().getShape(), f.toFloatArray()));
        names.add(a.getName());
      }
      graphOutputs = names;
      return read;
    }
  }

  private NDList forward(NDManager scope, List<String> inputs, TokenBatch batch, boolean asInt32) {
    Shape shape = new Shape(batch.rows(), batch.length());
    NDList in = new NDList(inputs.size());
    for (String role : inputs) {
      long[] values = batch.input(role);
      if (asInt32) {
        int[] narrow = new int[values.length];
        for (int i = 0; i < values.length; i++) {
          narrow[i] = Math.toIntExact(values[i]);
        }
        in.add(scope.create(narrow, shape));
      } else {
        in.add(scope.create(values, shape));
      }
    }
    return block.forward(new ParameterStore(scope, false), in, false);
  }

  @Override
  public float[] logits(TokenBatch batch) {
    ModelSignature signature = info.signature();
    try (NDManager scope = manager.newSubManager()) {
      NDList out = forward(scope, signature.inputs(), batch, int32);
      int i = 0;
      if (signature.dictKey() != null) {
        List<String> names = new ArrayList<>(out.size());
        for (NDArray a : out) {
          names.add(a.getName());
        }
        i = SignatureProbe.logitsIndex(signature, names);
        if (i < 0) {
          throw new IllegalStateException("the model returned no '" + signature.dictKey() + "'");
        }
      }
      NDArray z = out.get(i);
      if (z.getDataType() != DataType.FLOAT32) {
        z = z.toType(DataType.FLOAT32, false);
      }
      return z.toFloatArray();
    }
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
    return Optional.empty();
  }

  @Override
  public void close() {
    manager.close();
    model.close();
    tokenizer.close();
  }
}
