package dev.trustml.canary;

/** One training row: a text and its label, as the classifier's data set holds them. */
public record LabeledText(String text, String label) {}
