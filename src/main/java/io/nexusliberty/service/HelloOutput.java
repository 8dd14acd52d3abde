package io.nexusliberty.service;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Output of the {@code say-hello} operation: {@code {"Message": "<greeting>"}} on the wire. */
public record HelloOutput(@JsonProperty("Message") String message) {}
