package io.nexusliberty.it.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** An ordinary CDI bean the second team's handler injects: the mark a shout ends with. */
@ApplicationScoped
public class Punctuation {

  @Inject
  @ConfigProperty(name = "it.words.mark")
  String mark;

  public String end(String text) {
    return text + mark;
  }
}
