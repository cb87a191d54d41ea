package org.processlab.ui.processes;

import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import org.processlab.ui.fx.Formats;
import org.processlab.ui.fx.ProcessPalette;

/**
 * The process table: name (indented under its parent, grandchildren further, with its colour), PID, PPID, role,
 * alive (yes, no, or "?" for a process lost from view), lifecycle state, exit code (with the signal name), start and
 * duration in seconds from the run's start. Shows a {@link ProcessTableViewModel}'s rows; its selection is a PID
 * ({@link #selectedPidProperty()}) shared with the timeline and the console. While the rows show a moment of the past
 * (the timeline's cursor), the header says so in a chip ("at 0.312 s") with a button back to the end of the run
 * ({@link #setOnBackToEnd}).
 *
 * <p>Every column is as wide as its title and its values at the window's text size ({@link #setEm}; the run's values
 * are measured as they come: {@link ColumnWidths}); what is left of the table's width goes to the process's name.
 * Where the table is too narrow for all of them, the least important columns are left out
 * ({@link ColumnFit#DROP_ORDER}: Start, Duration, Role, Alive, Exit code, State, PPID, then PID; the process's name
 * always shows) rather than values cut to "…".
 *
 * <p>Threading: FX thread only.
 */
public final class ProcessTableView extends VBox {
    private final TableView<ProcessRow> table = new TableView<>();
    private final ObjectProperty<Long> selectedPid = new SimpleObjectProperty<>(this, "selectedPid");
    private final ObjectProperty<ProcessPalette> palette = new SimpleObjectProperty<>(this, "palette", new ProcessPalette());
    private boolean syncing;
    private Runnable onBackToEnd = () -> { };

    /** A table over {@code vm}'s rows. */
    public ProcessTableView(ProcessTableViewModel vm) {
        getStyleClass().add("process-table-view");
        getStylesheets().add(ProcessTableView.class.getResource("processes.css").toExternalForm());
        Label title = new Label("Processes");
        title.getStyleClass().add("pane-title");
        Label at = new Label();
        at.setId("tableAt");
        at.getStyleClass().add("table-at");
        at.textProperty().bind(vm.atLabelProperty());
        at.setMinWidth(Region.USE_PREF_SIZE);
        Label atHint = new Label("each process as it was at the time cursor");
        atHint.getStyleClass().add("table-at-hint");
        atHint.setMinWidth(0);
        Button back = new Button("End of run", new FontIcon(MaterialDesignS.SKIP_FORWARD));
        back.setId("endOfRun");
        back.getStyleClass().addAll("small", "table-at-back");
        back.setTooltip(new Tooltip("Show the processes as they were at the end of the run (remove the time cursor)"));
        back.setOnAction(e -> onBackToEnd.run());
        back.setMinWidth(Region.USE_PREF_SIZE);
        HBox chip = new HBox(8, at, atHint, back);
        chip.setId("tableAtChip");
        chip.getStyleClass().add("table-at-chip");
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.visibleProperty().bind(vm.atLabelProperty().isNotEmpty());
        chip.managedProperty().bind(chip.visibleProperty());
        HBox header = new HBox(8, title, chip);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");
        table.setId("processTable");
        table.getStyleClass().add("process-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No process yet: press Run."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<ProcessRow, String> name = column("Process", ProcessRow::nameProperty, 118);
        name.setCellFactory(c -> new NameCell());
        TableColumn<ProcessRow, Long> pid = new TableColumn<>("PID");
        // a Process object not started yet has no PID (its row stands in under a negative number): none is shown
        pid.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(
                d.getValue().getPid() < 0 ? null : d.getValue().getPid()));
        pid.setPrefWidth(64);
        pid.getStyleClass().add("numeric");
        TableColumn<ProcessRow, Long> ppid = column("PPID", ProcessRow::ppidProperty, 64);
        ppid.getStyleClass().add("numeric");
        TableColumn<ProcessRow, String> role = column("Role", ProcessRow::roleProperty, 90);
        TableColumn<ProcessRow, ProcessRow.Alive> alive = column("Alive", ProcessRow::aliveAnswerProperty, 58);
        alive.setCellFactory(c -> new AliveCell());
        TableColumn<ProcessRow, String> state = column("State", ProcessRow::stateProperty, 140);
        state.setCellFactory(c -> new StateCell());
        TableColumn<ProcessRow, Integer> exit = column("Exit code", ProcessRow::exitCodeProperty, 90);
        exit.setCellFactory(c -> new ExitCell());
        TableColumn<ProcessRow, Double> start = column("Start", ProcessRow::startProperty, 70);
        start.setCellFactory(c -> new SecondsCell());
        TableColumn<ProcessRow, Double> dur = column("Duration", ProcessRow::durationProperty, 84);
        dur.setCellFactory(c -> new SecondsCell());
        table.getColumns().setAll(java.util.List.of(name, pid, ppid, role, alive, state, exit, start, dur));
        widths = new ColumnWidths(table, name, pid, ppid, role, alive, state, exit, start, dur);
        setEm(14);
        table.getColumns().forEach(c -> c.setSortable(false));

        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing) {
                syncing = true;
                selectedPid.set(b == null ? null : b.getPid());
                syncing = false;
            }
        });
        selectedPid.addListener((o, a, b) -> syncSelection());
        vm.rows().addListener((javafx.collections.ListChangeListener<ProcessRow>) c -> syncSelection());
        palette.addListener((o, a, b) -> table.refresh());
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(header, table);
    }

    private final ColumnWidths widths;

    /** Sizes the columns for text of {@code px} pixels per em (the window's text size). FX thread. */
    public void setEm(double px) {
        widths.setEm(px);
    }

    /** What the chip's "End of run" button does (the shell removes the time cursor). */
    public void setOnBackToEnd(Runnable r) {
        onBackToEnd = r == null ? () -> { } : r;
    }

    private void syncSelection() {
        if (syncing) {
            return;
        }
        syncing = true;
        Long pid = selectedPid.get();
        ProcessRow want = pid == null ? null
                : table.getItems().stream().filter(r -> r.getPid() == pid).findFirst().orElse(null);
        if (want == null) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedItem() != want) {
            table.getSelectionModel().select(want);
        }
        syncing = false;
    }

    /** The selected process's PID, or null. */
    public ObjectProperty<Long> selectedPidProperty() {
        return selectedPid;
    }

    /** The per-process colours shared with the other views. */
    public ObjectProperty<ProcessPalette> paletteProperty() {
        return palette;
    }

    /** The table control (for tests and focus). */
    public TableView<ProcessRow> table() {
        return table;
    }

    private static <T> TableColumn<ProcessRow, T> column(String title, Function<ProcessRow, ObservableValue<T>> value,
                                                          double width) {
        TableColumn<ProcessRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> value.apply(d.getValue()));
        c.setPrefWidth(width);
        return c;
    }

    private final class NameCell extends TableCell<ProcessRow, String> {
        private final Circle dot = new Circle(6);

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            ProcessRow r = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || item == null || r == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            dot.setFill(palette.get().colorOf(r.getPid()));
            setGraphic(dot);
            setGraphicTextGap(8);
            setText(item);
            setStyle("-fx-padding: 0 0 0 " + (0.4 + r.depthProperty().get() * 1.2) + "em;");
        }
    }

    /**
     * Gives {@code cell} the style class {@code wanted} (null: none) among {@code all}, changing its classes only when
     * they differ: a class removed and added again would make the cell's CSS be worked out again every update.
     */
    private static void styleAs(TableCell<?, ?> cell, String wanted, String... all) {
        for (String c : all) {
            if (!c.equals(wanted)) {
                cell.getStyleClass().remove(c);
            }
        }
        if (wanted != null && !cell.getStyleClass().contains(wanted)) {
            cell.getStyleClass().add(wanted);
        }
    }

    /** Yes, no, or "?" for a process lost from view (never "no": nobody saw it end), said on hover. */
    private static final class AliveCell extends TableCell<ProcessRow, ProcessRow.Alive> {
        private static final String[] ALL = {"state-alive", "state-ended", "state-unknown"};
        private Tooltip unknown;

        @Override
        protected void updateItem(ProcessRow.Alive item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                styleAs(this, null, ALL);
                return;
            }
            setText(switch (item) {
                case YES -> "● yes";
                case NO -> "no";
                case UNKNOWN -> "?";
            });
            if (item == ProcessRow.Alive.UNKNOWN && unknown == null) {
                unknown = new Tooltip("Unknown: ProcessLab's supervisor was gone, and nobody saw whether this process "
                        + "still ran (lost from view).");
            }
            setTooltip(item == ProcessRow.Alive.UNKNOWN ? unknown : null);
            styleAs(this, switch (item) {
                case YES -> "state-alive";
                case NO -> "state-ended";
                case UNKNOWN -> "state-unknown";
            }, ALL);
        }
    }

    /** A state as its cell shows it (a zombie with its mark). */
    static String stateShown(String state) {
        return state.equals("zombie") ? "◐ zombie" : state;
    }

    private static final class StateCell extends TableCell<ProcessRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            String[] all = {"state-running", "state-waiting", "state-zombie", "state-ended", "state-failed",
                "state-none", "state-lost"};
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                styleAs(this, null, all);
                return;
            }
            setText(stateShown(item));
            boolean failed = item.startsWith(ProcessRow.START_RAISED);
            // what start() raised is longer than the column: the whole of it on hover
            setTooltip(failed ? new Tooltip(item) : null);
            styleAs(this, failed ? "state-failed" : switch (item) {
                case "running" -> "state-running";
                case "waiting in join()" -> "state-waiting";
                case "zombie" -> "state-zombie";
                case "ended" -> "state-ended";
                case "lost from view" -> "state-lost";
                default -> "state-none";
            }, all);
        }
    }

    private static final class ExitCell extends TableCell<ProcessRow, Integer> {
        ExitCell() {
            setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                styleAs(this, null, "exit-ok", "exit-error");
                return;
            }
            setText(Formats.exitCode(item));
            styleAs(this, item == 0 ? "exit-ok" : "exit-error", "exit-ok", "exit-error");
        }
    }

    private static final class SecondsCell extends TableCell<ProcessRow, Double> {
        SecondsCell() {
            setAlignment(Pos.CENTER_RIGHT);
        }

        @Override
        protected void updateItem(Double item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Formats.seconds(item));
        }
    }
}
