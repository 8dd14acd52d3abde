package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Undeploying stops everything the application started: deploying, using and undeploying it twice
 * leaves no Temporal, gRPC or worker thread behind in the server, and the second deployment works
 * like the first.
 */
@ExtendWith(ArquillianExtension.class)
class RedeployIT {

  private static final String DEPLOYMENT = "redeploy";
  private static final Pattern APPLICATION_THREAD =
      Pattern.compile("(?i).*(temporal|grpc|workflow|nexus|poller|activity).*");

  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  static WebArchive deployment() {
    return TestWar.named(DEPLOYMENT).build();
  }

  @ArquillianResource Deployer deployer;

  @Test
  void undeployLeavesNoThreadsAndRedeployWorks() throws Exception {
    URL base =
        new URL("http://localhost:" + System.getProperty("it.http.port") + "/" + DEPLOYMENT + "/");
    Path messages = Path.of(System.getProperty("it.server.dir"), "logs", "messages.log");
    long linesBefore = Files.readAllLines(messages).size();
    try (JMXConnector jmx = connectToServer()) {
      MBeanServerConnection server = jmx.getMBeanServerConnection();
      for (int round = 1; round <= 2; round++) {
        deployer.deploy(DEPLOYMENT);
        ApiClient.Answer answer =
            new ApiClient(base)
                .postJson("api/hello", "{\"name\": \"Round " + round + "\", \"language\": \"en\"}");
        assertEquals(200, answer.status(), "deployment " + round + ": " + answer);
        assertEquals("Hello Round " + round + " 👋", answer.json().getString("result"));
        List<String> running = applicationThreads(server);
        assertTrue(
            running.stream().anyMatch(name -> name.startsWith("temporal-grpc"))
                && running.stream().anyMatch(name -> name.contains("Poller")),
            "the check must see the application's threads while it runs: " + running);

        deployer.undeploy(DEPLOYMENT);
        List<String> left = awaitNoApplicationThreads(server, Duration.ofSeconds(20));
        assertEquals(List.of(), left, "threads left after undeploy " + round);
      }
    }
    List<String> errors =
        Files.readAllLines(messages).stream()
            .skip(linesBefore)
            .filter(line -> line.matches("^\\[[^]]+] \\S+ .{1,60} E .*"))
            .toList();
    assertEquals(List.of(), errors, "errors logged while deploying and undeploying twice");
  }

  private static List<String> awaitNoApplicationThreads(
      MBeanServerConnection server, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> left = applicationThreads(server);
      if (left.isEmpty() || System.nanoTime() > deadline) {
        return left;
      }
      Thread.sleep(500);
    }
  }

  private static List<String> applicationThreads(MBeanServerConnection server) throws IOException {
    ThreadMXBean threads =
        ManagementFactory.newPlatformMXBeanProxy(
            server, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
    return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
        .filter(Objects::nonNull)
        .map(ThreadInfo::getThreadName)
        .filter(name -> APPLICATION_THREAD.matcher(name).matches())
        .sorted()
        .toList();
  }

  /** The server's local JMX connector, found the way Liberty's own tools find it. */
  private static JMXConnector connectToServer() throws IOException {
    Path address =
        Path.of(
            System.getProperty("it.server.dir"), "logs", "state", "com.ibm.ws.jmx.local.address");
    return JMXConnectorFactory.connect(new JMXServiceURL(Files.readString(address).strip()));
  }
}
