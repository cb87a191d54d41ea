package org.processlab.ui.shell.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.store.SettingsStore;

/** Presenter mode folds the page, swaps table and console by a key, and keeps the mode and the scale. */
class PresenterViewModelTest {
    @TempDir
    Path home;

    @Test
    void presenterModeFoldsThePageAndAKeyBringsItBack() {
        PresenterViewModel vm = new PresenterViewModel(SettingsStore.open(home));
        assertThat(vm.presenterProperty().get()).isFalse();
        assertThat(vm.pageShownProperty().get()).isTrue();
        vm.toggle();
        assertThat(vm.presenterProperty().get()).isTrue();
        assertThat(vm.pageShownProperty().get()).isFalse();
        vm.togglePage();
        assertThat(vm.pageShownProperty().get()).isTrue();
        vm.toggleTable();
        assertThat(vm.tableShownProperty().get()).isTrue();
        vm.toggle();
        assertThat(vm.pageShownProperty().get()).isTrue();
        assertThat(vm.tableShownProperty().get()).as("the desk shows all three views").isFalse();
    }

    @Test
    void theModeAndTheScaleAreKeptForTheNextStart() {
        PresenterViewModel first = new PresenterViewModel(SettingsStore.open(home));
        first.scale().windowWidthProperty().set(1920);
        first.scale().windowHeightProperty().set(1080);
        first.setPresenter(true);
        first.scale().smaller();
        double chosen = first.scale().chosenProperty().get();
        assertThat(chosen).isGreaterThan(1);

        PresenterViewModel again = new PresenterViewModel(SettingsStore.open(home));
        assertThat(again.presenterProperty().get()).isTrue();
        assertThat(again.pageShownProperty().get()).isFalse();
        assertThat(again.scale().chosenProperty().get()).isEqualTo(chosen);
        again.scale().reset();
        assertThat(SettingsStore.open(home).current().scale()).as("Ctrl+0: never set").isZero();
    }
}
