/**
 * The dashboard (server-side HTML with jte, charts drawn in the browser) and the JSON API, with the
 * signed links, sessions and API tokens that decide who sees which workspace. The workspace of a
 * web request comes only from its signed link, its session cookie or its bearer token.
 */
package dev.salesmeter.web;
