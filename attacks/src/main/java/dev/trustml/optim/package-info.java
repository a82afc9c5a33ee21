/**
 * Optimisers shared by every trainer in trustml (the text classifier, ModIvA, the BERT fixture).
 */
package dev.trustml.optim;
