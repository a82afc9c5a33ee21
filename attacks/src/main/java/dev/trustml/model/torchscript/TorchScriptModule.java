package dev.trustml.model.torchscript;

import java.util.List;

/**
 * A TorchScript module to be written: its class name under {@code __torch__}, the class source, and
 * its parameters in declaration order.
 */
public record TorchScriptModule(String className, String source, List<FloatTensor> parameters) {
  public TorchScriptModule {
    parameters = List.copyOf(parameters);
  }
}
