/**
 * Writing TorchScript archives from Java (no Python on the build machines). Only writing: trustml
 * never unpickles anything.
 */
package dev.trustml.model.torchscript;
