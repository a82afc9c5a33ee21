/** Exceptions that carry a user-facing one-line message and a documented exit code. */
package dev.trustml.error;
