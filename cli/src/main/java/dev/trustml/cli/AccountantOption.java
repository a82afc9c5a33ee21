package dev.trustml.cli;

import dev.trustml.privacy.AccountantKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --accountant rdp|pld}: the privacy accountant (a picocli {@code @Mixin}). */
final class AccountantOption {
  @Option(
      names = "--accountant",
      paramLabel = "rdp|pld",
      defaultValue = "rdp",
      converter = Converter.class,
      description =
          "rdp: Renyi DP (as Opacus and TF Privacy report); pld: privacy loss distribution"
              + " (tighter, slower). Default: ${DEFAULT-VALUE}.")
  AccountantKind kind;

  /** Parses {@code --accountant} by the accountants' command-line names. */
  static final class Converter implements ITypeConverter<AccountantKind> {
    @Override
    public AccountantKind convert(String value) {
      return AccountantKind.fromCliName(value)
          .orElseThrow(
              () -> new TypeConversionException("expected 'rdp' or 'pld' but was '" + value + "'"));
    }
  }
}
