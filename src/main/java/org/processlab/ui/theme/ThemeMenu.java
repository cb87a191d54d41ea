package org.processlab.ui.theme;

import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;

import atlantafx.base.theme.Styles;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The header's theme menu: Light, Dark, High contrast, the chosen one marked. Choosing one switches the window at once
 * and keeps the choice ({@link ThemeChoice#choose}). Its id is {@code themeMenu}; each item's is
 * {@code theme-<id>}.
 *
 * <p>Threading: FX thread only.
 */
public final class ThemeMenu extends MenuButton {
    /** A menu over {@code choice}. */
    public ThemeMenu(ThemeChoice choice) {
        super(null, new FontIcon(MaterialDesignT.THEME_LIGHT_DARK));
        setId("themeMenu");
        setTooltip(new Tooltip("Theme: light, dark or high contrast"));
        getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        ToggleGroup group = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.label());
            item.setId("theme-" + t.id());
            item.setToggleGroup(group);
            item.setSelected(choice.themeProperty().get() == t);
            item.setOnAction(e -> choice.choose(t));
            getItems().add(item);
        }
        choice.themeProperty().addListener((o, was, now) ->
                getItems().forEach(i -> ((RadioMenuItem) i).setSelected(i.getId().equals("theme-" + now.id()))));
    }
}
