package io.nexusliberty.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A release of the application whose {@code HelloHandlerWorkflowImpl} a team changed: the built WAR
 * with that one class compiled from {@code src/test/resources/rollout/<release>/}, against the
 * WAR's own classes and libraries, as a team's build would make it.
 */
final class HandlerRelease {

  private static final String WORKFLOW = "io/nexusliberty/handler/HelloHandlerWorkflowImpl";

  private HandlerRelease() {}

  /** The WAR of this release, built once per test run under {@code target/rollout/}. */
  static synchronized Path war(String release) {
    Path directory = Path.of("target", "rollout", release).toAbsolutePath();
    Path war = directory.resolve("nexus-liberty.war");
    try {
      deleteRecursively(directory);
      Path unpacked = directory.resolve("war");
      unpack(LibertyServer.builtWar(), unpacked);
      Path source = directory.resolve("src").resolve(WORKFLOW + ".java");
      Files.createDirectories(source.getParent());
      try (InputStream in =
          HandlerRelease.class.getResourceAsStream(
              "/rollout/" + release + "/HelloHandlerWorkflowImpl.java")) {
        if (in == null) {
          throw new IllegalStateException("No source of release " + release);
        }
        Files.copy(in, source);
      }
      Path classes = directory.resolve("classes");
      Files.createDirectories(classes);
      compile(source, classes, unpacked);
      Files.copy(LibertyServer.builtWar(), war, StandardCopyOption.REPLACE_EXISTING);
      try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + war.toUri()), Map.of())) {
        Path target = zip.getPath("WEB-INF/classes/" + WORKFLOW).getParent();
        try (Stream<Path> old = Files.list(target)) {
          for (Path file : old.toList()) {
            if (file.getFileName().toString().startsWith("HelloHandlerWorkflowImpl")) {
              Files.delete(file);
            }
          }
        }
        try (Stream<Path> built = Files.list(classes.resolve(WORKFLOW).getParent())) {
          for (Path file : built.toList()) {
            Files.copy(file, target.resolve(file.getFileName().toString()));
          }
        }
      }
      return war;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build release " + release, e);
    }
  }

  private static void compile(Path source, Path classes, Path unpacked) throws IOException {
    List<String> classpath = new ArrayList<>();
    classpath.add(unpacked.resolve("WEB-INF/classes").toString());
    try (Stream<Path> jars = Files.list(unpacked.resolve("WEB-INF/lib"))) {
      jars.map(Path::toString).sorted().forEach(classpath::add);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(
            null,
            null,
            null,
            "-d",
            classes.toString(),
            "-cp",
            String.join(java.io.File.pathSeparator, classpath),
            "--release",
            "17",
            "-encoding",
            "UTF-8",
            "-proc:none",
            source.toString());
    if (status != 0) {
      throw new IllegalStateException("javac failed on " + source + " (exit " + status + ")");
    }
  }

  private static void unpack(Path war, Path into) throws IOException {
    try (ZipFile zip = new ZipFile(war.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("Entry outside the WAR: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target);
          }
        }
      }
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
