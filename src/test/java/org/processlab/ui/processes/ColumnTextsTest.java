package org.processlab.ui.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A column is as wide as the widest text it has shown in the run; each text is measured once per text size. */
class ColumnTextsTest {

    @Test
    void theWidestTextSeenSinceTheTableWasEmptiedCountsEachMeasuredOnce() {
        List<String> measured = new ArrayList<>();
        ColumnTexts texts = new ColumnTexts(3, t -> {
            measured.add(t);
            return t.length() * 8.0;
        });
        assertThat(texts.saw(1, "main")).as("wider than nothing").isTrue();
        assertThat(texts.saw(1, "child (fork)")).isTrue();
        assertThat(texts.saw(1, "main")).as("seen before").isFalse();
        assertThat(texts.saw(1, "child")).as("narrower").isFalse();
        assertThat(texts.saw(1, null)).isFalse();
        assertThat(texts.saw(1, "")).isFalse();
        assertThat(texts.widest(1)).isEqualTo(12 * 8.0);
        assertThat(texts.widest(0)).isZero();
        assertThat(texts.saw(2, "main")).as("another column's own widest").isTrue();
        assertThat(measured).as("a text measured once, whatever the column").containsExactly("main", "child (fork)",
                "child");

        texts.measureWith(t -> t.length() * 10.0);
        assertThat(texts.widest(1)).as("a new text size").isEqualTo(12 * 10.0);
        assertThat(texts.widest(2)).isEqualTo(4 * 10.0);

        texts.clear();
        assertThat(texts.widest(1)).as("a new run").isZero();
        assertThat(texts.saw(1, "main")).isTrue();
        assertThat(texts.widest(1)).isEqualTo(40);
    }
}
