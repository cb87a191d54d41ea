package org.processlab.ui.shell.header;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text size steps through its sizes, larger only while the window is wide enough. */
class TextSizeTest {
    private final TextSize size = new TextSize();

    @Test
    void itOpensAt15PxAndStepsBothWaysWithinItsSizes() {
        assertThat(size.pxProperty().get()).isEqualTo(15);
        assertThat(size.style()).isEqualTo("-fx-font-size: 15.0px;");
        size.step(-1);
        size.step(-1);
        assertThat(size.pxProperty().get()).as("13 px is the smallest").isEqualTo(13);
        for (int i = 0; i < 10; i++) {
            size.step(+1);
        }
        assertThat(size.pxProperty().get()).as("unknown width: up to the largest").isEqualTo(28);
        assertThat(size.canGrowProperty().get()).isFalse();
    }

    @Test
    void aNarrowWindowStopsTheTextGrowing() {
        size.windowWidthProperty().set(1024);
        size.step(+1);
        size.step(+1);
        assertThat(size.pxProperty().get()).as("19 px is the largest at 1024 px (52 em)").isEqualTo(19);
        assertThat(size.canGrowProperty().get()).isFalse();
        size.step(+1);
        assertThat(size.pxProperty().get()).isEqualTo(19);
        size.windowWidthProperty().set(1440);
        assertThat(size.canGrowProperty().get()).isTrue();
        size.step(+1);
        size.step(+1);
        size.step(+1);
        assertThat(size.pxProperty().get()).as("25 px at 1440").isEqualTo(25);
        size.windowWidthProperty().set(1024);
        size.step(-1);
        assertThat(size.pxProperty().get()).as("smaller is always allowed").isEqualTo(22);
    }
}
