/**
 * The precomputed-outputs file format ({@link dev.trustml.outputs.OutputsCsv}): one model's outputs
 * on rows, read and checked ({@link dev.trustml.outputs.OutputsTable}), and rows of one file
 * matched to rows of another ({@link dev.trustml.outputs.RowMatcher}). No audit logic: the
 * membership audit of such files ({@code dev.trustml.audit.outputs}) and reference plans whose
 * models are given as outputs ({@code dev.trustml.audit.shadow}) both read them here.
 */
package dev.trustml.outputs;
