package dev.trustml.model;

import dev.trustml.error.BadInputException;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.TokenizerSpec;
import dev.trustml.model.tokenize.Tokenizer;
import dev.trustml.model.tokenize.TokenizerKind;
import dev.trustml.model.tokenize.VocabTokenizer;
import java.nio.file.Path;
import java.util.ServiceLoader;

/** Opens a bundle's tokenizer: the core's {@code vocab} tokenizer, or a provider's. */
public final class Tokenizers {
  private Tokenizers() {}

  /** The tokenizer the bundle's card names. */
  public static Tokenizer open(ModelBundle bundle) throws BadInputException {
    ModelCard card = bundle.card();
    return open(bundle.tokenizerFile(), card.tokenizer(), card.maxLength());
  }

  /** The tokenizer in {@code file}, configured by {@code spec}, encoding at most maxLength ids. */
  public static Tokenizer open(Path file, TokenizerSpec spec, int maxLength)
      throws BadInputException {
    if (spec.kind() == TokenizerKind.VOCAB) {
      return VocabTokenizer.load(file, spec.lowercaseOrDefault());
    }
    return provider(spec.kind(), file).open(file, spec, maxLength);
  }

  /** The provider of a tokenizer kind other than {@code vocab}. */
  public static TokenizerProvider provider(TokenizerKind kind, Path file) throws BadInputException {
    for (TokenizerProvider p : ServiceLoader.load(TokenizerProvider.class)) {
      if (p.kind() == kind) {
        return p;
      }
    }
    throw new BadInputException(
        file
            + ": no reader for tokenizer kind '"
            + kind.cardName()
            + "' is installed (module trustml-tokenizers-hf); run the trustml command, which has"
            + " it, or add the module to the class path");
  }
}
