package org.processlab.ui.console;

import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import org.processlab.model.Stream;
import org.processlab.ui.fx.Formats;
import org.processlab.ui.fx.ProcessPalette;

/**
 * The console: a virtualized list of every output line with the name and PID of the process that printed it
 * (in that process's colour), stderr in red with a marker, untraced lines marked. Follows the newest line unless
 * "Follow" is off. Shows one process's lines while a process is selected. While a run is live, an input line
 * under the list sends what is typed to the main process's stdin ({@link ProgramInputViewModel}).
 *
 * <p>Threading: FX thread only.
 */
public final class ConsoleView extends VBox {
    private final ConsoleViewModel vm;
    private boolean scrollPending;
    /** Scrolls to the newest line after its own layout, so a list that just shrank still shows it. */
    private final ListView<ConsoleRow> list = new ListView<>() {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (scrollPending) {
                scrollPending = false;
                if (!getItems().isEmpty()) {
                    // the very end of the list: scrollTo(last) puts the last line at the top when it can, and when
                    // the list is only a little longer than the view that left the newest line half hidden
                    javafx.scene.Node flow = lookup(".virtual-flow");
                    if (flow instanceof javafx.scene.control.skin.VirtualFlow<?> f) {
                        f.setPosition(1.0);
                    } else {
                        scrollTo(getItems().size() - 1);
                    }
                }
            }
        }
    };
    private final ToggleButton follow = new ToggleButton("Follow", new FontIcon(MaterialDesignP.PAN_DOWN));
    private final ObjectProperty<ProcessPalette> palette = new SimpleObjectProperty<>(this, "palette", new ProcessPalette());

    /** A console over {@code vm}. */
    public ConsoleView(ConsoleViewModel vm) {
        this.vm = vm;
        getStyleClass().add("console-view");
        getStylesheets().add(ConsoleView.class.getResource("console.css").toExternalForm());

        Label title = new Label("Console");
        title.getStyleClass().add("pane-title");
        Label count = new Label();
        count.setId("consoleCount");
        count.getStyleClass().add("console-count");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            long n = vm.totalLinesProperty().get();
            int upTo = vm.linesUpToCursorProperty().get();
            long start = vm.runStartProperty().get();
            long until = vm.untilTimeProperty().get();
            String all = String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "line" : "lines");
            if (upTo >= 0 && start >= 0) {
                return String.format(Locale.ROOT, "%,d of %s by %s", upTo, all,
                        Formats.seconds((until - start) / 1e6));
            }
            return all;
        }, vm.totalLinesProperty(), vm.linesUpToCursorProperty(), vm.runStartProperty(), vm.untilTimeProperty()));
        // where every line is, also those the window let go from memory: discreet, on the count's tooltip
        Tooltip logTip = new Tooltip();
        logTip.setWrapText(true);
        logTip.setMaxWidth(640);
        logTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            java.nio.file.Path log = vm.logFileProperty().get();
            return log == null ? "Lines this run has written (exact count)."
                    : "Lines this run has written (exact count). The window keeps the latest "
                    + "lines of each process; every line is in the run log:\n" + log;
        }, vm.logFileProperty()));
        count.setTooltip(logTip);
        ToggleButton upToCursor = new ToggleButton("Up to the cursor");
        upToCursor.setId("consoleUpToCursor");
        upToCursor.getStyleClass().add("small");
        upToCursor.setTooltip(new Tooltip("Show only the lines written by the time cursor's moment"));
        upToCursor.selectedProperty().bindBidirectional(vm.limitToCursorProperty());
        upToCursor.visibleProperty().bind(vm.untilTimeProperty().greaterThanOrEqualTo(0));
        upToCursor.managedProperty().bind(upToCursor.visibleProperty());
        Label filter = new Label();
        filter.getStyleClass().add("console-filter");
        Button clear = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        clear.getStyleClass().addAll("flat", "small");
        clear.setTooltip(new Tooltip("Show every process's lines (Esc)"));
        clear.setOnAction(e -> vm.filterPidProperty().set(null));
        HBox chip = new HBox(2, filter, clear);
        chip.getStyleClass().add("console-filter-chip");
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.visibleProperty().bind(vm.filterPidProperty().isNotNull());
        chip.managedProperty().bind(chip.visibleProperty());
        vm.filterPidProperty().addListener((o, a, b) -> filter.setText(b == null ? "" : "only " + vm.nameOf(b)));
        follow.setSelected(true);
        follow.setId("consoleFollow");
        follow.setTooltip(new Tooltip("Keep the newest line in view"));
        follow.getStyleClass().add("small");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, count, chip, spacer, upToCursor, follow);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");

        list.setId("console");
        list.getStyleClass().add("console-list");
        list.setItems(vm.shownRows());
        list.setPlaceholder(new Label("Output appears here, line by line, with the process that printed it."));
        list.setCellFactory(l -> new LineCell());
        vm.shownRows().addListener((ListChangeListener<ConsoleRow>) c -> followNewest());
        follow.selectedProperty().addListener((o, a, b) -> followNewest());
        // the list can shrink (a card opened above): keep the newest line in view
        list.heightProperty().addListener(o -> followNewest());
        vm.namesRevisionProperty().addListener(o -> list.refresh());
        // a change listener: an invalidation one would miss every change after the first while no cell read it
        palette.addListener((o, was, now) -> list.refresh());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(header, list, inputLine(vm.input()));
    }

    /**
     * The input line under the list, there while a run reads what is typed: Enter sends the line, Ctrl+D ends the
     * program's input. Its keys are its own: the window's keys leave a focused text input alone.
     */
    private HBox inputLine(ProgramInputViewModel input) {
        Label prompt = new Label("Type to the program ›");
        prompt.getStyleClass().add("console-input-prompt");
        prompt.setMinWidth(Region.USE_PREF_SIZE);
        // the program's own prompt ("number? "), in the program's type, where a terminal's cursor would stand after it
        Label programPrompt = new Label();
        programPrompt.setId("consoleProgramPrompt");
        programPrompt.getStyleClass().add("console-program-prompt");
        programPrompt.textProperty().bind(input.promptProperty());
        programPrompt.visibleProperty().bind(input.promptProperty().isNotEmpty());
        programPrompt.managedProperty().bind(programPrompt.visibleProperty());
        programPrompt.setMinWidth(0);
        programPrompt.setMaxWidth(Region.USE_PREF_SIZE);
        programPrompt.setTooltip(new Tooltip("What the program printed last, without a newline: it waits for your answer"));
        TextField field = new TextField();
        field.setId("consoleInput");
        field.getStyleClass().add("console-input-field");
        field.promptTextProperty().bind(javafx.beans.binding.Bindings.when(input.endedProperty())
                .then("Input has ended: the program got end-of-file")
                .otherwise("your answer, then Enter"));
        field.disableProperty().bind(input.endedProperty());
        field.setTooltip(new Tooltip("What you type goes to the main process's stdin, as in a terminal"));
        field.setOnAction(e -> {
            input.sendLine(field.getText());
            field.clear();
        });
        KeyCombination endOfInput = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (endOfInput.match(e)) {
                e.consume();
                if (!field.getText().isEmpty()) {
                    // as a terminal does, what is on the line goes first (without a newline), then end-of-file
                    input.sendText(field.getText());
                    field.clear();
                }
                input.endInput();
            }
        });
        // said beside the field too: a focused field hides its prompt text
        Label hint = new Label();
        hint.setId("consoleInputHint");
        hint.getStyleClass().add("console-input-hint");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        hint.textProperty().bind(javafx.beans.binding.Bindings.when(input.endedProperty())
                .then("Input has ended").otherwise("Enter sends · Ctrl+D ends input"));
        Label dropped = new Label();
        dropped.setId("consoleInputDropped");
        dropped.getStyleClass().add("console-input-dropped");
        dropped.textProperty().bind(input.droppedProperty());
        dropped.visibleProperty().bind(input.droppedProperty().isNotEmpty());
        dropped.managedProperty().bind(dropped.visibleProperty());
        dropped.setWrapText(true);
        dropped.setTooltip(new Tooltip("ProcessLab keeps at most 1 MiB of input the program has not read yet; "
                + "what is typed beyond that is dropped"));
        // the program asks: the answer goes where a terminal's would, unless the person is typing elsewhere
        input.promptProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty() && !field.isDisabled() && !typingElsewhere(field)) {
                field.requestFocus();
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox line = new HBox(8, prompt, programPrompt, field, hint, dropped);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("console-input");
        line.visibleProperty().bind(input.liveProperty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    /** True when a control other than {@code field} where people type (a text field, the code) has the focus. */
    private static boolean typingElsewhere(TextField field) {
        javafx.scene.Node owner = field.getScene() == null ? null : field.getScene().getFocusOwner();
        return owner != null && owner != field && (owner instanceof javafx.scene.control.TextInputControl
                || owner.getStyleClass().contains("code-area") || owner.getStyleClass().contains("styled-text-area"));
    }

    /** Brings the newest line into view at the next layout, if Follow is on (at most once per layout). */
    private void followNewest() {
        if (follow.isSelected()) {
            scrollPending = true;
            list.requestLayout();
        }
    }

    /** The per-process colours shared with the other views. */
    public ObjectProperty<ProcessPalette> paletteProperty() {
        return palette;
    }

    /** The list control (for tests and focus). */
    public ListView<ConsoleRow> list() {
        return list;
    }

    private final class LineCell extends ListCell<ConsoleRow> {
        private final Label time = new Label();
        private final Label who = new Label();
        private final Label badge = new Label();
        private final Label text = new Label();
        /** What the person typed (a typed row), or the cursor of a line not finished yet. */
        private final Label typed = new Label();
        private final HBox line = new HBox(0, text, typed);
        private final HBox box = new HBox(8, time, who, badge, line);

        LineCell() {
            time.getStyleClass().add("console-time");
            who.getStyleClass().add("console-who");
            badge.getStyleClass().add("console-badge");
            text.getStyleClass().add("console-text");
            typed.getStyleClass().add("console-typed");
            typed.setMinWidth(Region.USE_PREF_SIZE);
            line.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(line, Priority.ALWAYS);
            line.setMinWidth(0);
            time.setMinWidth(Region.USE_PREF_SIZE);
            who.setMinWidth(Region.USE_PREF_SIZE);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(text, Priority.ALWAYS);
            box.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("console-cell");
            // as wide as the list: a long line ends in "…" (its tooltip has all of it), no sideways scrolling
            setPrefWidth(0);
            text.setMinWidth(0);
            text.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(ConsoleRow r, boolean empty) {
            super.updateItem(r, empty);
            // the row's look changes only where it differs (a class removed and added again, or the graphic taken
            // out and put back, would make its CSS be worked out again for every line of a flood)
            toggle("marker", !empty && r != null && r.marker());
            toggle("unfinished", !empty && r != null && r.kind() == ConsoleRow.Kind.UNFINISHED);
            toggle("typed", !empty && r != null && r.kind() == ConsoleRow.Kind.TYPED);
            toggle("stderr", !empty && r != null && !r.marker() && r.stream() == Stream.STDERR);
            toggle("untraced", !empty && r != null && !r.marker() && r.untraced());
            setText(null);
            if (getGraphic() != box) {
                setGraphic(box);
            }
            if (empty || r == null) {
                box.setVisible(false);
                setTooltip(null);
                return;
            }
            box.setVisible(true);
            long start = vm.runStartProperty().get();
            time.setText(start >= 0 ? Formats.seconds((r.t() - start) / 1e6) : "");
            // a line's text takes the row's width (a long one ends in "…"); a prompt leaves room for what follows it
            boolean after = r.kind() == ConsoleRow.Kind.TYPED || r.kind() == ConsoleRow.Kind.UNFINISHED;
            text.setMaxWidth(after ? Region.USE_PREF_SIZE : Double.MAX_VALUE);
            HBox.setHgrow(text, after ? Priority.NEVER : Priority.ALWAYS);
            typed.setText(r.kind() == ConsoleRow.Kind.TYPED ? r.typed() : r.kind() == ConsoleRow.Kind.UNFINISHED ? "\u258F" : "");
            typed.setVisible(after);
            typed.setManaged(after);
            if (r.marker()) {
                who.setText("");
                who.setVisible(false);
                badge.setVisible(false);
                badge.setManaged(false);
                text.setText(r.text());
                setTooltip(null);
                return;
            }
            who.setVisible(true);
            who.setText(vm.nameOf(r.pid(), r.t()));
            String color = "-fx-text-fill: " + ProcessPalette.css(palette.get().textColorOf(r.pid())) + ";";
            if (!color.equals(who.getStyle())) {
                who.setStyle(color);
            }
            boolean err = r.stream() == Stream.STDERR;
            String b = r.badge();
            badge.setText(b);
            badge.setVisible(!b.isEmpty());
            badge.setManaged(!b.isEmpty());
            text.setText(r.text());
            if (r.kind() == ConsoleRow.Kind.TYPED) {
                setTooltip(new Tooltip("You typed this: it went to the main process's stdin"));
            } else if (r.shared()) {
                setTooltip(new Tooltip("From " + vm.nameOf(r.pid()) + " or one of its untraced children: they"
                        + " wrote to one output channel\n" + r.text()));
            } else {
                setTooltip(r.text().length() > 60 ? new Tooltip(r.text()) : null);
            }
        }

        private void toggle(String styleClass, boolean on) {
            boolean has = getStyleClass().contains(styleClass);
            if (on && !has) {
                getStyleClass().add(styleClass);
            } else if (!on && has) {
                getStyleClass().remove(styleClass);
            }
        }
    }
}
