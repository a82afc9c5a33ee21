package dev.trustml.model.torchscript;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few opcodes of Python's pickle protocol 2 that a TorchScript {@code data.pkl} needs. We only
 * ever write pickles; trustml never reads (unpickles) anything itself.
 *
 * <p>Opcode values are from CPython's {@code Lib/pickletools.py}.
 */
final class PickleWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  PickleWriter proto2() {
    out.write(0x80);
    out.write(2);
    return this;
  }

  /** GLOBAL: pushes {@code module.name}. */
  PickleWriter global(String module, String name) {
    out.write('c');
    writeAscii(module + "\n" + name + "\n");
    return this;
  }

  PickleWriter emptyTuple() {
    out.write(')');
    return this;
  }

  PickleWriter emptyDict() {
    out.write('}');
    return this;
  }

  PickleWriter mark() {
    out.write('(');
    return this;
  }

  /** TUPLE: the items since the last mark. */
  PickleWriter tupleFromMark() {
    out.write('t');
    return this;
  }

  PickleWriter newObj() {
    out.write(0x81);
    return this;
  }

  PickleWriter reduce() {
    out.write('R');
    return this;
  }

  PickleWriter build() {
    out.write('b');
    return this;
  }

  PickleWriter setItems() {
    out.write('u');
    return this;
  }

  PickleWriter binPersId() {
    out.write('Q');
    return this;
  }

  PickleWriter bool(boolean value) {
    out.write(value ? 0x88 : 0x89);
    return this;
  }

  /** BININT (4-byte signed little-endian) or LONG1 for values outside the int range. */
  PickleWriter integer(long value) {
    if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
      out.write('J');
      writeIntLe((int) value);
    } else {
      out.write(0x8a);
      out.write(8);
      for (int i = 0; i < 8; i++) {
        out.write((int) (value >>> (8 * i)) & 0xff);
      }
    }
    return this;
  }

  /** BINUNICODE: a UTF-8 string with a 4-byte length. */
  PickleWriter string(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.write('X');
    writeIntLe(bytes.length);
    out.write(bytes, 0, bytes.length);
    return this;
  }

  /** A tuple of integers (sizes and strides). */
  PickleWriter intTuple(long[] values) {
    mark();
    for (long v : values) {
      integer(v);
    }
    return tupleFromMark();
  }

  PickleWriter stop() {
    out.write('.');
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void writeAscii(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
    out.write(bytes, 0, bytes.length);
  }

  private void writeIntLe(int v) {
    out.write(v & 0xff);
    out.write((v >>> 8) & 0xff);
    out.write((v >>> 16) & 0xff);
    out.write((v >>> 24) & 0xff);
  }
}
