package org.processlab.ui.shell.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** One scale: steps both ways, larger only as far as the window holds, a default per mode. */
class ScaleViewModelTest {
    private final SimpleBooleanProperty presenter = new SimpleBooleanProperty(false);
    private final ScaleViewModel scale = new ScaleViewModel(presenter);

    @Test
    void itOpensAt15PxAndStepsBothWays() {
        assertThat(scale.pxProperty().get()).isEqualTo(15);
        assertThat(scale.style()).isEqualTo("-fx-font-size: 15.0px;");
        scale.smaller();
        scale.smaller();
        scale.smaller();
        assertThat(scale.pxProperty().get()).as("13 px is the smallest").isEqualTo(13);
        assertThat(scale.canShrinkProperty().get()).isFalse();
        scale.larger();
        scale.larger();
        scale.larger();
        assertThat(scale.pxProperty().get()).isEqualTo(16.5);
        assertThat(scale.chosenProperty().get()).isEqualTo(16.5 / 15);
        scale.reset();
        assertThat(scale.pxProperty().get()).as("Ctrl+0: the default").isEqualTo(15);
        assertThat(scale.chosenProperty().get()).isZero();
    }

    @Test
    void itGrowsAsFarAsTheWindowHoldsAndTheLastStepReachesThatBound() {
        scale.windowWidthProperty().set(1920);
        scale.windowHeightProperty().set(1080);
        double most = ScaleLimits.largestPx(1920, 1080, false);
        for (int i = 0; i < 40; i++) {
            scale.larger();
        }
        assertThat(scale.pxProperty().get()).isEqualTo(most);
        assertThat(scale.canGrowProperty().get()).isFalse();
        scale.windowHeightProperty().set(768);
        assertThat(scale.pxProperty().get()).as("a smaller window draws it at what it holds")
                .isEqualTo(ScaleLimits.largestPx(1920, 768, false));
        scale.windowHeightProperty().set(1080);
        assertThat(scale.pxProperty().get()).as("and the chosen size comes back").isEqualTo(most);
    }

    @Test
    void presenterModeWithNoSizeChosenDrawsAtTheLargestTheWindowHolds() {
        scale.windowWidthProperty().set(1920);
        scale.windowHeightProperty().set(1080);
        presenter.set(true);
        assertThat(scale.pxProperty().get()).isEqualTo(ScaleLimits.largestPx(1920, 1080, true));
        scale.smaller();
        assertThat(scale.pxProperty().get()).isLessThan(ScaleLimits.largestPx(1920, 1080, true));
        presenter.set(false);
        assertThat(scale.pxProperty().get()).as("the chosen size stays, as far as the desk layout holds it")
                .isEqualTo(Math.min(scale.chosenProperty().get() * 15, ScaleLimits.largestPx(1920, 1080, false)));
    }

    @Test
    void theDefaultIsNeverCutByASmallWindow() {
        scale.windowWidthProperty().set(500);
        scale.windowHeightProperty().set(400);
        assertThat(scale.pxProperty().get()).isEqualTo(15);
        assertThat(scale.canGrowProperty().get()).isFalse();
    }
}
