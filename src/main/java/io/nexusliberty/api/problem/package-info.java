/**
 * The error answers of the whole HTTP face, as {@code application/problem+json} (RFC 9457): the
 * problem type, its writers for JAX-RS and for filters and servlets, the exception mappers (among
 * them the 503 of a Temporal that cannot serve, decided by {@code temporal.health}), the
 * application's words for every HTTP error status, and the limits of a request body. It imports
 * only {@code temporal.health}; everything else of the HTTP face may import it.
 */
package io.nexusliberty.api.problem;
