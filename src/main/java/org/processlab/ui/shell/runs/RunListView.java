package org.processlab.ui.shell.runs;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

import org.processlab.store.KeptRun;

/**
 * The run list: a menu of the kept runs of the lesson or program shown, newest first, each named by
 * {@link KeptRunLabel} ({@code 3 · 04:31:07 · exit 0 · fork}); the one shown is ticked, and the button names it
 * ({@code Run 3}). Picking one shows it ({@link RunsViewModel#show}). Hidden while there is none; disabled during a
 * run. Ids: {@code runList}, items {@code keptRun-3}, …
 *
 * <p>Threading: FX thread only.
 */
public final class RunListView extends MenuButton {
    private final RunsViewModel vm;
    private final ToggleGroup group = new ToggleGroup();

    /** The list over {@code vm}; {@code running} is true while a run is live. */
    public RunListView(RunsViewModel vm, ObservableBooleanValue running) {
        super(null, new FontIcon(MaterialDesignH.HISTORY));
        this.vm = vm;
        setId("runList");
        getStyleClass().add("run-list");
        textProperty().bind(Bindings.createStringBinding(() -> {
            KeptRun k = vm.shownProperty().get();
            return k != null ? "Run " + k.number() : "Runs";
        }, vm.shownProperty()));
        Tooltip tip = new Tooltip("The runs of this lesson kept so far, newest first: pick one to show it again "
                + "(File ▸ Kept runs says where they are kept)");
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        setTooltip(tip);
        visibleProperty().bind(Bindings.isNotEmpty(vm.runs()));
        managedProperty().bind(visibleProperty());
        disableProperty().bind(running);
        setMinWidth(Region.USE_PREF_SIZE);
        vm.runs().addListener((ListChangeListener<KeptRun>) c -> fill());
        vm.shownProperty().addListener(o -> tick());
        fill();
    }

    private void fill() {
        getItems().clear();
        for (KeptRun k : vm.runs()) {
            RadioMenuItem item = new RadioMenuItem(vm.label(k));
            item.setId("keptRun-" + k.number());
            item.setMnemonicParsing(false);
            item.setToggleGroup(group);
            item.setUserData(k);
            item.setOnAction(e -> vm.show(k));
            getItems().add(item);
        }
        tick();
    }

    private void tick() {
        KeptRun shown = vm.shownProperty().get();
        for (var item : getItems()) {
            if (item instanceof RadioMenuItem r) {
                r.setSelected(shown != null && shown.equals(r.getUserData()));
            }
        }
    }
}
