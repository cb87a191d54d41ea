package org.processlab.ui.theme;

import java.util.function.Consumer;

import javafx.application.Application;
import javafx.scene.Scene;

import org.processlab.ui.fx.ProcessPalette;

/**
 * Applies a {@link ThemeChoice} to a scene, now and whenever it changes (live: no restart): the theme's AtlantaFX
 * stylesheet becomes the application's user-agent stylesheet, our stylesheets of the previous theme leave the scene
 * and the new one's come first among the scene's (so the window's own, on its nodes, still refine them), and the
 * processes' shades go to {@code shades}.
 *
 * <p>Threading: FX thread only.
 */
public final class ThemeSwitch {
    private final Scene scene;
    private final Consumer<ProcessPalette.Colours> shades;
    private Theme applied;

    private ThemeSwitch(Scene scene, Consumer<ProcessPalette.Colours> shades) {
        this.scene = scene;
        this.shades = shades;
    }

    /** Applies {@code choice} to {@code scene} now and on every change; the processes' shades go to {@code shades}. */
    public static ThemeSwitch follow(ThemeChoice choice, Scene scene, Consumer<ProcessPalette.Colours> shades) {
        ThemeSwitch s = new ThemeSwitch(scene, shades);
        s.apply(choice.themeProperty().get());
        choice.themeProperty().addListener((o, was, now) -> s.apply(now));
        return s;
    }

    /** Applies {@code t}. */
    void apply(Theme t) {
        Application.setUserAgentStylesheet(t.userAgentStylesheet());
        if (applied != null) {
            scene.getStylesheets().removeAll(applied.stylesheets());
        }
        scene.getStylesheets().addAll(0, t.stylesheets());
        applied = t;
        shades.accept(t.processColours());
    }
}
