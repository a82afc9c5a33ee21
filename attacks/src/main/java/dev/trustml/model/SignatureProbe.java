package dev.trustml.model;

import dev.trustml.error.BadInputException;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelSignature;
import dev.trustml.model.tokenize.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds how a model is called by calling it, the same way for every engine: which inputs (from the
 * argument names the engine reports, else by trying the usual forms), where the logits are in what
 * it returns, how many there are, and whether it needs every row padded to one length. Engines
 * supply the call ({@link ModelCall}); the strategy and the messages are here.
 */
public final class SignatureProbe {
  /** Texts tokenised for the probe: two rows of different lengths (real ids of the vocabulary). */
  static final List<String> SAMPLE_TEXTS = List.of("the film was good and the music great", "bad");

  /** Logits from two paddings of the same rows may differ by this much and still count as equal. */
  static final double PADDING_TOLERANCE = 1e-3;

  private SignatureProbe() {}

  /** One output of a model call, read into Java. */
  public record Output(String name, long[] shape, float[] values) {}

  /** Calls the model with the given inputs (roles of {@link ModelSignature}) on a batch. */
  @FunctionalInterface
  public interface ModelCall {
    /**
     * @throws Exception whatever the engine throws when the call does not fit the model
     */
    List<Output> call(List<String> inputs, TokenBatch batch) throws Exception;
  }

  /**
   * What the probe found.
   *
   * @param signature the signature to call the model with
   * @param outputs number of logits per row
   */
  public record Result(ModelSignature signature, int outputs) {}

  /**
   * The input lists worth trying, most likely first: from the argument names when the engine knows
   * them (TorchScript declarations, ONNX graph inputs), else the usual forms.
   *
   * @param argumentNames the model's required inputs in order, or null when unknown
   */
  public static List<List<String>> candidates(List<String> argumentNames) {
    if (argumentNames == null || argumentNames.isEmpty()) {
      return List.of(
          List.of(ModelSignature.INPUT_IDS, ModelSignature.ATTENTION_MASK),
          List.of(
              ModelSignature.INPUT_IDS,
              ModelSignature.ATTENTION_MASK,
              ModelSignature.TOKEN_TYPE_IDS),
          List.of(ModelSignature.TOKENS));
    }
    List<String> roles = new ArrayList<>();
    boolean named = true;
    for (String name : argumentNames) {
      String role = role(name);
      if (role == null || roles.contains(role)) {
        named = false;
        break;
      }
      roles.add(role);
    }
    if (!named) {
      // Unknown names: by position, as Hugging Face orders them.
      roles.clear();
      List<String> order =
          List.of(
              ModelSignature.INPUT_IDS,
              ModelSignature.ATTENTION_MASK,
              ModelSignature.TOKEN_TYPE_IDS);
      for (int i = 0; i < Math.min(argumentNames.size(), order.size()); i++) {
        roles.add(order.get(i));
      }
    }
    if (roles.size() == 1 && !argumentNames.get(0).equals(ModelSignature.INPUT_IDS)) {
      roles.set(0, ModelSignature.TOKENS);
    }
    return List.of(roles);
  }

  /** The role of an argument name, or null when the name says nothing. */
  static String role(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "tokens" -> ModelSignature.TOKENS;
      case "input_ids", "ids", "input", "inputs" -> ModelSignature.INPUT_IDS;
      case "attention_mask", "mask" -> ModelSignature.ATTENTION_MASK;
      case "token_type_ids", "type_ids", "segment_ids" -> ModelSignature.TOKEN_TYPE_IDS;
      default -> null;
    };
  }

  /** The probe's rows, tokenised as the card says. */
  public static long[][] sampleRows(Tokenizer tokenizer, ModelCard card) {
    long[][] rows = new long[SAMPLE_TEXTS.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = tokenizer.encode(SAMPLE_TEXTS.get(i), card.maxLength());
      if (rows[i].length == 0) {
        rows[i] = new long[] {card.paddingId() == 0 ? 1 : 0};
      }
    }
    return rows;
  }

  /**
   * Detects the signature: the first candidate that runs on the sample rows padded to the longest
   * row, else padded to {@code maxLength} (a model with a fixed sequence length). A model that runs
   * with both paddings but gives other logits (one that ignores its mask) gets a fixed length too.
   *
   * @param where the model file, for messages
   * @param rows the sample rows ({@link #sampleRows})
   */
  public static Result detect(
      String where,
      ModelCall call,
      List<List<String>> candidates,
      long[][] rows,
      long padId,
      int maxLength)
      throws BadInputException {
    TokenBatch shortBatch = TokenBatch.pad(rows, padId, 0);
    TokenBatch longBatch = TokenBatch.pad(rows, padId, Math.max(maxLength, shortBatch.length()));
    List<String> failures = new ArrayList<>();
    for (List<String> inputs : candidates) {
      List<Output> out;
      try {
        out = call.call(inputs, shortBatch);
      } catch (Exception e) {
        failures.add(describe(inputs) + ": " + firstLine(e));
        continue;
      }
      ModelSignature signature = new ModelSignature(inputs, outputKind(out), null);
      Output logits = logits(where, signature, out, rows.length);
      if (longBatch.length() > shortBatch.length()) {
        List<Output> padded;
        try {
          padded = call.call(inputs, longBatch);
        } catch (Exception e) {
          throw new BadInputException(
              where
                  + ": the model runs on "
                  + shortBatch.length()
                  + " tokens but fails on "
                  + longBatch.length()
                  + " (the max length) with "
                  + firstLine(e)
                  + "; lower max_length to what the model takes");
        }
        Output paddedLogits = logits(where, signature, padded, rows.length);
        if (!close(logits.values(), paddedLogits.values())) {
          // The logits depend on the padding: pad every row as the model was exported with.
          signature = signature.withSequenceLength(longBatch.length());
        }
      }
      return new Result(signature, Math.toIntExact(logits.shape()[1]));
    }
    for (List<String> inputs : candidates) {
      try {
        List<Output> out = call.call(inputs, longBatch);
        ModelSignature signature = new ModelSignature(inputs, outputKind(out), longBatch.length());
        Output logits = logits(where, signature, out, rows.length);
        return new Result(signature, Math.toIntExact(logits.shape()[1]));
      } catch (BadInputException e) {
        throw e;
      } catch (Exception e) {
        // fall through: reported below with the short batch's failures
      }
    }
    throw new BadInputException(
        where
            + ": no way of calling the model worked on "
            + rows.length
            + " rows of token ids ("
            + String.join("; ", failures)
            + "); export a classifier whose forward takes input_ids and attention_mask (optionally"
            + " token_type_ids) as int64 [batch, length], or tokens");
  }

  /**
   * Checks a signature given on the card: the model runs with it and returns [batch, K] logits.
   *
   * @return the number of logits per row
   */
  public static int check(
      String where, ModelCall call, ModelSignature signature, long[][] rows, long padId)
      throws BadInputException {
    int fixed = signature.sequenceLength() == null ? 0 : signature.sequenceLength();
    List<Output> out;
    try {
      out = call.call(signature.inputs(), TokenBatch.pad(rows, padId, fixed));
    } catch (Exception e) {
      throw new BadInputException(
          where
              + ": the model does not run as the card's signature "
              + signature.describe()
              + " says ("
              + firstLine(e)
              + "); fix 'signature' in the model card or remove it to detect one");
    }
    return Math.toIntExact(logits(where, signature, out, rows.length).shape()[1]);
  }

  /**
   * Which output holds the logits: the dict entry the signature names, else the first.
   *
   * @return its index, or -1 when a dict output lacks the key
   */
  public static int logitsIndex(ModelSignature signature, List<String> outputNames) {
    String key = signature.dictKey();
    return key == null ? (outputNames.isEmpty() ? -1 : 0) : outputNames.indexOf(key);
  }

  private static String outputKind(List<Output> out) {
    for (Output o : out) {
      if ("logits".equals(o.name())) {
        return ModelSignature.DICT_PREFIX + "logits";
      }
    }
    return out.size() > 1 ? ModelSignature.TUPLE : ModelSignature.TENSOR;
  }

  private static Output logits(String where, ModelSignature signature, List<Output> out, int rows)
      throws BadInputException {
    int i = logitsIndex(signature, out.stream().map(Output::name).toList());
    if (i < 0) {
      throw new BadInputException(
          where
              + ": the model returns no '"
              + signature.dictKey()
              + "' (outputs: "
              + out.stream().map(Output::name).toList()
              + "); fix 'signature.output' in the model card");
    }
    Output o = out.get(i);
    long[] shape = o.shape();
    if (shape.length != 2 || shape[0] != rows || shape[1] < 1) {
      throw new BadInputException(
          where
              + ": the model's "
              + (signature.dictKey() == null ? "first output" : "'" + signature.dictKey() + "'")
              + " has shape "
              + Arrays.toString(shape)
              + " for "
              + rows
              + " rows; trustml needs one row of logits per text ([batch, labels]): export the"
              + " sequence-classification model, not its encoder");
    }
    return o;
  }

  private static boolean close(float[] a, float[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!(Math.abs(a[i] - b[i]) <= PADDING_TOLERANCE * (1 + Math.abs(a[i])))) {
        return false;
      }
    }
    return true;
  }

  private static String describe(List<String> inputs) {
    return "(" + String.join(", ", inputs) + ")";
  }

  /** The first line of an engine's message (libtorch appends long stack dumps). */
  public static String firstLine(Throwable e) {
    String s = e.getMessage();
    if (s == null) {
      s = e.getClass().getSimpleName();
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
