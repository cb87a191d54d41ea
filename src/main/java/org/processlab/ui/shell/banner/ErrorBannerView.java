package org.processlab.ui.shell.banner;

import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableObjectValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

import org.processlab.ui.shell.run.RunViewModel;

/**
 * The error banner above the run toolbar: what went wrong and what to do, from the run's error
 * ({@link RunViewModel#errorProperty()}, its title too). While Python is missing it holds the "Python field" the
 * message speaks of, to use another interpreter. Closable; shown only while there is an error. No state of its own.
 *
 * <p>Threading: FX thread only.
 */
public final class ErrorBannerView extends HBox {

    /**
     * @param run           the run whose error it shows (and dismisses)
     * @param pythonProblem why Python cannot be used, or null: the Python field shows while it is set
     * @param usePython     what the field's button does with the path or command name typed
     */
    public ErrorBannerView(RunViewModel run, ObservableObjectValue<String> pythonProblem, Consumer<String> usePython) {
        super(12);
        FontIcon icon = new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
        icon.getStyleClass().add("error-banner-icon");
        Label title = new Label();
        title.setId("errorTitle");
        title.getStyleClass().add("error-banner-title");
        title.textProperty().bind(run.errorTitleProperty());
        Label message = new Label();
        message.setId("errorMessage");
        message.getStyleClass().add("error-banner-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(run.errorProperty());
        TextField path = new TextField();
        path.setId("pythonField");
        path.setPromptText("/usr/bin/python3");
        path.setPrefColumnCount(22);
        Button use = new Button("Use this Python");
        use.setId("usePython");
        use.setOnAction(e -> usePython.accept(path.getText()));
        path.setOnAction(e -> usePython.accept(path.getText()));
        Label pyLabel = new Label("Python");
        pyLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox pyRow = new HBox(8, pyLabel, path, use);
        pyRow.setAlignment(Pos.CENTER_LEFT);
        pyRow.visibleProperty().bind(Bindings.isNotNull(pythonProblem));
        pyRow.managedProperty().bind(pyRow.visibleProperty());
        VBox texts = new VBox(3, title, message, pyRow);
        HBox.setHgrow(texts, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER);
        close.setTooltip(new Tooltip("Hide this message"));
        close.setOnAction(e -> run.dismissError());
        getChildren().setAll(icon, texts, close);
        setAlignment(Pos.TOP_LEFT);
        setId("errorBanner");
        getStyleClass().add("error-banner");
        setMinHeight(Region.USE_PREF_SIZE);
        visibleProperty().bind(run.errorProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
