package dev.trustml.model;

import dev.trustml.error.BadInputException;
import dev.trustml.error.Message;
import dev.trustml.error.Setting;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelCards;
import dev.trustml.model.card.TokenizerSpec;
import dev.trustml.model.tokenize.Tokenizer;
import dev.trustml.model.tokenize.TokenizerKind;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes a bundle from a bare model file and its tokenizer ({@code trustml model init}): copies (or
 * links) them into a new directory, probes the model with the engine for its format (signature,
 * number of outputs, the longest input) and writes the card. The directory appears complete or not
 * at all.
 */
public final class ModelInit {
  /** The caller's max length, in the library's words (the CLI names its option). */
  private static final Message.Ref MAX_LENGTH = Message.ref(Setting.MAX_LENGTH, "the max length");

  private static final String VOCAB_FILE = "vocab.txt";
  private static final String TOKENIZER_JSON = "tokenizer.json";

  /** The length the model is first probed at when nothing says how long inputs may be. */
  static final int PROBE_LENGTH = 16;

  private ModelInit() {}

  /**
   * What to bundle.
   *
   * @param dir the bundle directory to create (absent or empty)
   * @param modelFile a TorchScript ({@code .pt}) or ONNX ({@code .onnx}) file
   * @param tokenizerFile a Hugging Face {@code tokenizer.json} or a {@code vocab.txt}
   * @param labels class names in logit order
   * @param maxLength the longest input in tokens, or null to read it from the tokenizer's
   *     truncation or the model's position embeddings
   * @param link symbolic links to the files instead of copies
   */
  public record Request(
      Path dir,
      Path modelFile,
      Path tokenizerFile,
      List<String> labels,
      Integer maxLength,
      boolean link) {
    public Request {
      labels = List.copyOf(labels);
    }
  }

  /**
   * What was written.
   *
   * @param bundle the new bundle
   * @param info what the engine found
   * @param maxLengthSource where the max length came from, in words
   */
  public record Result(ModelBundle bundle, ModelInfo info, String maxLengthSource) {}

  /** Creates the bundle. */
  public static Result run(Request request) throws TrustmlException {
    Path model = request.modelFile();
    Path tokenizer = request.tokenizerFile();
    requireFile(model, "model");
    requireFile(tokenizer, "tokenizer");
    String format = format(model);
    checkLabels(request.labels());
    checkTarget(request.dir());

    boolean wordPiece = tokenizer.getFileName().toString().endsWith(".json");
    TokenizerSpec spec;
    Integer maxLength = request.maxLength();
    String lengthSource = "as given";
    long paddingId = 0;
    if (wordPiece) {
      TokenizerProvider.TokenizerFacts facts =
          Tokenizers.provider(TokenizerKind.HUGGINGFACE, tokenizer).facts(tokenizer);
      spec =
          new TokenizerSpec(
              TokenizerKind.HUGGINGFACE, TOKENIZER_JSON, null, facts.specialTokens() ? true : null);
      paddingId = facts.paddingId() == null ? 0 : facts.paddingId();
      if (maxLength == null && facts.truncationLength() != null) {
        maxLength = facts.truncationLength();
        lengthSource = "the tokenizer's truncation";
      }
    } else {
      spec = new TokenizerSpec(TokenizerKind.VOCAB, VOCAB_FILE, true);
    }
    if (maxLength != null && maxLength < 1) {
      throw new UsageException(Message.of(MAX_LENGTH, " must be a positive number of tokens"));
    }

    String modelName = format.equals(ModelCard.ONNX) ? "model.onnx" : "model.pt";
    Path dir = request.dir().toAbsolutePath();
    Path staging = staging(dir);
    try {
      place(model, staging.resolve(modelName), request.link());
      place(tokenizer, staging.resolve(spec.file()), request.link());
      if (maxLength == null) {
        ModelCard probe =
            card(dir, modelName, format, request.labels(), PROBE_LENGTH, paddingId, spec);
        ModelCards.write(staging, probe);
        try (Classifier c = probe(ModelBundle.open(staging), dir, model, tokenizer)) {
          int rows = c.info().positionEmbeddingRows();
          if (rows <= 0) {
            // Not the files' fault: the user must say what the files do not.
            throw new UsageException(
                Message.of(
                    model,
                    ": cannot tell the longest input the model takes: ",
                    tokenizer.getFileName(),
                    " sets no truncation and the model shows no position-embedding table; give ",
                    MAX_LENGTH,
                    " in tokens"));
          }
          maxLength = rows;
          lengthSource = "the model's position embeddings";
        }
      }
      ModelCards.write(
          staging, card(dir, modelName, format, request.labels(), maxLength, paddingId, spec));
      ModelInfo info;
      try (Classifier c = probe(ModelBundle.open(staging), dir, model, tokenizer)) {
        info = c.info();
        if (info.outputs() != request.labels().size()) {
          throw new BadInputException(
              model
                  + ": the model returns "
                  + info.outputs()
                  + " outputs but "
                  + request.labels().size()
                  + " labels were given ("
                  + String.join(", ", request.labels())
                  + "); give one label per output, in output order");
        }
      }
      ModelCard card =
          card(dir, modelName, format, request.labels(), maxLength, paddingId, spec)
              .withSignature(info.signature());
      ModelCards.write(staging, card);
      verify(ModelBundle.open(staging), dir, model, tokenizer);
      commit(staging, dir);
      return new Result(ModelBundle.open(dir), info, lengthSource);
    } catch (IOException e) {
      throw new BadInputException(dir + ": cannot write the bundle (" + e.getMessage() + ")", e);
    } finally {
      deleteQuietly(staging);
    }
  }

  /**
   * Opens the staged bundle with its engine, before the card's own checks (this class checks the
   * outputs against the labels itself, in words that fit). A message naming the staging directory
   * names the user's files instead.
   */
  private static Classifier probe(ModelBundle staged, Path dir, Path model, Path tokenizerFile)
      throws TrustmlException {
    try {
      Tokenizer tokenizer = Tokenizers.open(staged);
      try {
        return Classifiers.provider(staged).open(staged, tokenizer, false);
      } catch (TrustmlException | RuntimeException e) {
        tokenizer.close();
        throw e;
      }
    } catch (TrustmlException e) {
      throw renamed(e, staged, dir, model, tokenizerFile);
    }
  }

  /** The checks every audit makes on opening the bundle. */
  private static void verify(ModelBundle staged, Path dir, Path model, Path tokenizer)
      throws TrustmlException {
    try {
      Classifiers.open(staged, false).close();
    } catch (TrustmlException e) {
      throw renamed(e, staged, dir, model, tokenizer);
    }
  }

  private static TrustmlException renamed(
      TrustmlException e, ModelBundle staged, Path dir, Path model, Path tokenizer) {
    String m = e.getMessage();
    // The staged copies carry the user's files under the bundle's names (vocab.txt,
    // tokenizer.json): a message about one of them is about the file the user gave.
    String named =
        m.replace(staged.modelFile().toString(), model.toString())
            .replace(staged.dir().resolve(VOCAB_FILE).toString(), tokenizer.toString())
            .replace(staged.dir().resolve(TOKENIZER_JSON).toString(), tokenizer.toString())
            .replace(staged.dir().toString(), dir.toString());
    return named.equals(m) ? e : new TrustmlException(e.exitCode(), named, e);
  }

  private static ModelCard card(
      Path dir,
      String modelFile,
      String format,
      List<String> labels,
      int maxLength,
      long paddingId,
      TokenizerSpec tokenizer) {
    return new ModelCard(
        ModelCards.SCHEMA_VERSION,
        dir.getFileName().toString(),
        modelFile,
        null,
        labels,
        maxLength,
        Math.toIntExact(paddingId),
        tokenizer,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        format,
        null);
  }

  /** The format by file name: {@code .onnx} or {@code .pt}/{@code .pth}. */
  static String format(Path model) throws UsageException {
    String name = model.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".onnx")) {
      return ModelCard.ONNX;
    }
    if (name.endsWith(".pt") || name.endsWith(".pth") || name.endsWith(".torchscript")) {
      return ModelCard.TORCHSCRIPT;
    }
    throw new UsageException(
        model
            + ": give a TorchScript (.pt) or ONNX (.onnx) file; export PyTorch models with"
            + " torch.jit.trace or torch.onnx.export");
  }

  private static void requireFile(Path file, String what) throws BadInputException {
    if (!Files.exists(file)) {
      throw new BadInputException(file + ": " + what + " file not found");
    }
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": is not a file; give the " + what + " file itself");
    }
  }

  private static void checkLabels(List<String> labels) throws UsageException {
    Set<String> seen = new HashSet<>();
    for (String l : labels) {
      if (l.isBlank() || !seen.add(l)) {
        throw new UsageException("label '" + l + "' is empty or repeated; give distinct labels");
      }
    }
    if (labels.size() < 2) {
      throw new UsageException(
          "a classifier needs at least two labels, in the order of its outputs");
    }
  }

  /** The bundle directory must not exist, or be empty: model init never overwrites. */
  private static void checkTarget(Path dir) throws UsageException, BadInputException {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new UsageException(dir + ": exists and is a file; give a new directory");
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      if (s.iterator().hasNext()) {
        throw new UsageException(dir + ": is not empty; give a new directory for the bundle");
      }
    } catch (IOException e) {
      throw new BadInputException(dir + ": cannot read the directory (" + e.getMessage() + ")");
    }
  }

  private static Path staging(Path dir) throws BadInputException {
    try {
      Path parent = dir.getParent();
      Files.createDirectories(parent);
      return Files.createTempDirectory(parent, "." + dir.getFileName() + ".init-");
    } catch (IOException e) {
      throw new BadInputException(
          dir + ": cannot create the bundle beside it (" + e.getMessage() + ")", e);
    }
  }

  private static void place(Path source, Path target, boolean link) throws IOException {
    if (link) {
      Files.createSymbolicLink(target, source.toAbsolutePath());
    } else {
      Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  /** Renames the staged bundle onto {@code dir} in one step (an empty {@code dir} goes first). */
  private static void commit(Path staging, Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      Files.delete(dir); // empty, checked before
    }
    try {
      Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new IOException(dir + " appeared while the bundle was being written", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover staging directory is harmless: its name starts with a dot
    }
  }
}
