package dev.trustml.model.card;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How trustml trained a model: enough to train reference (shadow) models the same way and to
 * reproduce the model bit for bit.
 *
 * @param optimizer {@code sgd} or {@code adam}
 * @param learningRate step size
 * @param epochs passes over the data (non-private training) or the equivalent (DP-SGD)
 * @param batchSize batch size (expected batch size under Poisson sampling)
 * @param steps optimiser steps taken
 * @param seed the seed of every random choice
 * @param dataset the training CSV's file name (no path), as given
 * @param datasetSha256 SHA-256 of the training CSV
 * @param textColumn the text column's name
 * @param labelColumn the label column's name
 * @param heldoutFraction share of rows held out from training
 * @param membersFile CSV of the rows trained on, relative to the bundle
 * @param nonMembersFile CSV of the held-out rows, relative to the bundle
 * @param vocabularySize tokens kept in the vocabulary (incl. padding and unknown)
 * @param trainSeconds wall time of training
 * @param design how rows were assigned to members and non-members (null on cards written before
 *     trustml recorded it: treated as unknown)
 */
public record TrainingRecipe(
    String optimizer,
    double learningRate,
    int epochs,
    int batchSize,
    long steps,
    long seed,
    String dataset,
    String datasetSha256,
    String textColumn,
    String labelColumn,
    double heldoutFraction,
    String membersFile,
    String nonMembersFile,
    int vocabularySize,
    double trainSeconds,
    @JsonInclude(JsonInclude.Include.NON_NULL) MembershipDesign design) {}
