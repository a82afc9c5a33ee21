package dev.trustml.model.torchscript;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a TorchScript archive (what {@code torch.jit.save} produces) from Java, because these
 * machines have no Python PyTorch.
 *
 * <p>Layout, as measured to load in libtorch 2.7.1: every entry sits under {@code archive/}: {@code
 * data.pkl} (a protocol-2 pickle of the module object: its class, {@code training}, and each
 * parameter rebuilt by {@code torch._utils._rebuild_tensor_v2} from a persistent storage id),
 * {@code code/__torch__.py} (the TorchScript source of the class), {@code data/<key>} (raw
 * little-endian float32 storage), {@code constants.pkl} (an empty tuple) and {@code version}.
 * Entries are STORED (not deflated) so libtorch can map tensor data directly.
 */
public final class TorchScriptWriter {
  /** Versions 1-10 load in libtorch 2.7.1; 3 and below rewrite {@code torch.div}. */
  static final String FILE_FORMAT_VERSION = "4";

  private static final String ROOT = "archive/";

  private TorchScriptWriter() {}

  /**
   * Writes one module whose class is {@code __torch__.<className>}.
   *
   * @param out where the zip goes (not closed)
   * @param module the class name, source and parameters
   */
  public static void write(OutputStream out, TorchScriptModule module) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    putStored(zip, "data.pkl", dataPickle(module));
    putStored(zip, "code/__torch__.py", module.source().getBytes(StandardCharsets.UTF_8));
    List<FloatTensor> params = module.parameters();
    for (int i = 0; i < params.size(); i++) {
      putStored(zip, "data/" + i, littleEndian(params.get(i).data()));
    }
    // An empty tuple: PROTO 2, EMPTY_TUPLE, STOP.
    putStored(zip, "constants.pkl", new byte[] {(byte) 0x80, 0x02, 0x29, 0x2e});
    putStored(zip, "version", (FILE_FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
    zip.finish();
  }

  /** The pickle of {@code __torch__.<className>} with {@code training=False} and parameters. */
  static byte[] dataPickle(TorchScriptModule module) {
    PickleWriter p = new PickleWriter().proto2();
    p.global("__torch__", module.className()).emptyTuple().newObj();
    p.emptyDict().mark();
    p.string("training").bool(false);
    List<FloatTensor> params = module.parameters();
    for (int i = 0; i < params.size(); i++) {
      FloatTensor t = params.get(i);
      p.string(t.name());
      p.global("torch._utils", "_rebuild_tensor_v2");
      p.mark();
      // Persistent id: ("storage", torch.FloatStorage, key, location, numel).
      p.mark()
          .string("storage")
          .global("torch", "FloatStorage")
          .string(Integer.toString(i))
          .string("cpu")
          .integer(t.data().length)
          .tupleFromMark()
          .binPersId();
      p.integer(0); // storage offset
      p.intTuple(t.shape());
      p.intTuple(t.strides());
      p.bool(false); // requires_grad
      p.global("collections", "OrderedDict").emptyTuple().reduce(); // backward hooks
      p.tupleFromMark().reduce();
    }
    p.setItems().build().stop();
    return p.toByteArray();
  }

  private static byte[] littleEndian(float[] values) {
    ByteBuffer buf =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(values);
    return buf.array();
  }

  private static void putStored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry entry = new ZipEntry(ROOT + name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(bytes.length);
    entry.setCompressedSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    entry.setCrc(crc.getValue());
    entry.setTime(0L); // reproducible archives: same weights -> same bytes
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }
}
