package org.processlab.ui.fx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.paint.Color;

import org.processlab.model.ProcessView;

/**
 * One colour per process of a run, shared by the timeline, the process table and the console, so a student
 * can match a lane, a row and a line by colour. Colours are given in the order processes first appear and
 * never change during a run; a change of theme keeps each process's place in the palette (p1 stays orange) and
 * swaps the shades ({@link #withColours}).
 *
 * <p>Each process has two shades: a <b>mark</b> ({@link #colorOf}: the lane's stripe, the table's dot), which must
 * tell processes apart, and a <b>text</b> shade ({@link #textColorOf}: a lane's title, the console's process name),
 * which must be readable. The marks are the eight colours of Okabe &amp; Ito, <i>Color Universal Design</i> (2008,
 * jfly.uni-koeln.de/color), chosen to stay apart for viewers with any of the common colour-vision deficiencies and
 * spread in lightness, so they also stay apart on a washed-out projector. The text shades are the same hues mixed
 * towards black (light themes) or white (dark) until they reach a contrast ratio of 4.6:1 (7:1 for high contrast)
 * against every background the theme puts under a process's name (lanes, stripes, a selected row, a stderr row).
 * The process names are always written out as well: colour only helps match them. Red is not the first colour
 * (it means stderr and errors).
 *
 * <p>Threading: FX thread only (the palette object); {@link Colours} are immutable, any thread.
 */
public final class ProcessPalette {
    /**
     * The shades of one theme: {@code marks.get(i)} and {@code texts.get(i)} are process {@code i}'s (modulo the
     * size), {@code unknownMark}/{@code unknownText} those of a PID never assigned.
     */
    public record Colours(List<Color> marks, List<Color> texts, Color unknownMark, Color unknownText) {
        public Colours {
            marks = List.copyOf(marks);
            texts = List.copyOf(texts);
            if (marks.isEmpty() || marks.size() != texts.size()) {
                throw new IllegalArgumentException("as many marks as texts, at least one");
            }
        }
    }

    /** Okabe–Ito in the order given out: blue, vermillion, bluish green, reddish purple, orange, sky blue, yellow, black. */
    private static final List<Color> OKABE_ITO = colours("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
            "#56b4e9", "#f0e442", "#000000");

    /** For light themes (white lanes). */
    public static final Colours ON_LIGHT = new Colours(OKABE_ITO,
            colours("#0070b0", "#b14e00", "#007b5a", "#95587a", "#906300", "#367193", "#736e20", "#000000"),
            Color.web("#8c959f"), Color.web("#666c74"));

    /** For dark themes: the same marks (black, which would vanish, becomes a light grey); lighter text shades. */
    public static final Colours ON_DARK = new Colours(
            colours("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#bbbbbb"),
            colours("#3b93c4", "#d96d17", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#bbbbbb"),
            Color.web("#6e7681"), Color.web("#858b95"));

    /** For the high-contrast theme (black on white): the same marks, text shades at 7:1 or more. */
    public static final Colours HIGH_CONTRAST = new Colours(OKABE_ITO,
            colours("#004f7c", "#7c3700", "#00563f", "#683e55", "#644500", "#264f67", "#504c16", "#000000"),
            Color.web("#57606a"), Color.web("#454c54"));

    private final Colours colours;
    private final Map<Long, Integer> index;

    /** An empty palette in the light shades. */
    public ProcessPalette() {
        this(ON_LIGHT, new HashMap<>());
    }

    private ProcessPalette(Colours colours, Map<Long, Integer> index) {
        this.colours = colours;
        this.index = index;
    }

    /** A palette with the same processes in the same places, in {@code other} shades (a change of theme). */
    public ProcessPalette withColours(Colours other) {
        return new ProcessPalette(other, new HashMap<>(index));
    }

    /** The shades this palette gives. */
    public Colours colours() {
        return colours;
    }

    /** Gives colours to processes not seen before, in snapshot order. */
    public void assign(List<ProcessView> processes) {
        for (ProcessView p : processes) {
            index.computeIfAbsent(p.pid(), k -> index.size());
        }
    }

    /** The mark colour of process {@code pid} (a stripe, a dot); grey for a PID never assigned. */
    public Color colorOf(long pid) {
        Integer i = index.get(pid);
        return i == null ? colours.unknownMark() : colours.marks().get(i % colours.marks().size());
    }

    /** The colour process {@code pid}'s name is written in; readable on the theme's backgrounds. */
    public Color textColorOf(long pid) {
        Integer i = index.get(pid);
        return i == null ? colours.unknownText() : colours.texts().get(i % colours.texts().size());
    }

    /** Forgets every process (a new run). */
    public void clear() {
        index.clear();
    }

    /** The colour as a CSS literal ({@code #rrggbb}). */
    public static String css(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static List<Color> colours(String... hex) {
        return java.util.Arrays.stream(hex).map(Color::web).toList();
    }
}
