/**
 * Audit results: immutable records that do no I/O. They are the JSON contract other tools read
 * (field names map to snake_case keys); the {@code reports} module renders them (JSON, CSV, HTML,
 * Markdown, JUnit XML) and the CI gate checks them. Raw training text and planted secrets never
 * appear here unless the user asked for them ({@code --reveal-secrets}).
 */
package dev.trustml.results;
