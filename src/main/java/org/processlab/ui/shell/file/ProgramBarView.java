package org.processlab.ui.shell.file;

import java.nio.file.Path;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * The row under the run toolbar while a person's own program is shown: the file's name (its path in the tooltip), its
 * <b>Arguments</b> as typed in a terminal ({@code "a b" 7}: two arguments) and its <b>Interpreter</b> (a path or a
 * command name; empty for the window's Python) with Browse…; both kept per file by the {@link FileViewModel}. A line
 * that cannot be read (a quote not closed) is said under the fields. Hidden while a lesson is shown. Ids:
 * {@code programBar}, {@code programName}, {@code programArgs}, {@code programPython}, {@code browsePython},
 * {@code programArgsProblem}.
 *
 * <p>The interpreter is tried when the field is left or Enter is pressed (not on every key: each try starts it).
 *
 * <p>Threading: FX thread only.
 */
public final class ProgramBarView extends VBox {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    /** The row over {@code vm}, asking for an interpreter with {@code dialogs}. */
    public ProgramBarView(FileViewModel vm, FileDialogs dialogs) {
        super(4);
        Label name = new Label();
        name.setId("programName");
        name.getStyleClass().add("program-name");
        name.setGraphic(new FontIcon(MaterialDesignF.FILE_DOCUMENT_OUTLINE));
        name.textProperty().bind(Bindings.createStringBinding(
                () -> vm.shownProperty().get() == null ? "" : vm.shownProperty().get().name(), vm.shownProperty()));
        Tooltip where = new Tooltip();
        where.textProperty().bind(Bindings.createStringBinding(() -> vm.shownProperty().get() == null ? ""
                : "Your program: " + vm.shownProperty().get().file(), vm.shownProperty()));
        name.setTooltip(where);
        name.setMinWidth(Region.USE_PREF_SIZE);

        TextField args = new TextField();
        args.setId("programArgs");
        args.setPromptText("none (e.g. \"a b\" 7)");
        args.setPrefColumnCount(16);
        args.textProperty().bindBidirectional(vm.argumentsProperty());
        args.setTooltip(new Tooltip("The program's arguments, sys.argv[1:], written as in a terminal: spaces"
                + " separate them, quotes keep one together (\"a b\" 7 is two). Kept for this file."));
        vm.argumentsProblemProperty().addListener((o, was, p) -> args.pseudoClassStateChanged(DANGER, p != null));
        HBox argsBox = group(caption("Arguments", args), args);

        TextField python = new TextField();
        python.setId("programPython");
        python.setPromptText("python3 on the PATH");
        python.setPrefColumnCount(18);
        python.setText(vm.pythonProperty().get());
        vm.pythonProperty().addListener((o, was, now) -> {
            if (!python.getText().equals(now)) {
                python.setText(now);
            }
        });
        // what the field shows is what Run uses, typed or not; it is tried when left or on Enter
        python.textProperty().addListener((o, was, now) -> vm.typePython(now));
        python.setOnAction(e -> vm.usePython(python.getText()));
        python.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.usePython(python.getText());
            }
        });
        python.setTooltip(new Tooltip("The Python this program runs with: a virtual environment's bin/python, any"
                + " Python's path or a command name; empty for python3 on the PATH. Kept for this file."));
        vm.pythonProblemProperty().addListener((o, was, p) -> python.pseudoClassStateChanged(DANGER, p != null));
        Button browse = new Button("Browse…");
        browse.setId("browsePython");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            Path p = dialogs.ask(FileDialogs.Ask.INTERPRETER, getScene() == null ? null : getScene().getWindow());
            if (p != null) {
                vm.usePython(p.toString());
            }
        });
        HBox pythonBox = group(caption("Interpreter", python), python, browse);
        for (TextField f : new TextField[] {args, python}) {
            f.disableProperty().bind(vm.runningProperty());
        }
        browse.disableProperty().bind(vm.runningProperty());

        FlowPane row = new FlowPane(14, 6, name, argsBox, pythonBox);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setRowValignment(VPos.CENTER);

        Label problem = new Label();
        problem.setId("programArgsProblem");
        problem.getStyleClass().addAll("program-problem", Styles.DANGER);
        problem.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        problem.setWrapText(true);
        problem.textProperty().bind(vm.argumentsProblemProperty());
        problem.visibleProperty().bind(vm.argumentsProblemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setMinHeight(Region.USE_PREF_SIZE);

        getChildren().setAll(row, problem);
        setId("programBar");
        getStyleClass().add("program-bar");
        setMinHeight(Region.USE_PREF_SIZE);
        visibleProperty().bind(vm.shownProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        getStylesheets().add(ProgramBarView.class.getResource("file.css").toExternalForm());
        name.getStyleClass().add(Styles.TEXT_BOLD);
    }

    private static Label caption(String text, TextField field) {
        Label l = new Label(text);
        l.getStyleClass().add("toolbar-caption");
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static HBox group(javafx.scene.Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }
}
