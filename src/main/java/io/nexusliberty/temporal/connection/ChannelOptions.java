package io.nexusliberty.temporal.connection;

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
 * name, the API key and the extra headers.
 */
final class ChannelOptions {

  private ChannelOptions() {}

  static WorkflowServiceStubsOptions build(
      ConnectionSpec spec, EventLoopGroup eventLoop, ExecutorService executor) {
    TlsSettings tls = spec.tls();
    SslContext sslContext = TlsContextFactory.create(tls);
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(spec.target())
            .setMetricsScope(spec.metricsScope())
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
    if (tls.apiKey() != null) {
      String apiKey = tls.apiKey();
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
}
