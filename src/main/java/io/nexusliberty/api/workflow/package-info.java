/**
 * What an API call does with Temporal: who calls ({@link io.nexusliberty.api.workflow.ApiCaller},
 * recorded by the web filters), the call's options ({@code wait}, {@code Idempotency-Key}), the
 * request and its typed start of the caller workflow, which it starts or finds again under its
 * {@code Idempotency-Key} (its ID, owner and request memo, through {@code temporal.StartOrAttach}),
 * and the answer, at once or when the result arrives. It imports {@code api.problem}, {@code
 * api.settings}, the domain ({@code service}, {@code caller}) and {@code temporal} (the face,
 * settings, availability); never {@code api} (the resources) or {@code web}.
 */
package io.nexusliberty.api.workflow;
