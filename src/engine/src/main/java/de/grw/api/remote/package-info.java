/**
 * The service interfaces of {@code de.grw.api} against a workspace server: {@link de.grw.api.remote.RemoteWorkbench}
 * speaks the server's JSON API over HTTPS ({@code java.net.http.HttpClient}, Jackson, a bearer token per sign-in)
 * and throws what a local call would have thrown, with the server's message key.
 */
package de.grw.api.remote;
