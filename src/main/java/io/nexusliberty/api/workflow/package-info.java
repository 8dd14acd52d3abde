/**
 * What an API call does with Temporal: who calls ({@link io.nexusliberty.api.workflow.ApiCaller},
 * recorded by the web filters), the caller workflow it starts or finds again under its {@code
 * Idempotency-Key} (its ID, owner and request memo), and the answer, at once or when the result
 * arrives. It may import {@code api.problem}, the domain's caller workflows and {@code temporal};
 * never {@code api} (the resources) or {@code web}.
 */
package io.nexusliberty.api.workflow;
