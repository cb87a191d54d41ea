package org.processlab.ui.shell.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleDoubleProperty;

import org.junit.jupiter.api.Test;

/** The lesson list follows the window's width (in em) until the person shows or hides it by hand. */
class LessonListVisibilityTest {
    private final SimpleDoubleProperty width = new SimpleDoubleProperty();
    private final SimpleDoubleProperty em = new SimpleDoubleProperty(15);
    private final LessonListVisibility list = new LessonListVisibility(width, em);

    @Test
    void aNarrowWindowHidesTheListAndAWideOneShowsIt() {
        assertThat(list.shownProperty().get()).as("before any layout").isTrue();
        width.set(1024);
        assertThat(list.shownProperty().get()).as("1024 px < 84 em of 15 px").isFalse();
        width.set(1440);
        assertThat(list.shownProperty().get()).isTrue();
        em.set(19);
        assertThat(list.shownProperty().get()).as("larger text: 84 em are 1596 px").isFalse();
    }

    @Test
    void onceChosenByHandTheWidthNoLongerDecides() {
        width.set(1440);
        list.toggleByHand();
        assertThat(list.shownProperty().get()).isFalse();
        width.set(1600);
        assertThat(list.shownProperty().get()).isFalse();

        LessonListVisibility other = new LessonListVisibility(width, em);
        other.shownProperty().set(false);   // the toggle, pressed
        other.choseByHand();
        width.set(1700);
        assertThat(other.shownProperty().get()).isFalse();
    }
}
