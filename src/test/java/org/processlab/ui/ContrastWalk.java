package org.processlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import org.kordamp.ikonli.javafx.FontIcon;

import org.processlab.ui.theme.ColourMaths;

/**
 * Every piece of text a person sees in a scene, with the contrast it has against what is behind it, as WCAG 2.x
 * measures it ({@link ColourMaths#contrast}). Walks the scene graph for each visible {@link Text} (which is how every
 * Labeled, table cell, list cell and Markdown run draws its words), takes its fill, and takes the background as the
 * first opaque background fill up its ancestors (the topmost fill of each region; translucent fills on the way are
 * blended over it; the scene's fill when none is opaque). What it requires:
 * <ul>
 *   <li>text: 4.5:1 (SC 1.4.3, AA); large text (≥ 24 px, or ≥ 18.66 px bold) 3:1;</li>
 *   <li>an icon (an Ikonli font icon, a graphic, not text): 3:1 (SC 1.4.11, non-text contrast).</li>
 * </ul>
 * Disabled controls are left out, as WCAG leaves out inactive components; so is text outside the scene's bounds.
 * FX thread only.
 */
final class ContrastWalk {
    /** One text and its contrast. */
    record Seen(String text, String where, Color fill, Color background, double ratio, double required) {
        boolean passes() {
            return ratio >= required;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f:1 (needs %.1f) \"%s\" %s on %s in %s", ratio, required,
                    text.length() > 40 ? text.substring(0, 40) + "…" : text, ColourMaths.hex(fill),
                    ColourMaths.hex(background), where);
        }
    }

    private ContrastWalk() {
    }

    /** Every visible text of {@code scene}. */
    static List<Seen> of(Scene scene) {
        List<Seen> out = new ArrayList<>();
        walk(scene, scene.getRoot(), false, out);
        return out;
    }

    /** The texts of {@code control} as they look while it is enabled (the Stop button outside a run). */
    static List<Seen> asIfEnabled(Scene scene, Node control) {
        List<Seen> out = new ArrayList<>();
        walk(scene, control, true, out);
        return out;
    }

    private static void walk(Scene scene, Node n, boolean evenDisabled, List<Seen> out) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        if (n instanceof Text t && (evenDisabled || !t.isDisabled()) && t.getText() != null && !t.getText().isBlank()
                && t.getFill() instanceof Color fill && fill.getOpacity() > 0 && onScreen(scene, t)) {
            Color bg = backgroundOf(scene, t);
            Color seenFill = fill.getOpacity() < 1 ? ColourMaths.over(fill, bg) : fill;
            out.add(new Seen(t.getText().strip(), path(t), seenFill, bg, ColourMaths.contrast(seenFill, bg),
                    required(t)));
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(scene, c, evenDisabled, out);
            }
        }
    }

    private static double required(Text t) {
        if (t instanceof FontIcon) {
            return 3;
        }
        Font f = t.getFont();
        boolean bold = f.getStyle().toLowerCase(Locale.ROOT).contains("bold");
        boolean large = f.getSize() >= 24 || bold && f.getSize() >= 18.66;
        return large ? 3 : 4.5;
    }

    private static boolean onScreen(Scene scene, Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return b.getWidth() > 0 && b.getHeight() > 0 && b.getMaxX() > 0 && b.getMaxY() > 0
                && b.getMinX() < scene.getWidth() && b.getMinY() < scene.getHeight();
    }

    /** The colour behind {@code n}: translucent fills up its ancestors blended over the first opaque one. */
    static Color backgroundOf(Scene scene, Node n) {
        List<Color> translucent = new ArrayList<>();
        Color base = null;
        for (Parent p = n.getParent(); p != null && base == null; p = p.getParent()) {
            if (p instanceof Region r && r.getBackground() != null && !r.getBackground().getFills().isEmpty()) {
                List<BackgroundFill> fills = r.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    Paint paint = fills.get(i).getFill();
                    if (paint instanceof Color c && c.getOpacity() > 0) {
                        if (c.getOpacity() >= 1) {
                            base = c;
                            break;
                        }
                        translucent.add(c);
                    }
                }
            }
        }
        if (base == null) {
            base = scene.getFill() instanceof Color c && c.getOpacity() > 0 ? c : Color.WHITE;
        }
        for (int i = translucent.size() - 1; i >= 0; i--) {
            base = ColourMaths.over(translucent.get(i), base);
        }
        return base;
    }

    private static String path(Node n) {
        StringBuilder s = new StringBuilder();
        int depth = 0;
        for (Node p = n; p != null && depth < 4; p = p.getParent(), depth++) {
            String name = p.getId() != null ? "#" + p.getId()
                    : p.getStyleClass().isEmpty() ? p.getClass().getSimpleName() : "." + p.getStyleClass().get(0);
            s.insert(0, depth == 0 ? name : name + " > ");
        }
        return s.toString();
    }
}
