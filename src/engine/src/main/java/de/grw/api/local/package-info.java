/**
 * The service interfaces over a workspace this process opened: each feature interface delegates to the engine's
 * service with the session its {@link de.grw.api.SignedIn} holds, and nothing else; the rules stay in the engine.
 * The same classes serve a workspace server, which owns its store and answers each client's calls through the
 * client's own {@code SignedIn}.
 */
package de.grw.api.local;
