package org.processlab.ui.shell.presenter;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import org.processlab.store.SettingsStore;

/**
 * Presenter mode: the window as a stage for a projector. While it is on, the window is full screen, the lesson list
 * is hidden, the lesson page is folded to the left edge ({@link #pageShownProperty()}, Ctrl+P brings it back), the
 * timeline takes the larger part of the height and under it the console shows the last lines, or the process table
 * ({@link #tableShownProperty()}, Ctrl+T). The window's one scale ({@link ScaleViewModel}) follows the mode: with no
 * size chosen, presenter mode draws at the largest size the window holds.
 *
 * <p>The mode and the chosen scale are kept in the person's settings ({@link SettingsStore}), so the next start
 * looks the same; they are read once, here, and written at each change.
 *
 * <p>Threading: UI thread only; every property is written there. No toolkit needed.
 */
public final class PresenterViewModel {
    private final SettingsStore settings;
    private final ReadOnlyBooleanWrapper presenter = new ReadOnlyBooleanWrapper(this, "presenter");
    private final BooleanProperty pageShown = new SimpleBooleanProperty(this, "pageShown", true);
    private final BooleanProperty tableShown = new SimpleBooleanProperty(this, "tableShown", false);
    private final ScaleViewModel scale;

    /** Presenter mode and the scale as {@code settings} keep them; changes are written back to it. */
    public PresenterViewModel(SettingsStore settings) {
        this.settings = settings;
        SettingsStore.Settings s = settings.current();
        presenter.set(s.presenter());
        pageShown.set(!s.presenter());
        scale = new ScaleViewModel(presenter.getReadOnlyProperty());
        scale.chosenProperty().set(Math.max(0, s.scale()));
        presenter.addListener((o, was, on) -> settings.update(x -> x.withPresenter(on)));
        scale.chosenProperty().addListener((o, was, now) -> settings.update(x -> x.withScale(now.doubleValue())));
    }

    /** Turns presenter mode on or off (F11, the header's toggle). */
    public void setPresenter(boolean on) {
        if (on != presenter.get()) {
            presenter.set(on);
            pageShown.set(!on);
            if (!on) {
                tableShown.set(false);
            }
        }
    }

    /** Turns presenter mode on when off, off when on (F11). */
    public void toggle() {
        setPresenter(!presenter.get());
    }

    /** Unfolds the lesson page when folded, folds it when shown (Ctrl+P). */
    public void togglePage() {
        pageShown.set(!pageShown.get());
    }

    /** Under the timeline in presenter mode: the table instead of the console, or back (Ctrl+T). */
    public void toggleTable() {
        tableShown.set(!tableShown.get());
    }

    /** True while the window is in presenter mode. */
    public ReadOnlyBooleanProperty presenterProperty() {
        return presenter.getReadOnlyProperty();
    }

    /** True while the lesson page is shown (in presenter mode it starts folded). */
    public BooleanProperty pageShownProperty() {
        return pageShown;
    }

    /** In presenter mode: true while the process table is shown under the timeline instead of the console. */
    public BooleanProperty tableShownProperty() {
        return tableShown;
    }

    /** The window's one scale. */
    public ScaleViewModel scale() {
        return scale;
    }

    /** Where the settings are kept (the theme is kept there too). */
    public SettingsStore settings() {
        return settings;
    }
}
