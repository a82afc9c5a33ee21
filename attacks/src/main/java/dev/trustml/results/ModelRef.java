package dev.trustml.results;

/**
 * The audited model.
 *
 * @param path the bundle directory as given
 * @param name the model card's name
 * @param sha256 SHA-256 of the TorchScript file
 */
public record ModelRef(String path, String name, String sha256) {}
