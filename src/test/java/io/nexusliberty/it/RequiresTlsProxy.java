package io.nexusliberty.it;

/** Runs a test class only where nginx is installed to terminate TLS. */
class RequiresTlsProxy extends RequiresTool {

  @Override
  boolean available() {
    return TlsProxy.nginx().isPresent();
  }

  @Override
  String howTo() {
    return "TLS tests skipped: nginx was not found. Install it (apt-get install nginx-light) and"
        + " run mvn verify again.";
  }
}
