package de.grw.api;

/**
 * What a workspace is, as the start screen and the status bar show it.
 *
 * @param kind     a local workspace file or a workspace server
 * @param location the file's absolute path, or the server's URL
 * @param name     a short name: the file name, or the server's workspace name
 * @param profile  the name of the workspace's match profile (e.g. {@code person-de})
 * @param hasUsers whether the workspace has accounts (a new one has its first administrator)
 */
public record WorkbenchInfo(Kind kind, String location, String name, String profile, boolean hasUsers) {
    /** Where the workspace lives. */
    public enum Kind {
        /** A workspace file this process opened; its owner can change anything in it (see README). */
        LOCAL,
        /** A workspace behind a server that enforces the rules. */
        REMOTE
    }
}
