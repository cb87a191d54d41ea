package org.processlab.store;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How a person set up the window, kept as JSON in {@code settings.json} under ProcessLab's home folder
 * ({@link ProcessLabHome}) so that the next start looks the same: presenter mode, the scale and the theme.
 *
 * <p>A missing file gives {@link Settings#DEFAULT}; an unreadable one is set aside as {@code settings.json.bad}
 * and the defaults are used. Every change is written at once, atomically; a write that fails is told on stderr and
 * the app goes on. Values are kept as given: the window checks them ({@link Settings#scale()} against its bounds, an
 * unknown {@link Settings#theme()} as the default theme).
 *
 * <p>Threading: all methods are synchronized; any thread. No JavaFX here.
 */
public final class SettingsStore {
    /** The file's name inside the home folder. */
    public static final String FILE = "settings.json";

    /**
     * The window's settings.
     *
     * @param presenter true when the window opens in presenter mode
     * @param scale     how large everything is drawn, as a factor of the default size (1.0: text of 15 px); 0 or
     *                  less when never set
     * @param theme     the theme's id ({@code "light"}, {@code "dark"}, {@code "high-contrast"}), or null when
     *                  never set
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Settings(boolean presenter, double scale, String theme) {
        /** Nothing set yet: not presenting, the default scale and theme. */
        public static final Settings DEFAULT = new Settings(false, 0, null);

        /** These settings with presenter mode on or off. */
        public Settings withPresenter(boolean on) {
            return new Settings(on, scale, theme);
        }

        /** These settings with another scale. */
        public Settings withScale(double s) {
            return new Settings(presenter, s, theme);
        }

        /** These settings with another theme. */
        public Settings withTheme(String id) {
            return new Settings(presenter, scale, id);
        }
    }

    /** The file as written. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SettingsFile(int version, Settings window) {
    }

    private final JsonFile<SettingsFile> file;
    private Settings current = Settings.DEFAULT;

    private SettingsStore(Path file) {
        this.file = new JsonFile<>(file, SettingsFile.class);
    }

    /** Reads the settings kept in {@code home} (the defaults when there is no file). */
    public static SettingsStore open(Path home) {
        SettingsStore s = new SettingsStore(home.resolve(FILE));
        SettingsFile f = s.file.read();
        if (f != null && f.window() != null) {
            s.current = f.window();
        }
        return s;
    }

    /** The file settings are written to. */
    public Path file() {
        return file.path();
    }

    /** The settings now (never null). */
    public synchronized Settings current() {
        return current;
    }

    /** Changes the settings by {@code change} and writes them when they changed; returns the new settings. */
    public synchronized Settings update(UnaryOperator<Settings> change) {
        Settings next = change.apply(current);
        if (next != null && !next.equals(current)) {
            current = next;
            file.write(new SettingsFile(1, current), "settings");
        }
        return current;
    }
}
