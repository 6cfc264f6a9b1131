package de.grw.ui.common;

import de.grw.rights.Permission;
import javafx.scene.Node;

/** One screen of the workbench, shown in the main window's content area. */
public interface Screen {
    /** Key of the navigation label in the bundles. */
    String titleKey();

    /** The permission a user needs to see the screen, or {@code null} for everyone signed in. */
    Permission permission();

    Node view();

    /** Called when the screen is shown; refreshes its data. */
    default void activated() {
    }

    /** Called when another screen replaces this one (or nobody is signed in any more). */
    default void deactivated() {
    }
}
