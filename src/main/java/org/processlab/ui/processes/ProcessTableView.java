package org.processlab.ui.processes;

import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import org.processlab.ui.fx.Formats;
import org.processlab.ui.fx.ProcessPalette;

/**
 * The process table: name (indented under its parent, with its colour), PID, PPID, role, alive, exit code (with
 * the signal name), start and duration in seconds from the run's start. Shows a {@link ProcessTableViewModel}'s
 * rows; its selection is a PID ({@link #selectedPidProperty()}) shared with the timeline and the console.
 *
 * <p>Threading: FX thread only.
 */
public final class ProcessTableView extends VBox {
    private final TableView<ProcessRow> table = new TableView<>();
    private final ObjectProperty<Long> selectedPid = new SimpleObjectProperty<>(this, "selectedPid");
    private final ObjectProperty<ProcessPalette> palette = new SimpleObjectProperty<>(this, "palette", new ProcessPalette());
    private boolean syncing;

    /** A table over {@code vm}'s rows. */
    public ProcessTableView(ProcessTableViewModel vm) {
        getStyleClass().add("process-table-view");
        getStylesheets().add(ProcessTableView.class.getResource("processes.css").toExternalForm());
        Label title = new Label("Processes");
        title.getStyleClass().add("pane-title");
        table.setId("processTable");
        table.getStyleClass().add("process-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No process yet: press Run."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<ProcessRow, String> name = column("Process", ProcessRow::nameProperty, 135);
        name.setCellFactory(c -> new NameCell());
        TableColumn<ProcessRow, Long> pid = new TableColumn<>("PID");
        pid.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(d.getValue().getPid()));
        pid.setPrefWidth(72);
        pid.getStyleClass().add("numeric");
        TableColumn<ProcessRow, Long> ppid = column("PPID", ProcessRow::ppidProperty, 72);
        ppid.getStyleClass().add("numeric");
        TableColumn<ProcessRow, String> role = column("Role", ProcessRow::roleProperty, 100);
        TableColumn<ProcessRow, String> state = column("Alive", ProcessRow::stateProperty, 84);
        state.setCellFactory(c -> new StateCell());
        TableColumn<ProcessRow, Integer> exit = column("Exit code", ProcessRow::exitCodeProperty, 125);
        exit.setCellFactory(c -> new ExitCell());
        TableColumn<ProcessRow, Double> start = column("Start", ProcessRow::startProperty, 76);
        start.setCellFactory(c -> new SecondsCell());
        TableColumn<ProcessRow, Double> dur = column("Duration", ProcessRow::durationProperty, 92);
        dur.setCellFactory(c -> new SecondsCell());
        table.getColumns().setAll(java.util.List.of(name, pid, ppid, role, state, exit, start, dur));
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
        getChildren().addAll(title, table);
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

    private static final class StateCell extends TableCell<ProcessRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("state-alive", "state-zombie", "state-ended");
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.equals("alive") ? "● alive" : item.equals("zombie") ? "◐ zombie" : item);
            getStyleClass().add(item.equals("alive") ? "state-alive" : item.equals("zombie") ? "state-zombie" : "state-ended");
        }
    }

    private static final class ExitCell extends TableCell<ProcessRow, Integer> {
        ExitCell() {
            setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("exit-ok", "exit-error");
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(Formats.exitCode(item));
            getStyleClass().add(item == 0 ? "exit-ok" : "exit-error");
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
