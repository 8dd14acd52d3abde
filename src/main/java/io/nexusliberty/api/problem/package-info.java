/**
 * The error answers of the whole HTTP face, as {@code application/problem+json} (RFC 9457): the
 * problem type, its writers for JAX-RS and for filters and servlets, the exception mappers, the
 * application's words for every HTTP error status, the limits of a request body, and the 503 of a
 * Temporal that cannot serve. It imports only {@code temporal}; everything else of the HTTP face
 * may import it.
 */
package io.nexusliberty.api.problem;
