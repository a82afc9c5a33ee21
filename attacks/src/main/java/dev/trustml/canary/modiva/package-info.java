/**
 * ModIvA, the white-box canary extraction attack of Parikh, Dupuy &amp; Gupta, "Canary extraction
 * in natural language understanding models" (ACL 2022): the unknown slots of a planted secret are
 * relaxed into Gumbel-softmax distributions (Jang et al., ICLR 2017) over their alphabets and
 * optimised by gradient descent through the model's embedding-input method. Entry point: {@link
 * dev.trustml.canary.modiva.Modiva#run}.
 */
package dev.trustml.canary.modiva;
