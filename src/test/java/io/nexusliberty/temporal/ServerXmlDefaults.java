package io.nexusliberty.temporal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The settings' defaults as server.xml declares them, for tests that run without Liberty. */
final class ServerXmlDefaults {

  private ServerXmlDefaults() {}

  static Map<String, String> load() {
    try {
      NodeList variables =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(Path.of("src/main/liberty/config/server.xml").toFile())
              .getElementsByTagName("variable");
      Map<String, String> defaults = new HashMap<>();
      for (int i = 0; i < variables.getLength(); i++) {
        Element variable = (Element) variables.item(i);
        defaults.put(variable.getAttribute("name"), variable.getAttribute("defaultValue"));
      }
      return defaults;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read the defaults in server.xml", e);
    }
  }
}
