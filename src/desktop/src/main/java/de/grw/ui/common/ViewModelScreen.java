package de.grw.ui.common;

import de.grw.rights.Permission;
import javafx.scene.Node;

/**
 * A screen with its view model: navigation key, permission, and a view built once, when first shown.
 *
 * @param <V> the view model type
 */
public abstract class ViewModelScreen<V> implements Screen {
    protected final AppContext ctx;
    protected final V vm;
    private final String titleKey;
    private final Permission permission;
    private Node view;

    /**
     * @param permission what a user needs to see the screen, or {@code null} for everyone signed in
     */
    protected ViewModelScreen(AppContext ctx, V vm, String titleKey, Permission permission) {
        this.ctx = ctx;
        this.vm = vm;
        this.titleKey = titleKey;
        this.permission = permission;
    }

    public V viewModel() {
        return vm;
    }

    @Override
    public String titleKey() {
        return titleKey;
    }

    @Override
    public Permission permission() {
        return permission;
    }

    @Override
    public final Node view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    /** Builds the view; called once, on the FX thread, when the screen is first shown. */
    protected abstract Node build();
}
