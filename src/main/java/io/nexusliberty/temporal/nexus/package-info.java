/**
 * Nexus as this application speaks it: the payloads as other SDKs send and read them (the
 * Go-compatible JSON converter, {@code encoding/json}'s bytes written, Go's reading of lone
 * surrogates and invalid UTF-8), the decoding of an operation's input that refuses bad input for
 * good ({@code BAD_REQUEST}) instead of retrying it, the one log line of each refusal with its
 * caller text escaped, and the endpoint: created where the deployment provisions, checked where it
 * does not. It imports the face of {@code temporal} ({@code BadNexusInput}, {@code
 * NexusInputShape}), {@code temporal.config} and {@code temporal.connection}; the workers import
 * it.
 */
package io.nexusliberty.temporal.nexus;
