package io.nexusliberty.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application: every resource answers under {@code /api}. */
@ApplicationPath("/api")
public class NexusApiApplication extends Application {}
