package org.processlab.ui.theme;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.processlab.store.SettingsStore;

/**
 * The theme a person chose, kept in their settings ({@link SettingsStore}, as the theme's id) so the next start looks
 * the same. A missing or unknown id in the settings means {@link Theme#LIGHT}. No toolkit needed.
 *
 * <p>Threading: UI thread only (the FX thread in the window); {@code theme} is written there, by {@link #choose}.
 */
public final class ThemeChoice {
    private final SettingsStore settings;
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme");

    /** The choice kept in {@code settings}. */
    public ThemeChoice(SettingsStore settings) {
        this.settings = settings;
        theme.set(Theme.byId(settings.current().theme()));
    }

    /** Chooses {@code t} and keeps it in the settings. */
    public void choose(Theme t) {
        theme.set(t);
        settings.update(s -> s.withTheme(t.id()));
    }

    /** The theme now (never null). */
    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }
}
