package org.processlab.ui.theme;

import java.util.List;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import org.processlab.ui.fx.ProcessPalette;

/**
 * The window's themes. Each is an AtlantaFX theme (its user-agent stylesheet defines the {@code -color-*} tokens
 * every stylesheet of ours refers to), our stylesheets loaded after it (token overrides), and the processes' shades
 * that suit its backgrounds.
 *
 * <ul>
 *   <li>{@link #LIGHT}: Primer Light, as GitHub's; the default.</li>
 *   <li>{@link #DARK}: Primer Dark.</li>
 *   <li>{@link #HIGH_CONTRAST}: Primer Light with {@code high-contrast.css}: black text on white, black borders, a
 *       strong focus colour, every text colour at 7:1 or more.</li>
 * </ul>
 * Immutable; any thread.
 */
public enum Theme {
    LIGHT("light", "Light", new PrimerLight().getUserAgentStylesheet(), List.of(), ProcessPalette.ON_LIGHT),
    DARK("dark", "Dark", new PrimerDark().getUserAgentStylesheet(), List.of(), ProcessPalette.ON_DARK),
    HIGH_CONTRAST("high-contrast", "High contrast", new PrimerLight().getUserAgentStylesheet(),
            List.of(sheet("high-contrast.css")), ProcessPalette.HIGH_CONTRAST);

    private final String id;
    private final String label;
    private final String userAgentStylesheet;
    private final List<String> stylesheets;
    private final ProcessPalette.Colours processColours;

    Theme(String id, String label, String userAgentStylesheet, List<String> stylesheets,
          ProcessPalette.Colours processColours) {
        this.id = id;
        this.label = label;
        this.userAgentStylesheet = userAgentStylesheet;
        this.stylesheets = stylesheets;
        this.processColours = processColours;
    }

    /** The theme with {@code id}; {@link #LIGHT} for null or an id no theme has (a newer version's, a typo). */
    public static Theme byId(String id) {
        for (Theme t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return LIGHT;
    }

    /** The id kept in the settings ({@code "light"}, {@code "dark"}, {@code "high-contrast"}). */
    public String id() {
        return id;
    }

    /** What the menu says. */
    public String label() {
        return label;
    }

    /** The AtlantaFX theme's stylesheet, set as the application's user-agent stylesheet. */
    public String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    /** Our stylesheets for this theme (URLs), added to the scene after the theme; may be empty. */
    public List<String> stylesheets() {
        return stylesheets;
    }

    /** The processes' shades for this theme's backgrounds. */
    public ProcessPalette.Colours processColours() {
        return processColours;
    }

    private static String sheet(String name) {
        return Theme.class.getResource(name).toExternalForm();
    }
}
