package org.processlab.ui.shell.compare;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import org.processlab.compare.RunComparison;
import org.processlab.compare.Side;
import org.processlab.ui.fx.ProcessPalette;
import org.processlab.ui.shell.keys.Shortcut;

/**
 * Two runs one above the other ({@link RunPanel} A over B), on one time axis where each starts at 0 from its own
 * start ({@link SharedAxis}: the same zoom, cursor and replay), then the short list of what differs. Shown over the
 * lesson and the run views while {@link CompareViewModel#openProperty()} holds; Close (or Esc) goes back to them.
 * Every size is in em of the window's one scale; every colour is a theme token (compare.css).
 *
 * <p>Threading: FX thread only. The replay's timer runs only while the replay plays.
 */
public final class CompareView extends BorderPane {
    private final CompareViewModel vm;
    private final ObservableObjectValue<ProcessPalette> palette;
    private final RunPanel a = new RunPanel(Side.A);
    private final RunPanel b = new RunPanel(Side.B);
    private final SharedAxis axis;
    private final VBox differences = new VBox();
    private final AnimationTimer replay = new AnimationTimer() {
        private long last = -1;

        @Override
        public void handle(long now) {
            if (last >= 0) {
                vm.advance((now - last) / 1_000);
            }
            last = now;
        }

        @Override
        public void stop() {
            super.stop();
            last = -1;
        }
    };

    /**
     * @param vm      the comparison
     * @param palette the run views' palette, whose shades (the theme's) the two runs' lanes use
     */
    public CompareView(CompareViewModel vm, ObservableObjectValue<ProcessPalette> palette) {
        this.vm = vm;
        this.palette = palette;
        setId("compareView");
        getStyleClass().add("compare-view");
        getStylesheets().add(CompareView.class.getResource("compare.css").toExternalForm());
        axis = new SharedAxis(a.timeline(), b.timeline(), vm);
        // the two timelines as wide, so that their time axes line up
        a.notes().shareWidthWith(b.notes());

        Label title = new Label("Compare", new FontIcon(MaterialDesignC.COMPARE_HORIZONTAL));
        title.getStyleClass().add("compare-title");
        Label summary = new Label();
        summary.setId("compareSummary");
        summary.getStyleClass().add("compare-summary");
        summary.setMinWidth(0);
        // the most telling difference is read first: whole, on a second line if it must
        summary.setWrapText(true);
        vm.differences().addListener((ListChangeListener<String>) c -> summary.setText(vm.summary()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(summary, Priority.SOMETIMES);
        Button play = new Button();
        play.setId("compareReplay");
        play.textProperty().bind(Bindings.when(vm.playingProperty()).then("Pause").otherwise("Replay both"));
        play.graphicProperty().bind(Bindings.when(vm.playingProperty())
                .then(new FontIcon(MaterialDesignP.PAUSE)).otherwise(new FontIcon(MaterialDesignP.PLAY)));
        play.setTooltip(new Tooltip("Replay both runs together, each from its own start"));
        play.setOnAction(e -> vm.togglePlay());
        Button fit = new Button("Fit both", new FontIcon(MaterialDesignF.FIT_TO_SCREEN_OUTLINE));
        fit.setId("compareFit");
        fit.setTooltip(new Tooltip("Show both runs whole, on the longer one's width"));
        fit.setOnAction(e -> axis.fit());
        Button close = new Button("Close", new FontIcon(MaterialDesignC.CLOSE));
        close.setId("compareClose");
        close.setTooltip(new Tooltip("Back to the run (" + Shortcut.CLOSE.keysText() + ")"));
        close.setOnAction(e -> vm.close());
        for (Region r : new Region[] {title, play, fit, close}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(title, summary, spacer, play, fit, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("compare-bar");
        setTop(bar);

        Label what = new Label("What differs");
        what.getStyleClass().add("compare-subtitle");
        differences.setId("compareDifferences");
        differences.getStyleClass().add("compare-differences");
        VBox body = new VBox(a, b, new VBox(what, differences));
        body.getStyleClass().add("compare-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("compare-scroll");
        setCenter(scroll);

        visibleProperty().bind(vm.openProperty());
        managedProperty().bind(vm.openProperty());
        vm.comparisonProperty().addListener((o, was, c) -> show(c));
        // another theme gives the run's processes other shades: the comparison's lanes take them too, in place
        palette.addListener((o, was, p) -> recolour(vm.comparisonProperty().get()));
        vm.differences().addListener((ListChangeListener<String>) c -> showDifferences());
        vm.playingProperty().addListener((o, was, on) -> {
            if (on) {
                replay.start();
            } else {
                replay.stop();
            }
        });
        vm.openProperty().addListener((o, was, on) -> {
            if (on) {
                close.requestFocus();
            }
        });
    }

    private void show(RunComparison c) {
        if (c == null) {
            return;
        }
        recolour(c);
        axis.use(c.a().startedAt(), c.b().startedAt());
    }

    /** Shows the same comparison in the palette's shades now, keeping the axis (zoom, cursor) as it is. */
    private void recolour(RunComparison c) {
        if (c == null) {
            return;
        }
        ProcessPalette.Colours shades = palette.get().colours();
        a.show(vm.headline(Side.A), vm.run(Side.A), vm.lanes(Side.A), vm.notes(Side.A), vm.orderMarks(), shades);
        b.show(vm.headline(Side.B), vm.run(Side.B), vm.lanes(Side.B), vm.notes(Side.B), vm.orderMarks(), shades);
    }

    private void showDifferences() {
        differences.getChildren().clear();
        for (String s : vm.differences()) {
            Label l = new Label(s);
            l.setWrapText(true);
            l.getStyleClass().add("compare-difference");
            if (s.startsWith("Only in")) {
                l.getStyleClass().add("compare-difference-only");
            }
            differences.getChildren().add(l);
        }
    }

    /** Run {@code side}'s timeline (tests). */
    public org.processlab.ui.timeline.Timeline timeline(Side side) {
        return side == Side.A ? a.timeline() : b.timeline();
    }

    /** Run {@code side}'s headline (tests). */
    public Label headline(Side side) {
        return side == Side.A ? a.headline() : b.headline();
    }
}
