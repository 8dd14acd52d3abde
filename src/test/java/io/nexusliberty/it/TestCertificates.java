package io.nexusliberty.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made for one test run with openssl, never committed: a CA, a server certificate for
 * {@link #SERVER_NAME} and a client certificate signed by it, and a second CA that signed neither.
 * Keys are PEM PKCS#8.
 */
final class TestCertificates {

  static final String SERVER_NAME = "temporal.test";

  private final Path directory;

  private TestCertificates(Path directory) {
    this.directory = directory;
  }

  static TestCertificates create(Path directory) throws IOException, InterruptedException {
    Files.createDirectories(directory);
    TestCertificates certificates = new TestCertificates(directory);
    certificates.selfSigned("ca", "nexus-liberty test CA");
    certificates.selfSigned("other-ca", "nexus-liberty unrelated CA");
    certificates.signed(
        "server",
        SERVER_NAME,
        "subjectAltName=DNS:" + SERVER_NAME + "\nextendedKeyUsage=serverAuth\n");
    certificates.signed("client", "nexus-liberty client", "extendedKeyUsage=clientAuth\n");
    return certificates;
  }

  Path caCertificate() {
    return directory.resolve("ca.pem");
  }

  Path otherCaCertificate() {
    return directory.resolve("other-ca.pem");
  }

  Path serverCertificate() {
    return directory.resolve("server.pem");
  }

  Path serverKey() {
    return directory.resolve("server.key");
  }

  Path clientCertificate() {
    return directory.resolve("client.pem");
  }

  Path clientKey() {
    return directory.resolve("client.key");
  }

  private void selfSigned(String name, String commonName) throws IOException, InterruptedException {
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=" + commonName,
        "-keyout",
        name + ".key",
        "-out",
        name + ".pem");
  }

  private void signed(String name, String commonName, String extensions)
      throws IOException, InterruptedException {
    Files.writeString(directory.resolve(name + ".ext"), extensions);
    openssl(
        "req",
        "-new",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=" + commonName,
        "-keyout",
        name + ".key",
        "-out",
        name + ".csr");
    openssl(
        "x509",
        "-req",
        "-in",
        name + ".csr",
        "-days",
        "2",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-extfile",
        name + ".ext",
        "-out",
        name + ".pem");
  }

  private void openssl(String... arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }
}
