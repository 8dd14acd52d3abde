package io.nexusliberty.temporal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.nexusliberty.api.settings.ApiSettings;
import io.nexusliberty.settings.SettingsReader;
import io.nexusliberty.temporal.Role;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Containerfile and the manifests under {@code deploy/} speak the application's language: every
 * variable they set is one of its settings, the probes ask its health paths on the port it listens
 * on, the grace period outlasts its shutdown timeout, and the split roles add up to both roles. No
 * container engine or cluster runs here; this is what can be checked without one.
 */
class DeploymentManifestsTest {

  private static final Path DEPLOY = Path.of("deploy");
  private static final Map<String, String> HEALTH_PATHS =
      Map.of(
          "startup", "/health/started", "liveness", "/health/live", "readiness", "/health/ready");

  /** Kubernetes' grace period when a pod does not set one. */
  private static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(30);

  private static final Map<String, Map<String, Object>> documents = new HashMap<>();
  private static final Map<String, Object> configMap = new HashMap<>();
  private static final Set<String> secretKeys = new TreeSet<>();

  @BeforeAll
  static void readManifests() throws IOException {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(DEPLOY)) {
      files = walk.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no manifest under " + DEPLOY);
    for (Path file : files) {
      int index = 0;
      for (Object loaded : yaml.loadAll(Files.readString(file))) {
        String name = file + "#" + index++;
        Map<String, Object> document = map(loaded, name);
        assertNotNull(document.get("apiVersion"), name + ": apiVersion");
        assertNotNull(document.get("kind"), name + ": kind");
        assertNotNull(map(document.get("metadata"), name + ".metadata").get("name"), name);
        documents.put(name, document);
        if (document.get("kind").equals("ConfigMap")) {
          configMap.putAll(map(document.get("data"), name + ".data"));
        } else if (document.get("kind").equals("Secret")) {
          secretKeys.addAll(map(document.get("stringData"), name + ".stringData").keySet());
        }
      }
    }
  }

  @Test
  void everyVariableIsASettingOfTheApplication() throws Exception {
    Set<String> known = knownVariables();
    List<String> unknown = new ArrayList<>();
    for (String name : configMap.keySet()) {
      if (!known.contains(name)) {
        unknown.add("ConfigMap: " + name);
      }
    }
    for (String name : secretKeys) {
      if (!known.contains(name)) {
        unknown.add("Secret: " + name);
      }
    }
    for (var entry : documents.entrySet()) {
      for (Map<String, Object> variable : env(entry.getValue(), entry.getKey())) {
        if (!known.contains((String) variable.get("name"))) {
          unknown.add(entry.getKey() + ": " + variable.get("name"));
        }
      }
    }
    assertEquals(List.of(), unknown, "variables the application does not read");
    assertTrue(secretKeys.contains("TEMPORAL_API_KEY"), "the Secret carries the API key");
  }

  @Test
  void probesAskTheHealthPathsOnThePortTheApplicationListensOn() {
    int checked = 0;
    for (var entry : documents.entrySet()) {
      String name = entry.getKey();
      Map<String, Object> document = entry.getValue();
      switch ((String) document.get("kind")) {
        case "Deployment" -> {
          Map<String, Object> container = container(document, name);
          Map<String, Object> variables = variables(document, name);
          int port = Integer.parseInt((String) variables.getOrDefault("HTTP_PORT", "9080"));
          assertEquals("*", variables.get("HTTP_HOST"), name + ": listen beyond the pod");
          Map<String, Object> containerPort = map(list(container.get("ports")).get(0), name);
          assertEquals(port, containerPort.get("containerPort"), name + ": container port");
          for (var probe : HEALTH_PATHS.entrySet()) {
            Map<String, Object> httpGet =
                map(
                    map(container.get(probe.getKey() + "Probe"), name + " " + probe.getKey())
                        .get("httpGet"),
                    name);
            assertEquals(probe.getValue(), httpGet.get("path"), name + " " + probe.getKey());
            Object probePort = httpGet.get("port");
            assertTrue(
                probePort.equals(port) || probePort.equals(containerPort.get("name")),
                name + " " + probe.getKey() + " probes port " + probePort);
          }
          checked++;
        }
        case "OpenLibertyApplication" -> {
          Map<String, Object> spec = map(document.get("spec"), name);
          int port = Integer.parseInt((String) variables(document, name).get("HTTP_PORT"));
          assertEquals(port, map(spec.get("service"), name).get("port"), name + ": service");
          assertEquals("*", variables(document, name).get("HTTP_HOST"), name);
          Map<String, Object> probes = map(spec.get("probes"), name + ".probes");
          for (var probe : HEALTH_PATHS.entrySet()) {
            Map<String, Object> httpGet =
                map(map(probes.get(probe.getKey()), name).get("httpGet"), name);
            assertEquals(probe.getValue(), httpGet.get("path"), name + " " + probe.getKey());
            assertEquals(port, httpGet.get("port"), name + " " + probe.getKey());
          }
          checked++;
        }
        case "Service" -> {
          Map<String, Object> spec = map(document.get("spec"), name);
          Map<String, Object> selector = map(spec.get("selector"), name);
          Map<String, Object> target = deploymentSelectedBy(selector, name);
          Map<String, Object> port = map(list(spec.get("ports")).get(0), name);
          Object targetPort = port.get("targetPort");
          Map<String, Object> containerPort =
              map(list(container(target, name).get("ports")).get(0), name);
          assertTrue(
              targetPort.equals(containerPort.get("name"))
                  || targetPort.equals(containerPort.get("containerPort")),
              name + ": target port " + targetPort);
          checked++;
        }
        default -> {}
      }
    }
    assertTrue(checked >= 6, "deployments, services and the operator's resource checked");
  }

  @Test
  void podsOutlastTheShutdownTimeout() {
    for (var entry : documents.entrySet()) {
      String name = entry.getKey();
      Map<String, Object> document = entry.getValue();
      Duration grace;
      if (document.get("kind").equals("Deployment")) {
        Object seconds = podSpec(document, name).get("terminationGracePeriodSeconds");
        assertNotNull(seconds, name + ": terminationGracePeriodSeconds");
        grace = Duration.ofSeconds(((Number) seconds).longValue());
      } else if (document.get("kind").equals("OpenLibertyApplication")) {
        grace = DEFAULT_GRACE_PERIOD;
      } else {
        continue;
      }
      Object timeout = variables(document, name).get("TEMPORAL_SHUTDOWN_TIMEOUT");
      assertNotNull(timeout, name + ": TEMPORAL_SHUTDOWN_TIMEOUT, here or in the ConfigMap");
      Duration shutdown = SettingsReader.parseDuration((String) timeout);
      assertNotNull(shutdown, name + ": " + timeout);
      // Liberty stops its HTTP endpoint and the application around the workers' wait.
      assertTrue(
          grace.compareTo(shutdown.plusSeconds(5)) >= 0,
          name + ": grace period " + grace + " against a shutdown timeout of " + shutdown);
    }
  }

  @Test
  void splitRolesAddUpToBothRoles() {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    int deployments = 0;
    for (var entry : documents.entrySet()) {
      if (entry.getKey().startsWith(DEPLOY.resolve("kubernetes/split-roles").toString())
          && entry.getValue().get("kind").equals("Deployment")) {
        Object workers = variables(entry.getValue(), entry.getKey()).get("TEMPORAL_WORKERS");
        Set<Role> these = SettingFormats.readRoles((String) workers);
        assertEquals(1, these.size(), entry.getKey() + ": one role per team");
        roles.addAll(these);
        deployments++;
      }
    }
    assertEquals(2, deployments);
    assertEquals(EnumSet.allOf(Role.class), roles);
  }

  /**
   * Every deployed form verifies tokens by configuration: the server.xml the image and the jar are
   * built from has MicroProfile JWT and the key store it needs, and every Deployment and the
   * Operator's resource give the issuer and its key, never an anonymous API.
   */
  @Test
  void everyDeployedFormVerifiesTokens() throws IOException {
    String serverXml = Files.readString(Path.of("src/main/liberty/config/server.xml"));
    assertTrue(serverXml.contains("<feature>mpJwt-2.1</feature>"), "server.xml has mpJwt-2.1");
    assertTrue(serverXml.contains("<keyStore id=\"defaultKeyStore\""), "and its key store");
    assertTrue(
        serverXml.contains("trustedHeaderOrigin=\"none\""), "no private headers from clients");
    assertTrue(
        Files.readString(Path.of("Containerfile"))
            .contains("COPY --chown=1001:0 src/main/liberty/config/server.xml /config/"),
        "the image's server.xml is the project's");
    int checked = 0;
    for (var entry : documents.entrySet()) {
      String kind = (String) entry.getValue().get("kind");
      if (!kind.equals("Deployment") && !kind.equals("OpenLibertyApplication")) {
        continue;
      }
      Map<String, Object> variables = variables(entry.getValue(), entry.getKey());
      Set<String> secret = secretKeys;
      assertTrue(
          variables.get("MP_JWT_VERIFY_ISSUER") instanceof String issuer && !issuer.isBlank(),
          entry.getKey() + ": the tokens' issuer");
      assertTrue(
          variables.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION")
              || secret.contains("MP_JWT_VERIFY_PUBLICKEY"),
          entry.getKey() + ": the issuer's key");
      assertFalse(
          "true".equals(variables.get("API_ALLOW_ANONYMOUS")), entry.getKey() + ": anonymous");
      assertTrue(
          variables.get("API_PUBLIC_ORIGINS") instanceof String origins && !origins.isBlank(),
          entry.getKey() + ": the names clients use");
      checked++;
    }
    assertEquals(5, checked, "four Deployments and the Operator's resource");
  }

  /**
   * A versioned Deployment is one release: named after the version of the image it runs, and naming
   * the worker deployment every release shares, so that the next release starts beside it.
   */
  @Test
  void versionedDeploymentsAreOnePerRelease() {
    int deployments = 0;
    for (var entry : documents.entrySet()) {
      if (entry.getKey().startsWith(DEPLOY.resolve("kubernetes/versioned").toString())
          && entry.getValue().get("kind").equals("Deployment")) {
        Map<String, Object> metadata = map(entry.getValue().get("metadata"), entry.getKey());
        String version =
            (String) map(metadata.get("labels"), entry.getKey()).get("app.kubernetes.io/version");
        assertTrue(
            ((String) metadata.get("name")).endsWith("-" + version.replace('.', '-')),
            entry.getKey() + ": named after its version " + version);
        Map<String, Object> spec = map(entry.getValue().get("spec"), entry.getKey());
        Map<String, Object> pod =
            map(map(spec.get("template"), entry.getKey()).get("spec"), entry.getKey());
        Map<String, Object> container =
            map(((List<?>) pod.get("containers")).get(0), entry.getKey());
        assertTrue(
            ((String) container.get("image")).endsWith(":" + version),
            entry.getKey() + ": runs the image of its version");
        Object name =
            variables(entry.getValue(), entry.getKey()).get("TEMPORAL_WORKER_DEPLOYMENT_NAME");
        assertTrue(
            name instanceof String named && !named.isBlank(),
            entry.getKey() + ": names its worker deployment");
        deployments++;
      }
    }
    assertEquals(1, deployments);
  }

  @Test
  void containerfileFollowsTheKernelSlimPatternWithThisBuildsFiles() throws IOException {
    String containerfile = Files.readString(Path.of("Containerfile"));
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher version = Pattern.compile("<openliberty.version>([^<]+)<").matcher(pom);
    assertTrue(version.find());
    assertTrue(
        containerfile.contains(
            "FROM icr.io/appcafe/open-liberty:" + version.group(1) + "-kernel-slim-"),
        "the image of the Liberty version the tests run, kernel-slim");
    List<String> steps = new ArrayList<>();
    for (String line : containerfile.lines().toList()) {
      Matcher copy = Pattern.compile("^COPY (?:--\\S+ )*(\\S+) (\\S+)$").matcher(line);
      if (copy.matches()) {
        String source = copy.group(1);
        if (!source.startsWith("target/")) {
          assertTrue(Files.isRegularFile(Path.of(source)), "Containerfile copies " + source);
        }
        steps.add(source.endsWith(".war") ? "war" : "config");
      } else if (line.startsWith("RUN ")) {
        steps.add(line.substring(4).trim());
      }
    }
    assertEquals(
        List.of("config", "config", "config", "features.sh", "war", "configure.sh"), steps);
    assertTrue(containerfile.contains("target/nexus-liberty.war /config/apps/"));
    assertTrue(containerfile.contains("HTTP_HOST=*"));
  }

  /** The environment variable names the application reads. */
  private static Set<String> knownVariables() throws Exception {
    Set<String> known = new TreeSet<>();
    for (Class<?> names : List.of(SettingNames.class, ApiSettings.class)) {
      for (Field field : names.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          known.add(environmentName((String) field.get(null)));
        }
      }
    }
    for (Role role : Role.values()) {
      for (String tuning :
          List.of(
              WorkerTuning.MAX_CONCURRENT_WORKFLOW_TASKS,
              WorkerTuning.MAX_CONCURRENT_NEXUS_TASKS,
              WorkerTuning.WORKFLOW_POLLERS,
              WorkerTuning.NEXUS_POLLERS)) {
        known.add(environmentName(WorkerTuning.property(role, tuning)));
      }
    }
    Matcher variable =
        Pattern.compile("<variable name=\"([^\"]+)\"")
            .matcher(Files.readString(Path.of("src/main/liberty/config/server.xml")));
    while (variable.find()) {
      known.add(environmentName(variable.group(1)));
    }
    assertTrue(known.contains("TEMPORAL_ADDRESS") && known.contains("HTTP_PORT"), known::toString);
    return known;
  }

  /** The environment variable MicroProfile Config and Liberty read for a property. */
  private static String environmentName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  /** A resource's variables: the ConfigMap's, overridden by its own plain values. */
  private static Map<String, Object> variables(Map<String, Object> document, String name) {
    Map<String, Object> variables = new HashMap<>(configMap);
    for (Map<String, Object> variable : env(document, name)) {
      if (variable.get("value") != null) {
        variables.put((String) variable.get("name"), variable.get("value"));
      }
    }
    return variables;
  }

  private static List<Map<String, Object>> env(Map<String, Object> document, String name) {
    Object env =
        switch ((String) document.get("kind")) {
          case "Deployment" -> container(document, name).get("env");
          case "OpenLibertyApplication" -> map(document.get("spec"), name).get("env");
          default -> null;
        };
    List<Map<String, Object>> variables = new ArrayList<>();
    if (env != null) {
      for (Object variable : list(env)) {
        variables.add(map(variable, name + ".env"));
      }
    }
    return variables;
  }

  private static Map<String, Object> podSpec(Map<String, Object> deployment, String name) {
    Map<String, Object> template =
        map(map(deployment.get("spec"), name).get("template"), name + ".template");
    return map(template.get("spec"), name + ".template.spec");
  }

  private static Map<String, Object> container(Map<String, Object> deployment, String name) {
    List<Object> containers = list(podSpec(deployment, name).get("containers"));
    assertEquals(1, containers.size(), name + ": one container");
    return map(containers.get(0), name + ".containers[0]");
  }

  private static Map<String, Object> deploymentSelectedBy(
      Map<String, Object> selector, String service) {
    for (var entry : documents.entrySet()) {
      if (entry.getValue().get("kind").equals("Deployment")) {
        Map<String, Object> template =
            map(map(entry.getValue().get("spec"), entry.getKey()).get("template"), service);
        Map<String, Object> labels =
            map(map(template.get("metadata"), service).get("labels"), service);
        if (labels.entrySet().containsAll(selector.entrySet())) {
          return entry.getValue();
        }
      }
    }
    return fail(service + " selects no Deployment's pods: " + selector);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (!(value instanceof Map)) {
      return fail(where + ": expected a mapping, got " + value);
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    if (!(value instanceof List)) {
      return fail("expected a list, got " + value);
    }
    return (List<Object>) value;
  }
}
