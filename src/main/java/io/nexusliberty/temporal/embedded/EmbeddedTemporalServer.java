package io.nexusliberty.temporal.embedded;

import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.nexusliberty.temporal.config.SettingNames;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Temporal's own Java test server, run in-process on a loopback port when no {@code
 * temporal.address} is configured. It keeps everything in memory and is meant for trying the
 * application out, not for production. The application's own clients and workers reach it without
 * the network, by an in-process channel ({@link #inProcessName()}); other processes use the port.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedTemporalServer.class.getName());

  private final TestServicesStarter services;
  private final EventLoopGroup eventLoop;
  private final ExecutorService executor;
  private final Server server;
  private final Server inProcessServer;
  private final String inProcessName = InProcessServerBuilder.generateName();
  private final EmbeddedServerLogFilter logFilter;
  private final EmbeddedServerRetention retention;

  private EmbeddedTemporalServer(int port, int maxClosedWorkflows) {
    // The test server's public entry point (TestServer.createPortBoundServer) binds every
    // interface and gRPC's shared threads; building the server here keeps it on loopback and on
    // threads that stop with the application.
    services = new TestServicesStarter(true, 0);
    EmbeddedServerTaskOrder.install(services);
    eventLoop = new NioEventLoopGroup(2, new DefaultThreadFactory("temporal-embedded", true));
    executor =
        Executors.newCachedThreadPool(new DefaultThreadFactory("temporal-embedded-executor", true));
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .channelType(NioServerSocketChannel.class)
            .bossEventLoopGroup(eventLoop)
            .workerEventLoopGroup(eventLoop)
            .executor(executor);
    // One lock order for both ways in: it orders the calls of the one server behind them.
    List<ServerInterceptor> interceptors = List.of(new EmbeddedServerLockOrder());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder, interceptors);
    // The same services without sockets, HTTP/2 framing or serialisation, for this JVM's own calls.
    InProcessServerBuilder inProcess = InProcessServerBuilder.forName(inProcessName);
    inProcess.executor(executor);
    GRPCServerHelper.registerServicesAndHealthChecks(
        services.getServices(), inProcess, interceptors);
    logFilter = EmbeddedServerLogFilter.install();
    retention = EmbeddedServerRetention.start(services, maxClosedWorkflows);
    try {
      inProcessServer = inProcess.build().start();
      server = builder.build().start();
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(
          "Cannot start the embedded Temporal server on 127.0.0.1:"
              + port
              + " ("
              + e.getMessage()
              + "): free the port, set "
              + SettingNames.EMBEDDED_PORT
              + " to another (0 picks a free one), or set "
              + SettingNames.ADDRESS
              + " to use a real server",
          e);
    }
  }

  /**
   * Starts the server on this loopback port (0 picks a free one), keeping at most this many closed
   * workflows.
   */
  public static EmbeddedTemporalServer start(int port, int maxClosedWorkflows) {
    return new EmbeddedTemporalServer(port, maxClosedWorkflows);
  }

  /** What prunes its closed workflows, or null when it cannot. */
  public EmbeddedServerRetention retention() {
    return retention;
  }

  /** host:port clients connect to. */
  public String target() {
    return InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort();
  }

  /**
   * The name of the in-process server that serves the same services to this JVM: a channel built by
   * {@code InProcessChannelBuilder.forName(name)} reaches it without the network.
   */
  public String inProcessName() {
    return inProcessName;
  }

  @Override
  public void close() {
    if (retention != null) {
      retention.close();
    }
    try {
      // The services first: closing them answers pending long polls while the server can still
      // write the answers.
      services.close();
      for (Server started : new Server[] {server, inProcessServer}) {
        if (started != null) {
          started.shutdownNow();
          started.awaitTermination(5, TimeUnit.SECONDS);
        }
      }
      eventLoop.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
      executor.shutdownNow();
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.log(Level.WARNING, "Interrupted while stopping the embedded Temporal server", e);
    } finally {
      logFilter.remove();
    }
  }
}
