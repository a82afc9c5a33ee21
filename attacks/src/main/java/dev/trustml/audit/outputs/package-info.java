/**
 * Precomputed outputs: a framework-free CSV format for a model's outputs on the audit rows, so the
 * membership audit (attacks, bounds, verdict, reports, gate) runs on what any framework computed,
 * without a model. One file per model, the same format for the audited model and every reference
 * model; {@link dev.trustml.outputs.OutputsCsv} defines it, {@link
 * dev.trustml.audit.outputs.PrecomputedOutputs} collects an audit from such files, and {@link
 * dev.trustml.audit.outputs.OutputsExport} writes them from any collected audit (so an audit of a
 * model can be handed to other tools, or repeated from its outputs alone).
 */
package dev.trustml.audit.outputs;
