package dev.trustml.reports.schema;

import dev.trustml.results.AuditResult;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.MembershipResult;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of result file trustml writes, with the JSON Schema each one follows. */
public enum ResultKind {
  /**
   * {@code trustml audit membership}. Version 1 files are not read: they called the split-half
   * estimate {@code epsilon_lower_bound}, which version 2 reserves for the one-run bound.
   */
  MEMBERSHIP(MembershipResult.KIND, MembershipResult.SCHEMA_VERSION, 2, MembershipResult.class),
  /** {@code trustml audit canary}; version 1 files (before canary verdicts) still read. */
  CANARY(CanaryResult.KIND, CanaryResult.SCHEMA_VERSION, 1, CanaryResult.class);

  private final String jsonName;
  private final int schemaVersion;
  private final int oldestReadable;
  private final Class<? extends AuditResult> recordType;

  ResultKind(
      String jsonName,
      int schemaVersion,
      int oldestReadable,
      Class<? extends AuditResult> recordType) {
    this.jsonName = jsonName;
    this.schemaVersion = schemaVersion;
    this.oldestReadable = oldestReadable;
    this.recordType = recordType;
  }

  /** The oldest {@code schema_version} this build reads with its current meaning. */
  public int oldestReadable() {
    return oldestReadable;
  }

  /** The value of the {@code kind} key. */
  public String jsonName() {
    return jsonName;
  }

  /** The newest {@code schema_version} this build reads and the one it writes. */
  public int schemaVersion() {
    return schemaVersion;
  }

  /** The record the JSON binds to. */
  public Class<? extends AuditResult> recordType() {
    return recordType;
  }

  /** Classpath location of the published JSON Schema (draft 2020-12). */
  public String schemaResource() {
    return "/schema/" + jsonName + "-result.schema.json";
  }

  /** The kind of a result record. */
  public static ResultKind of(AuditResult result) {
    // Java 17 has no pattern switch; AuditResult is sealed to exactly these two records.
    if (result instanceof MembershipResult) {
      return MEMBERSHIP;
    }
    if (result instanceof CanaryResult) {
      return CANARY;
    }
    throw new IllegalArgumentException("not an audit result: " + result);
  }

  /** The kind whose record is {@code type}. */
  public static ResultKind ofType(Class<? extends AuditResult> type) {
    return Arrays.stream(values())
        .filter(k -> k.recordType == type)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a result record: " + type));
  }

  /** The kind named by a {@code kind} value, if any. */
  public static Optional<ResultKind> fromJson(String name) {
    return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
  }

  /** The known kind values, for error messages: {@code membership or canary}. */
  public static String known() {
    return Arrays.stream(values()).map(ResultKind::jsonName).collect(Collectors.joining(" or "));
  }
}
