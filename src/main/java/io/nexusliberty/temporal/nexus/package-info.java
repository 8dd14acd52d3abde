/**
 * The payloads of Nexus calls as other SDKs send and read them: the Go-compatible JSON converter
 * ({@code encoding/json}'s bytes written, Go's reading of lone surrogates and invalid UTF-8), the
 * decoding of an operation's input that refuses bad input for good ({@code BAD_REQUEST}) instead of
 * retrying it, and the one log line of each refusal, its caller text escaped. It may import the
 * face of {@code temporal} ({@code BadNexusInput}, {@code NexusInputShape}); the connection and the
 * workers of {@code temporal} import it.
 */
package io.nexusliberty.temporal.nexus;
