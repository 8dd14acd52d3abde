/**
 * The JSON API under {@code /api}: the JAX-RS application and its resources ({@code echo}, {@code
 * hello}, {@code workflows/{id}}, {@code connection}), their request bodies read strictly ({@link
 * io.nexusliberty.api.JsonRequest}, {@link io.nexusliberty.api.TextRules}), the request metrics,
 * plain calls answered without a second dispatch ({@link io.nexusliberty.api.DirectCalls}), and the
 * OpenAPI document's answers, written once ({@link io.nexusliberty.api.OpenApiAnswers}). A resource
 * validates its input and hands the call to {@code api.workflow}; every error it raises is an
 * {@code api.problem}. It imports {@code api.workflow}, {@code api.problem}, the domain ({@code
 * service}, {@code caller}), {@code metrics} and what {@code temporal} offers (settings, health,
 * the injected {@code WorkflowClient}); never {@code web}.
 */
package io.nexusliberty.api;
