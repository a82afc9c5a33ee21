package dev.trustml.canary;

/** The strategy that produced an {@link ExtractionResult}. */
public enum ExtractionMethod {
  /** Every candidate scored ({@link EnumerationSearch}). */
  ENUMERATE,
  /** Slot-by-slot beam search over partial canaries ({@link BeamSearch}). */
  BEAM,
  /**
   * Model inversion via gradient descent on the input (Parikh et al., ACL 2022, Sec. 4); white-box,
   * implemented outside this black-box package.
   */
  MODIVA
}
