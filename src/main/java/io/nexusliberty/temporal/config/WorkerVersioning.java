package io.nexusliberty.temporal.config;

import io.nexusliberty.settings.InvalidSettingException;
import io.nexusliberty.settings.SettingsReader;
import io.nexusliberty.temporal.Role;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Worker Deployment Version one role's workers poll as: a deployment name and a build ID, the
 * versioning behaviour of the workflow types that do not choose their own, and whether this start
 * makes the version current. Read per role ({@code temporal.<role>.deployment-name}), falling back
 * to {@code temporal.worker.*}.
 */
public record WorkerVersioning(
    String deploymentName, String buildId, Behavior defaultBehavior, boolean promote) {

  /** How a workflow run moves between versions, as Temporal's {@code VersioningBehavior} says. */
  public enum Behavior {
    /** A run stays on the version it started on, until it closes. */
    PINNED,
    /** A run moves to the current version at its next workflow task. */
    AUTO_UPGRADE;

    /** The setting's spelling: "pinned", "auto-upgrade". */
    public String configName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public static final String DEPLOYMENT_NAME = "deployment-name";
  public static final String BUILD_ID = "build-id";
  public static final String VERSIONING_BEHAVIOR = "versioning-behavior";

  /** Temporal joins the two into "name.build" in places: a name may not contain a dot. */
  private static final Pattern VALID_NAME = Pattern.compile("[^.\\s]{1,255}");

  private static final Pattern VALID_BUILD_ID = Pattern.compile("\\S{1,255}");

  /** The property of a role's setting: {@code temporal.<role>.<name>}. */
  public static String property(Role role, String name) {
    return "temporal." + role.configName() + "." + name;
  }

  /** The property all roles fall back to: {@code temporal.worker.<name>}. */
  public static String shared(String name) {
    return "temporal.worker." + name;
  }

  /**
   * A role's version, or empty when no deployment name is set for it (its workers are unversioned,
   * as without this feature, even when a build ID is set: an image may carry one).
   *
   * @throws InvalidSettingException when a deployment name is set without a build ID, or either is
   *     malformed
   */
  public static Optional<WorkerVersioning> read(SettingsReader reader, Role role) {
    Optional<String> name = roleOrShared(reader, role, DEPLOYMENT_NAME);
    Optional<String> buildId = roleOrShared(reader, role, BUILD_ID);
    String behaviorProperty = chosenProperty(reader, role, VERSIONING_BEHAVIOR);
    Behavior behavior = readBehavior(behaviorProperty, reader.required(behaviorProperty));
    boolean promote = reader.bool(SettingNames.WORKER_PROMOTE);
    if (name.isEmpty()) {
      // A build ID alone (an image built with one) describes the code; the name opts in.
      return Optional.empty();
    }
    if (buildId.isEmpty()) {
      throw new InvalidSettingException(
          shared(BUILD_ID),
          "not set, but "
              + chosenProperty(reader, role, DEPLOYMENT_NAME)
              + " is: a versioned worker needs both its deployment name and its build ID");
    }
    if (!VALID_NAME.matcher(name.get()).matches()) {
      throw new InvalidSettingException(
          chosenProperty(reader, role, DEPLOYMENT_NAME),
          "\"" + name.get() + "\" must be 1 to 255 characters without '.' or spaces");
    }
    if (!VALID_BUILD_ID.matcher(buildId.get()).matches()) {
      throw new InvalidSettingException(
          chosenProperty(reader, role, BUILD_ID),
          "\"" + buildId.get() + "\" must be 1 to 255 characters without spaces");
    }
    return Optional.of(new WorkerVersioning(name.get(), buildId.get(), behavior, promote));
  }

  private static Optional<String> roleOrShared(SettingsReader reader, Role role, String name) {
    return reader.optional(property(role, name)).or(() -> reader.optional(shared(name)));
  }

  /** The role's own property when it is set, else the shared one. */
  private static String chosenProperty(SettingsReader reader, Role role, String name) {
    return reader.optional(property(role, name)).isPresent() ? property(role, name) : shared(name);
  }

  private static Behavior readBehavior(String property, String value) {
    for (Behavior behavior : Behavior.values()) {
      if (behavior.configName().equalsIgnoreCase(value)) {
        return behavior;
      }
    }
    throw new InvalidSettingException(
        property, "\"" + value + "\" is not one of [pinned, auto-upgrade]");
  }

  /** "deployment hello-handler, build 2.1.0, pinned by default". */
  public String describe() {
    return "deployment "
        + deploymentName
        + ", build "
        + buildId
        + ", "
        + defaultBehavior.configName()
        + " by default"
        + (promote ? ", made current on start" : "");
  }
}
