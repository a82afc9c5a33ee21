package dev.trustml.privacy;

/** In-place iterative radix-2 Cooley-Tukey FFT on split real/imaginary arrays. */
final class Fft {
  private Fft() {}

  /** Forward transform X_k = sum_j x_j exp(-2 pi i j k / n); n must be a power of two. */
  static void forward(double[] re, double[] im) {
    transform(re, im, -1);
  }

  /** Inverse transform including the 1/n factor. */
  static void inverse(double[] re, double[] im) {
    transform(re, im, +1);
    double scale = 1.0 / re.length;
    for (int i = 0; i < re.length; i++) {
      re[i] *= scale;
      im[i] *= scale;
    }
  }

  /** The smallest power of two >= n (n >= 1). */
  static int sizeFor(long n) {
    if (n > (1 << 30)) {
      throw new IllegalArgumentException("FFT size too large: " + n);
    }
    int size = 1;
    while (size < n) {
      size <<= 1;
    }
    return size;
  }

  private static void transform(double[] re, double[] im, int sign) {
    int n = re.length;
    if (n != im.length || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
    }
    bitReverse(re, im);
    // Twiddles from one table of cos/sin(2 pi k / n), each computed directly (no recurrence), so
    // rounding does not accumulate across a long transform.
    int half = n / 2;
    double[] cos = new double[Math.max(half, 1)];
    double[] sin = new double[Math.max(half, 1)];
    for (int k = 0; k < half; k++) {
      double angle = 2 * Math.PI * k / n;
      cos[k] = Math.cos(angle);
      sin[k] = sign * Math.sin(angle);
    }
    for (int len = 2; len <= n; len <<= 1) {
      int halfLen = len >> 1;
      int stride = n / len;
      for (int start = 0; start < n; start += len) {
        for (int k = 0; k < halfLen; k++) {
          double wr = cos[k * stride];
          double wi = sin[k * stride];
          int a = start + k;
          int b = a + halfLen;
          double xr = re[b] * wr - im[b] * wi;
          double xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
  }

  private static void bitReverse(double[] re, double[] im) {
    int n = re.length;
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
  }
}
