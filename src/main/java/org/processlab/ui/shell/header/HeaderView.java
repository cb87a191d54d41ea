package org.processlab.ui.shell.header;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import atlantafx.base.theme.Styles;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import org.processlab.ui.shell.keys.Shortcut;
import org.processlab.ui.shell.presenter.PresenterViewModel;
import org.processlab.ui.shell.presenter.ScaleViewModel;

/**
 * The window's header: the button that shows or hides the lesson list, the name ProcessLab, the lesson's title, the
 * scale's buttons A− and A+ ({@link ScaleViewModel}), the presenter mode toggle ({@link PresenterViewModel}),
 * Previous and Next lesson and the keys button ({@link #addKeyButtons}). Tooltips name their keys from the window's
 * table ({@link Shortcut}). The toggle's state is the lesson pane's; the header only
 * holds the button.
 *
 * <p>Threading: FX thread only.
 */
public final class HeaderView extends HBox {
    private final ToggleButton lessonsToggle = new ToggleButton();
    /** Where {@link #addTool} puts a tool: before the text-size buttons. */
    private final Button smaller = new Button(null, new FontIcon(MaterialDesignF.FORMAT_FONT_SIZE_DECREASE));
    private final ToggleButton presenterToggle = new ToggleButton();
    private final Button nextButton;
    private final Label brand = new Label("ProcessLab", new FontIcon(MaterialDesignS.SOURCE_FORK));
    private final Label lesson = new Label();

    /**
     * @param title    the lesson's title
     * @param hasNext  true when there is a lesson after this one
     * @param next      what Next lesson does
     * @param presenter presenter mode and the window's one scale
     */
    public HeaderView(ObservableStringValue title, ObservableBooleanValue hasNext, Runnable next,
                      PresenterViewModel presenter) {
        super(12);
        ScaleViewModel scale = presenter.scale();
        brand.getStyleClass().add("brand");
        brand.setMinWidth(Region.USE_PREF_SIZE);   // the lesson's title gives way first
        lesson.getStyleClass().add("header-title");
        lesson.textProperty().bind(title);
        lesson.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        smaller.setTooltip(new Tooltip(Shortcut.SMALLER_TEXT.tooltip() + "; " + Shortcut.DEFAULT_SIZE.tooltip()));
        smaller.setOnAction(e -> scale.smaller());
        smaller.setId("smallerText");
        smaller.disableProperty().bind(scale.canShrinkProperty().not());
        Button larger = new Button(null, new FontIcon(MaterialDesignF.FORMAT_FONT_SIZE_INCREASE));
        larger.setTooltip(new Tooltip(Shortcut.LARGER_TEXT.tooltip("Larger text for a projector")
                + ", as large as the window holds"));
        larger.setOnAction(e -> scale.larger());
        larger.setId("largerText");
        larger.disableProperty().bind(scale.canGrowProperty().not());
        smaller.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        larger.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);

        nextButton = new Button("Next lesson", new FontIcon(MaterialDesignA.ARROW_RIGHT));
        nextButton.setContentDisplay(ContentDisplay.RIGHT);
        nextButton.setId("nextLesson");
        nextButton.setMinWidth(Region.USE_PREF_SIZE);
        nextButton.setTooltip(new Tooltip(Shortcut.NEXT_LESSON.tooltip()));
        nextButton.disableProperty().bind(Bindings.not(hasNext));
        nextButton.setOnAction(e -> next.run());
        lessonsToggle.setId("lessonsToggle");
        lessonsToggle.setGraphic(new FontIcon(MaterialDesignF.FORMAT_LIST_BULLETED));
        lessonsToggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        lessonsToggle.setTooltip(new Tooltip(Shortcut.LESSON_LIST.tooltip()));
        presenterToggle.setId("presenterToggle");
        presenterToggle.setGraphic(new FontIcon(MaterialDesignP.PROJECTOR_SCREEN_OUTLINE));
        presenterToggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        presenterToggle.setTooltip(new Tooltip(Shortcut.PRESENTER.tooltip()));
        presenterToggle.setSelected(presenter.presenterProperty().get());
        presenter.presenterProperty().addListener((o, was, on) -> presenterToggle.setSelected(on));
        presenterToggle.setOnAction(e -> presenter.setPresenter(presenterToggle.isSelected()));
        getChildren().setAll(lessonsToggle, brand, new Separator(Orientation.VERTICAL), lesson, spacer, smaller,
                larger, presenterToggle, nextButton);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("app-header");
    }

    /**
     * Adds the buttons of two keys: Previous lesson before Next lesson ({@code hasPrevious}: there is one;
     * {@code previous}: what it does), and at the end the keys button, which shows every key ({@code keys}).
     */
    public void addKeyButtons(ObservableBooleanValue hasPrevious, Runnable previous, Runnable keys) {
        Button back = new Button(null, new FontIcon(MaterialDesignA.ARROW_LEFT));
        back.setId("previousLesson");
        back.getStyleClass().addAll(Styles.BUTTON_ICON);
        back.setTooltip(new Tooltip(Shortcut.PREVIOUS_LESSON.tooltip()));
        back.disableProperty().bind(Bindings.not(hasPrevious));
        back.setOnAction(e -> previous.run());
        Button help = new Button(null, new FontIcon(MaterialDesignH.HELP_CIRCLE_OUTLINE));
        help.setId("keysButton");
        help.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        help.setTooltip(new Tooltip(Shortcut.HELP.tooltip("Show every key")));
        help.setOnAction(e -> keys.run());
        getChildren().add(getChildren().indexOf(nextButton), back);
        getChildren().add(help);
    }

    /** Puts {@code tool} (the theme menu) in the header, just before the text-size buttons. */
    public void addTool(javafx.scene.Node tool) {
        getChildren().add(getChildren().indexOf(smaller), tool);
    }

    /**
     * Puts {@code menu} (the File menu) just after the name ProcessLab, where a window's first menu is, and
     * {@code besideTitle} (the name of a course of one's own) just after the lesson's title.
     */
    public void addFileMenu(javafx.scene.Node menu, javafx.scene.Node besideTitle) {
        getChildren().add(getChildren().indexOf(brand) + 1, menu);
        getChildren().add(getChildren().indexOf(lesson) + 1, besideTitle);
    }

    /** The button that shows or hides the lesson list (selected: shown). */
    public ToggleButton lessonsToggle() {
        return lessonsToggle;
    }
}
