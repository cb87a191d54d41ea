package org.processlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.store.SettingsStore.Settings;

class SettingsStoreTest {
    @TempDir
    Path home;

    @Test
    void aNewHomeGivesTheDefaultsAndWritesNothing() {
        SettingsStore s = SettingsStore.open(home);
        assertThat(s.current()).isEqualTo(Settings.DEFAULT);
        assertThat(Files.exists(s.file())).isFalse();
    }

    @Test
    void whatIsSetIsThereAfterARestart() {
        SettingsStore s = SettingsStore.open(home);
        s.update(x -> x.withPresenter(true));
        s.update(x -> x.withScale(1.6));
        s.update(x -> x.withTheme("high-contrast"));

        Settings again = SettingsStore.open(home).current();
        assertThat(again).isEqualTo(new Settings(true, 1.6, "high-contrast"));
    }

    @Test
    void aBrokenFileIsSetAsideAndTheDefaultsAreUsed() throws Exception {
        Files.writeString(home.resolve(SettingsStore.FILE), "{ not json");
        SettingsStore s = SettingsStore.open(home);
        assertThat(s.current()).isEqualTo(Settings.DEFAULT);
        assertThat(home.resolve(SettingsStore.FILE + ".bad")).exists();
        s.update(x -> x.withScale(1.2));
        assertThat(SettingsStore.open(home).current().scale()).isEqualTo(1.2);
    }

    @Test
    void fieldsItDoesNotKnowAreIgnored() throws Exception {
        Files.writeString(home.resolve(SettingsStore.FILE),
                "{\"version\":2,\"later\":true,\"window\":{\"presenter\":true,\"scale\":2.0,\"theme\":\"dark\",\"x\":1}}");
        assertThat(SettingsStore.open(home).current()).isEqualTo(new Settings(true, 2.0, "dark"));
    }
}
