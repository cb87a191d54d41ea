package org.processlab.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.store.SettingsStore;

/** The theme a person chose is kept in their settings by its id; no id, or one no theme has, means light. No window. */
class ThemeChoiceTest {
    @TempDir
    Path home;

    @Test
    void noSettingsMeansLight() {
        assertThat(new ThemeChoice(SettingsStore.open(home)).themeProperty().get()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aChoiceIsKeptAndReadBackOnTheNextStart() throws Exception {
        ThemeChoice c = new ThemeChoice(SettingsStore.open(home));
        c.choose(Theme.HIGH_CONTRAST);
        assertThat(c.themeProperty().get()).isEqualTo(Theme.HIGH_CONTRAST);
        assertThat(Files.readString(home.resolve(SettingsStore.FILE))).contains("\"high-contrast\"");
        assertThat(new ThemeChoice(SettingsStore.open(home)).themeProperty().get()).isEqualTo(Theme.HIGH_CONTRAST);
        c.choose(Theme.DARK);
        assertThat(new ThemeChoice(SettingsStore.open(home)).themeProperty().get()).isEqualTo(Theme.DARK);
    }

    @Test
    void anUnknownIdMeansLight() {
        SettingsStore.open(home).update(s -> s.withTheme("solarized"));
        assertThat(new ThemeChoice(SettingsStore.open(home)).themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(Theme.byId(null)).isEqualTo(Theme.LIGHT);
        for (Theme t : Theme.values()) {
            assertThat(Theme.byId(t.id())).isEqualTo(t);
        }
    }
}
