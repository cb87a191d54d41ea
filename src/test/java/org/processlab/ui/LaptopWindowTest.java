package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

import org.processlab.ui.processes.ProcessRow;

/**
 * A student's laptop: the window at 1440×900, a lesson run as a student runs it (its question answered with a click,
 * then Run clicked), the reveal shown. The process table has room for at least four rows and shows every process, the
 * console shows at least five lines, the timeline every lane whole, and no header or cell of the table is cut to "…".
 */
class LaptopWindowTest extends WindowTest {

    @Test
    void afterARunAt1440x900TheTableTheConsoleAndTheTimelineEachHaveTheirRoom() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.resizeWindow(1440, 900);
        // lesson 3: three processes and eight lines, the PIDs it is about
        app.clickLesson("03-");
        app.click("#choice0");
        app.click("#runButton");
        app.waitFor("the reveal", Duration.ofSeconds(60), () -> app.vm().prediction().revealProperty().get() != null);
        app.waitForRunShown();
        app.waitForPulses(6);
        app.screenshot("laptop-1440x900-after-run");
        System.out.println("laptop layout: " + app.fx(this::layoutReport));

        TableView<ProcessRow> table = app.shell().processTable().table();
        int processes = app.fx(() -> table.getItems().size());
        assertThat(app.fx(() -> rowsInView(table))).as("every process's row in view").isEqualTo(processes);
        assertThat(app.fx(() -> rowRoom(table))).as("the table's room, in rows").isGreaterThanOrEqualTo(4);
        assertThat(app.fx(this::consoleLinesInView)).as("console lines in view").isGreaterThanOrEqualTo(5);
        assertThat(app.fx(this::lanesCut)).as("lanes cut at the timeline's bottom edge").isZero();
        assertThat(app.fx(() -> cutTexts(table))).as("table headers and cells cut to …").isEmpty();
        assertThat(app.fx(() -> columnTitles(table))).as("the columns shown")
                .contains("Process", "PID", "PPID", "Role", "State", "Exit code");
        assertThat(app.fx(() -> app.shell().lookup("#lessonPage").getLayoutBounds().getWidth()))
                .as("the lesson page keeps room to read").isGreaterThan(360);
    }

    /**
     * The same run seen at a projector's and a desk's sizes: at 1920x1080 the views keep the laptop's room; at 1280x720
     * and 1024x768 each view keeps its least (two rows, two lines) and the table leaves out columns whole rather than
     * cutting them; in presenter mode (F11), the reveal hidden, at 1920x1080 and 1280x720 the console's last lines stay
     * under the timeline. Each size leaves a screenshot.
     */
    @Test
    void theSameRunAtOtherSizesAndInPresenterMode() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.resizeWindow(1440, 900);
        app.clickLesson("03-");
        app.click("#choice0");
        app.click("#runButton");
        app.waitFor("the reveal", Duration.ofSeconds(60), () -> app.vm().prediction().revealProperty().get() != null);
        app.waitForRunShown();
        TableView<ProcessRow> table = app.shell().processTable().table();
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}, {1024, 768}}) {
            app.resizeWindow(size[0], size[1]);
            app.waitForPulses(6);
            String name = "laptop-" + size[0] + "x" + size[1];
            app.screenshot(name);
            System.out.println(name + ": " + app.fx(this::layoutReport) + " rows=" + app.fx(() -> rowRoom(table))
                    + " lines=" + app.fx(this::consoleLinesInView) + " columns=" + app.fx(() -> columnTitles(table)));
            assertThat(app.fx(() -> cutTexts(table))).as("table headers and cells cut at %s", name).isEmpty();
            assertThat(app.fx(this::consoleLinesInView)).as("console lines at %s", name)
                    .isGreaterThanOrEqualTo(size[1] >= 1080 ? 5 : 2);
            assertThat(app.fx(() -> rowRoom(table))).as("the table's room, in rows, at %s", name)
                    .isGreaterThanOrEqualTo(size[1] >= 1080 ? 4 : 2);
            assertThat(app.fx(this::lanesCut)).as("lanes cut at %s", name).isEqualTo(size[1] >= 1080 ? 0 : lanesCutBy(2));
        }
        app.resizeWindow(1920, 1080);
        app.robot.press(javafx.scene.input.KeyCode.F11).release(javafx.scene.input.KeyCode.F11);
        app.waitFor("presenter mode", Duration.ofSeconds(10), () -> app.vm().presenter().presenterProperty().get());
        // on a projector the reveal takes the room the class reads it in until it is hidden (PresenterWindowTest)
        app.dismissReveal();
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
            app.resizeWindow(size[0], size[1]);
            app.waitForPulses(6);
            String name = "laptop-presenter-" + size[0] + "x" + size[1];
            app.screenshot(name);
            System.out.println(name + ": " + app.fx(this::layoutReport) + " lines=" + app.fx(this::consoleLinesInView));
            assertThat(app.fx(() -> app.vm().presenter().presenterProperty().get())).isTrue();
            assertThat(app.fx(this::consoleLinesInView)).as("console lines at %s", name).isGreaterThanOrEqualTo(1);
        }
    }

    /** Lanes past the first {@code n} (a short side keeps at least two lanes whole: more may be cut). */
    private int lanesCutBy(int n) {
        return Math.min(app.fx(this::lanesCut), Math.max(0, app.fx(() -> app.shell().timeline().getLanes().size()) - n));
    }

    /** Rows with a process whose whole height lies inside the table's viewport. */
    static int rowsInView(TableView<?> table) {
        int n = 0;
        for (Node r : table.lookupAll(".table-row-cell")) {
            if (r instanceof TableRow<?> row && row.getItem() != null && row.isVisible() && inFlow(row)) {
                n++;
            }
        }
        return n;
    }

    /** How many rows the table's viewport holds. */
    static double rowRoom(TableView<?> table) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        return flow.getHeight() / table.getFixedCellSize();
    }

    private int consoleLinesInView() {
        int n = 0;
        for (Node c : app.shell().console().list().lookupAll(".list-cell")) {
            if (c instanceof ListCell<?> cell && cell.getItem() != null && cell.isVisible() && inFlow(cell)) {
                n++;
            }
        }
        return n;
    }

    /** Lanes whose row the timeline's own height cuts (it is as tall as its box lets it be). */
    private int lanesCut() {
        var t = app.shell().timeline();
        double axis = Math.ceil(t.getSmallFont().getSize() * 2.3);
        double room = t.getHeight() - axis;
        int lanes = t.getLanes().size();
        return (int) Math.max(0, lanes - Math.floor(room / t.getLaneHeight() + 0.01));
    }

    /** Header titles and cell texts drawn other than they are (elided), as "column: drawn (whole)". */
    static List<String> cutTexts(TableView<?> table) {
        List<String> cut = new ArrayList<>();
        for (Node n : table.lookupAll(".column-header .label")) {
            if (n instanceof javafx.scene.control.Label l && l.isVisible() && drawnOtherwise(l, l.getText())) {
                cut.add("header: " + drawn(l) + " (" + l.getText() + ")");
            }
        }
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.isVisible() && c.getText() != null && !c.getText().isEmpty()
                    && c.getTableColumn() != null && c.getTableColumn().isVisible()
                    && drawnOtherwise(c, c.getText())) {
                cut.add(c.getTableColumn().getText() + ": " + drawn(c) + " (" + c.getText() + ")");
            }
        }
        return cut;
    }

    private static boolean drawnOtherwise(Node labeled, String whole) {
        String d = drawn(labeled);
        return d != null && !d.equals(whole);
    }

    private static String drawn(Node labeled) {
        Node text = labeled.lookup(".text");
        return text instanceof Text t ? t.getText() : null;
    }

    static List<String> columnTitles(TableView<?> table) {
        return table.getVisibleLeafColumns().stream().map(TableColumn::getText).toList();
    }

    private static boolean inFlow(Node n) {
        Node flow = n.getParent();
        while (flow != null && !(flow instanceof VirtualFlow<?>)) {
            flow = flow.getParent();
        }
        if (flow == null) {
            return false;
        }
        Bounds b = n.localToScene(n.getLayoutBounds());
        Bounds v = flow.localToScene(flow.getLayoutBounds());
        return b.getMinY() >= v.getMinY() - 1 && b.getMaxY() <= v.getMaxY() + 1 && v.getHeight() > 0;
    }

    /** The heights of the run side's parts, px (for the test's log). */
    private String layoutReport() {
        StringBuilder s = new StringBuilder();
        for (String sel : List.of(".run-side", ".run-toolbar", ".prediction-scroll", ".run-views", ".timeline-box",
                ".process-table-view", ".console-view", "#lessonPage")) {
            Node n = app.shell().lookup(sel);
            if (n instanceof Region r) {
                s.append(sel).append('=').append(Math.round(r.getWidth())).append('x')
                        .append(Math.round(r.getHeight())).append(' ');
            }
        }
        s.append("em=").append(app.shell().scale().pxProperty().get());
        return s.toString();
    }
}
