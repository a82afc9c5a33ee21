package dev.trustml.samples.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Encodings against the worked examples of the Protocol Buffers encoding guide. */
class ProtoWriterTest {
  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void varintFieldOf150IsTheGuidesExample() {
    // protobuf.dev/programming-guides/encoding: "message Test1 { int32 a = 1; }" with a = 150
    // is 08 96 01.
    assertArrayEquals(bytes(0x08, 0x96, 0x01), new ProtoWriter().varint(1, 150).toByteArray());
  }

  @Test
  void stringFieldIsTheGuidesExample() {
    // "message Test2 { string b = 2; }" with b = "testing" is 12 07 74 65 73 74 69 6e 67.
    assertArrayEquals(
        bytes(0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67),
        new ProtoWriter().string(2, "testing").toByteArray());
  }

  @Test
  void embeddedMessageIsTheGuidesExample() {
    // "message Test3 { Test1 c = 3; }" with c.a = 150 is 1a 03 08 96 01.
    assertArrayEquals(
        bytes(0x1a, 0x03, 0x08, 0x96, 0x01),
        new ProtoWriter().message(3, new ProtoWriter().varint(1, 150)).toByteArray());
  }

  @Test
  void negativeVarintTakesTenBytes() {
    // Two's complement, as int64 -1 is written: nine 0xff then 0x01.
    assertArrayEquals(
        bytes(0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
        new ProtoWriter().varint(1, -1).toByteArray());
  }

  @Test
  void floatIsFixed32LittleEndian() {
    // 1.0f = 0x3f800000; field 2, wire type 5 -> tag 0x15.
    assertArrayEquals(
        bytes(0x15, 0x00, 0x00, 0x80, 0x3f), new ProtoWriter().float32(2, 1f).toByteArray());
  }
}
