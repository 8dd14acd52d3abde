/**
 * What guards every request before the API sees it, and the servlets beside the API (declared in
 * {@code web.xml}): security headers, request limits (methods, URLs, media types), the host check
 * against DNS rebinding and trusted proxies, who calls (tokens, the server's security, or loopback
 * only), the cross-site check, the non-blocking body read; the page, the error page, {@code
 * /metrics} (read-only servlets) and the start-up check of Liberty's features. It imports {@code
 * api.settings}, {@code api.workflow} (to record the caller), {@code api.problem}, {@code metrics}
 * and {@code api}'s {@code DirectCalls} (a plain call answered where its body was read); nothing
 * imports it.
 */
package io.nexusliberty.web;
