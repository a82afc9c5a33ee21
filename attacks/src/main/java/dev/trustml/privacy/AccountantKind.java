package dev.trustml.privacy;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/** The available privacy accountants, with the name the command line uses for each. */
public enum AccountantKind {
  /** Renyi DP of the sampled Gaussian (Mironov et al. 2019), Balle et al. 2020 conversion. */
  RDP("rdp", RdpAccountant::new),
  /** Privacy loss distribution, composed by FFT (tighter than RDP). */
  PLD("pld", PldAccountant::new);

  private final String cliName;
  private final Supplier<PrivacyAccountant> factory;

  AccountantKind(String cliName, Supplier<PrivacyAccountant> factory) {
    this.cliName = cliName;
    this.factory = factory;
  }

  /** The lower-case name used on the command line and in JSON output. */
  public String cliName() {
    return cliName;
  }

  /** A new accountant of this kind with its default settings. */
  public PrivacyAccountant create() {
    return factory.get();
  }

  /** The kind whose {@link #cliName()} is {@code name} (case-insensitive), if any. */
  public static Optional<AccountantKind> fromCliName(String name) {
    return Arrays.stream(values()).filter(k -> k.cliName.equalsIgnoreCase(name)).findFirst();
  }
}
