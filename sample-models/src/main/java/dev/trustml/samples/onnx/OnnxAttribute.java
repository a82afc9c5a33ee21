package dev.trustml.samples.onnx;

/**
 * A node attribute (ONNX {@code AttributeProto}): one integer, one float or a list of integers.
 * Field numbers and type codes are those of {@code onnx/onnx.proto}.
 */
public final class OnnxAttribute {
  private static final int TYPE_FLOAT = 1;
  private static final int TYPE_INT = 2;
  private static final int TYPE_INTS = 7;

  private final String name;
  private final int type;
  private final long[] ints;
  private final float value;

  private OnnxAttribute(String name, int type, long[] ints, float value) {
    this.name = name;
    this.type = type;
    this.ints = ints;
    this.value = value;
  }

  /** An INT attribute (e.g. {@code axis}). */
  public static OnnxAttribute of(String name, long value) {
    return new OnnxAttribute(name, TYPE_INT, new long[] {value}, 0f);
  }

  /** A FLOAT attribute (e.g. {@code epsilon}). */
  public static OnnxAttribute of(String name, float value) {
    return new OnnxAttribute(name, TYPE_FLOAT, new long[0], value);
  }

  /** An INTS attribute (e.g. {@code perm}). */
  public static OnnxAttribute ofInts(String name, long... values) {
    return new OnnxAttribute(name, TYPE_INTS, values.clone(), 0f);
  }

  public String name() {
    return name;
  }

  ProtoWriter encode() {
    ProtoWriter a = new ProtoWriter().string(1, name);
    switch (type) {
      case TYPE_FLOAT -> a.float32(2, value);
      case TYPE_INT -> a.varint(3, ints[0]);
      default -> {
        for (long v : ints) {
          a.varint(8, v);
        }
      }
    }
    return a.varint(20, type);
  }
}
