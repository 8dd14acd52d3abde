package io.nexusliberty.temporal.connection;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.nexusliberty.temporal.config.TlsContextFactory;
import io.nexusliberty.temporal.config.TlsSettings;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.concurrent.ExecutorService;

/**
 * The gRPC channel's options: the application's own event loop and executor, TLS and the server
 * name, the API key and the extra headers; or a channel of this JVM's own to an in-process server.
 */
final class ChannelOptions {

  private ChannelOptions() {}

  /**
   * The stubs' options: over {@code inProcess} when given (no TLS there: it never leaves the JVM),
   * else over a Netty channel to the spec's target.
   */
  static WorkflowServiceStubsOptions build(
      ConnectionSpec spec,
      EventLoopGroup eventLoop,
      ExecutorService executor,
      ManagedChannel inProcess) {
    // Read in either case, so that a wrong TLS setting stops the start the same way.
    SslContext sslContext = TlsContextFactory.create(spec.tls());
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder().setMetricsScope(spec.metricsScope());
    if (inProcess != null) {
      options.setChannel(inProcess);
    } else {
      overNetwork(spec, sslContext, eventLoop, executor, options);
    }
    if (spec.tls().apiKey() != null) {
      String apiKey = spec.tls().apiKey();
      options.addApiKey(() -> apiKey);
    }
    if (!spec.grpcMetadata().isEmpty()) {
      Metadata headers = new Metadata();
      spec.grpcMetadata()
          .forEach(
              (key, value) ->
                  headers.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value));
      options.addGrpcMetadataProvider(() -> headers);
    }
    return options.validateAndBuildWithDefaults();
  }

  private static void overNetwork(
      ConnectionSpec spec,
      SslContext sslContext,
      EventLoopGroup eventLoop,
      ExecutorService executor,
      WorkflowServiceStubsOptions.Builder options) {
    TlsSettings tls = spec.tls();
    options
        .setTarget(spec.target())
        .setChannelInitializer(
            channel -> {
              NettyChannelBuilder netty = (NettyChannelBuilder) channel;
              netty
                  .eventLoopGroup(eventLoop)
                  .channelType(NioSocketChannel.class)
                  .executor(executor)
                  .offloadExecutor(executor);
              if (tls.serverName() != null) {
                // The name the server certificate is verified against, and sent as SNI.
                netty.overrideAuthority(tls.serverName());
              }
            });
    if (sslContext != null) {
      options.setSslContext(sslContext);
    } else if (tls.active()) {
      options.setEnableHttps(true);
    }
  }
}
