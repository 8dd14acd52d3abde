package io.nexusliberty.service;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Output of the {@code echo} operation: {@code {"Message": "..."}} on the wire. */
public record EchoOutput(@JsonProperty("Message") String message) {}
