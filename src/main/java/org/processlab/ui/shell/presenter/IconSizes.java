package org.processlab.ui.shell.presenter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The icons' sizes at a scale, as a stylesheet the window puts after its own. An icon's size cannot be given in em
 * (an Ikonli icon's own font is set from its size, so an em size grew on every CSS pass), so it is given in px, made
 * again for each scale: the icons of every room (16 px at the default scale), the brand's (22 px), the error
 * banner's (26 px) and the lesson list's and page's (18 px), each times the scale.
 *
 * <p>Pure; any thread.
 */
public final class IconSizes {
    private IconSizes() {
    }

    /** The rules for {@code factor} times the default sizes, as CSS text. */
    public static String css(double factor) {
        return rule(".shell .ikonli-font-icon", 16, factor)
                + rule(".shell .app-header .brand .ikonli-font-icon", 22, factor)
                + rule(".shell .error-banner .error-banner-icon", 26, factor)
                + rule(".shell .lesson-list .lesson-done-icon, .shell .lesson-list .lesson-opened-icon, "
                        + ".shell .lesson-list .lesson-error-icon, .shell .lesson-after-run-folded .ikonli-font-icon, "
                        + ".shell .md-code-block .md-code-wide .ikonli-font-icon", 18, factor);
    }

    /** The rules as a {@code data:} URI, for a node's stylesheets. */
    public static String stylesheet(double factor) {
        return "data:text/css;base64,"
                + Base64.getEncoder().encodeToString(css(factor).getBytes(StandardCharsets.UTF_8));
    }

    private static String rule(String selector, double px, double factor) {
        return String.format(Locale.ROOT, "%s { -fx-icon-size: %dpx; }%n", selector, Math.round(px * factor));
    }
}
