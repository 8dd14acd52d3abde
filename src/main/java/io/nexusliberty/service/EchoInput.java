package io.nexusliberty.service;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Input of the {@code echo} operation: {@code {"Message": "..."}} on the wire. */
public record EchoInput(@JsonProperty("Message") String message) {}
