package io.nexusliberty.temporal.connection;

import com.uber.m3.tally.Scope;
import io.nexusliberty.temporal.config.TlsSettings;
import io.temporal.common.converter.DataConverter;
import java.util.Map;

/**
 * What a connection to the Temporal frontend is made of.
 *
 * @param target host:port of the frontend
 * @param identity how this deployment's clients and workers name themselves to the server
 * @param tls TLS and the API key, or plaintext
 * @param grpcMetadata headers sent with every call
 * @param metricsScope where the SDK reports its metrics
 * @param tracing the interceptors that trace the clients' and the workers' calls
 * @param dataConverter how the clients and workers turn values into payloads and back
 * @param inProcessServer the name of an in-process gRPC server of this JVM that serves the frontend
 *     (the embedded server's), reached without the network; null to connect to {@code target}
 */
public record ConnectionSpec(
    String target,
    String identity,
    TlsSettings tls,
    Map<String, String> grpcMetadata,
    Scope metricsScope,
    TemporalTracing tracing,
    DataConverter dataConverter,
    String inProcessServer) {}
