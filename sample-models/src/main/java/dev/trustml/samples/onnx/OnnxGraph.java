package dev.trustml.samples.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds an ONNX model file ({@code ModelProto}) from Java: typed graph inputs and outputs,
 * initializers (stored as little-endian {@code raw_data}) and nodes in topological order. A plain
 * Protocol Buffers encoder over the field numbers of {@code onnx/onnx.proto} (IR version 8, the
 * default operator set at a given version); no generated code, no dependency.
 *
 * <p>Every node input must already be a graph input, an initializer or an earlier node's output,
 * and every name is defined once, so a graph that builds is well-formed.
 */
public final class OnnxGraph {
  /** ONNX {@code IR_VERSION_2021_7_30}, the IR of operator set 17 (ONNX 1.12). */
  public static final long IR_VERSION = 8;

  /** Element types ({@code TensorProto.DataType}). */
  public enum ElementType {
    FLOAT(1),
    INT64(7);

    final int code;

    ElementType(int code) {
      this.code = code;
    }
  }

  private final String name;
  private final List<ProtoWriter> nodes = new ArrayList<>();
  private final List<ProtoWriter> initializers = new ArrayList<>();
  private final List<ProtoWriter> inputs = new ArrayList<>();
  private final List<ProtoWriter> outputs = new ArrayList<>();
  private final Set<String> defined = new HashSet<>();
  private final List<String> outputNames = new ArrayList<>();

  public OnnxGraph(String name) {
    this.name = name;
  }

  /**
   * A graph input.
   *
   * @param dims per dimension a {@code String} (symbolic, e.g. "batch") or a {@code Number}
   */
  public OnnxGraph input(String name, ElementType type, Object... dims) {
    define(name);
    inputs.add(valueInfo(name, type, dims));
    return this;
  }

  /** A graph output: a value some node must produce. */
  public OnnxGraph output(String name, ElementType type, Object... dims) {
    outputNames.add(name);
    outputs.add(valueInfo(name, type, dims));
    return this;
  }

  /** A float32 constant tensor; returns its name. */
  public String initializer(String name, long[] shape, float[] data) {
    checkSize(name, shape, data.length);
    ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(data);
    return initializer(name, shape, ElementType.FLOAT, b.array());
  }

  /** An int64 constant tensor; returns its name. */
  public String initializer(String name, long[] shape, long[] data) {
    checkSize(name, shape, data.length);
    ByteBuffer b = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(data);
    return initializer(name, shape, ElementType.INT64, b.array());
  }

  private String initializer(String name, long[] shape, ElementType type, byte[] raw) {
    define(name);
    ProtoWriter t = new ProtoWriter();
    for (long d : shape) {
      t.varint(1, d);
    }
    t.varint(2, type.code).string(8, name).bytes(9, raw);
    initializers.add(t);
    return name;
  }

  /**
   * A node of the default domain.
   *
   * @param opType the operator, e.g. "MatMul"
   * @param inputs its inputs, in the operator's order ("" for an omitted optional input)
   * @param output the name of its one output
   * @return {@code output}
   */
  public String node(String opType, List<String> inputs, String output, OnnxAttribute... attrs) {
    for (String in : inputs) {
      if (!in.isEmpty() && !defined.contains(in)) {
        throw new IllegalArgumentException(opType + " -> " + output + ": undefined input " + in);
      }
    }
    define(output);
    ProtoWriter n = new ProtoWriter();
    for (String in : inputs) {
      n.string(1, in);
    }
    n.string(2, output).string(3, output).string(4, opType);
    for (OnnxAttribute a : attrs) {
      n.message(5, a.encode());
    }
    nodes.add(n);
    return output;
  }

  /** The serialized {@code ModelProto} importing the default operator set at {@code opset}. */
  public byte[] toModel(long opset, String producerName, String producerVersion) {
    for (String out : outputNames) {
      if (!defined.contains(out)) {
        throw new IllegalStateException("graph output " + out + " is never computed");
      }
    }
    ProtoWriter g = new ProtoWriter();
    for (ProtoWriter n : nodes) {
      g.message(1, n);
    }
    g.string(2, name);
    for (ProtoWriter t : initializers) {
      g.message(5, t);
    }
    for (ProtoWriter v : inputs) {
      g.message(11, v);
    }
    for (ProtoWriter v : outputs) {
      g.message(12, v);
    }
    return new ProtoWriter()
        .varint(1, IR_VERSION)
        .string(2, producerName)
        .string(3, producerVersion)
        .message(7, g)
        .message(8, new ProtoWriter().varint(2, opset))
        .toByteArray();
  }

  private void define(String name) {
    if (name.isEmpty() || !defined.add(name)) {
      throw new IllegalArgumentException("value name defined twice or empty: '" + name + "'");
    }
  }

  private static void checkSize(String name, long[] shape, int length) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    if (n != length) {
      throw new IllegalArgumentException(name + ": shape needs " + n + " values, got " + length);
    }
  }

  private static ProtoWriter valueInfo(String name, ElementType type, Object... dims) {
    ProtoWriter shape = new ProtoWriter();
    for (Object d : dims) {
      ProtoWriter dim = new ProtoWriter();
      if (d instanceof Number n) {
        dim.varint(1, n.longValue());
      } else {
        dim.string(2, d.toString());
      }
      shape.message(1, dim);
    }
    ProtoWriter tensor = new ProtoWriter().varint(1, type.code).message(2, shape);
    ProtoWriter typeProto = new ProtoWriter().message(1, tensor);
    return new ProtoWriter().string(1, name).message(2, typeProto);
  }
}
