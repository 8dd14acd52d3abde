package io.nexusliberty.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a test class only where Debian's Chromium and its driver are installed. */
class RequiresChromium extends RequiresTool {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @Override
  boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  @Override
  String howTo() {
    return "Browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing. Install"
        + " them (apt-get install chromium chromium-driver) and run mvn verify again.";
  }
}
