package dev.trustml.model.torchscript;

import java.util.Arrays;

/**
 * A named, dense, row-major float32 tensor to be stored in a TorchScript archive.
 *
 * @param name the attribute name in the module (a Python identifier)
 * @param shape the sizes of each dimension
 * @param data the values, row-major; its length is the product of {@code shape}
 */
public record FloatTensor(String name, long[] shape, float[] data) {
  public FloatTensor {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("tensor name is not an identifier: " + name);
    }
    shape = shape.clone();
    long numel = 1;
    for (long s : shape) {
      numel *= s;
    }
    if (numel != data.length) {
      throw new IllegalArgumentException(
          name + ": shape " + Arrays.toString(shape) + " needs " + numel + " values");
    }
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** Row-major (contiguous) strides. */
  long[] strides() {
    long[] strides = new long[shape.length];
    long s = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      strides[i] = s;
      s *= shape[i];
    }
    return strides;
  }
}
