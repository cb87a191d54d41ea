package org.processlab.ui.theme;

import javafx.scene.paint.Color;

/**
 * The colour arithmetic the theme tests hold the window to, each from its published definition:
 * <ul>
 *   <li>WCAG 2.x relative luminance and contrast ratio: W3C, <i>Web Content Accessibility Guidelines 2.2</i>,
 *       definitions "relative luminance" and "contrast ratio" (w3.org/TR/WCAG22/#dfn-relative-luminance): sRGB
 *       channels linearised (≤ 0.04045: c / 12.92, else ((c + 0.055) / 1.055)^2.4), L = 0.2126 R + 0.7152 G +
 *       0.0722 B, ratio (L1 + 0.05) / (L2 + 0.05) with L1 the lighter.</li>
 *   <li>Colour-vision deficiency: Machado, Oliveira &amp; Fernandes, "A Physiologically-based Model for Simulation of
 *       Color Vision Deficiency", IEEE TVCG 15(6), 2009: their 3×3 matrices at severity 1.0 (protanopia,
 *       deuteranopia, tritanopia), applied to linear sRGB and clamped to [0, 1].</li>
 *   <li>CIELAB (D65, from sRGB) and the CIEDE2000 colour difference ΔE00 (CIE 142-2001), as written out by Sharma,
 *       Wu &amp; Dalal, "The CIEDE2000 Color-Difference Formula: Implementation Notes…", Color Res. Appl. 30(1),
 *       2005, with k_L = k_C = k_H = 1. A ΔE00 of about 1 is the smallest difference seen side by side; 10 or more
 *       is a plainly different colour.</li>
 * </ul>
 * Alpha is ignored (callers composite first: {@link #over}). Pure functions; any thread.
 */
public final class ColourMaths {
    /** How a viewer sees: normally, or with one of the three dichromacies (Machado et al. 2009, severity 1.0). */
    public enum Vision {
        NORMAL(null),
        PROTANOPIA(new double[] {0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116,
                1.051998}),
        DEUTERANOPIA(new double[] {0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940,
                0.968881}),
        TRITANOPIA(new double[] {1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367,
                0.303900});

        private final double[] m;

        Vision(double[] m) {
            this.m = m;
        }

        /** Linear sRGB as this viewer sees it. */
        double[] see(double[] lin) {
            if (m == null) {
                return lin;
            }
            double[] o = new double[3];
            for (int i = 0; i < 3; i++) {
                o[i] = clamp(m[3 * i] * lin[0] + m[3 * i + 1] * lin[1] + m[3 * i + 2] * lin[2]);
            }
            return o;
        }
    }

    private ColourMaths() {
    }

    /** WCAG 2.x relative luminance of {@code c} (0 black to 1 white). */
    public static double luminance(Color c) {
        double[] l = linear(c);
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }

    /** WCAG 2.x contrast ratio of two colours, 1 to 21. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** {@code top} painted over the opaque {@code below} with {@code top}'s opacity (sRGB, as a canvas blends). */
    public static Color over(Color top, Color below) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + below.getRed() * (1 - a), top.getGreen() * a + below.getGreen() * (1 - a),
                top.getBlue() * a + below.getBlue() * (1 - a));
    }

    /** CIEDE2000 difference between {@code a} and {@code b} as a viewer with {@code v} sees them. */
    public static double deltaE2000(Color a, Color b, Vision v) {
        return deltaE2000(lab(v.see(linear(a))), lab(v.see(linear(b))));
    }

    /** CIELAB (D65) of linear sRGB. */
    static double[] lab(double[] l) {
        double x = f((0.4124 * l[0] + 0.3576 * l[1] + 0.1805 * l[2]) / 0.95047);
        double y = f(0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]);
        double z = f((0.0193 * l[0] + 0.1192 * l[1] + 0.9505 * l[2]) / 1.08883);
        return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
    }

    /** CIEDE2000 between two CIELAB colours (Sharma et al. 2005, equations 1–22). */
    static double deltaE2000(double[] lab1, double[] lab2) {
        double c1 = Math.hypot(lab1[1], lab1[2]);
        double c2 = Math.hypot(lab2[1], lab2[2]);
        double cBar7 = Math.pow((c1 + c2) / 2, 7);
        double g = 0.5 * (1 - Math.sqrt(cBar7 / (cBar7 + Math.pow(25, 7))));
        double a1 = (1 + g) * lab1[1];
        double a2 = (1 + g) * lab2[1];
        double c1p = Math.hypot(a1, lab1[2]);
        double c2p = Math.hypot(a2, lab2[2]);
        double h1p = c1p == 0 ? 0 : (Math.toDegrees(Math.atan2(lab1[2], a1)) + 360) % 360;
        double h2p = c2p == 0 ? 0 : (Math.toDegrees(Math.atan2(lab2[2], a2)) + 360) % 360;
        double dL = lab2[0] - lab1[0];
        double dC = c2p - c1p;
        double dh = 0;
        if (c1p * c2p != 0) {
            dh = h2p - h1p;
            if (dh > 180) {
                dh -= 360;
            } else if (dh < -180) {
                dh += 360;
            }
        }
        double dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dh / 2));
        double lBar = (lab1[0] + lab2[0]) / 2;
        double cBarP = (c1p + c2p) / 2;
        double hBar;
        if (c1p * c2p == 0) {
            hBar = h1p + h2p;
        } else if (Math.abs(h1p - h2p) <= 180) {
            hBar = (h1p + h2p) / 2;
        } else {
            hBar = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
        }
        double t = 1 - 0.17 * cos(hBar - 30) + 0.24 * cos(2 * hBar) + 0.32 * cos(3 * hBar + 6) - 0.20 * cos(4 * hBar - 63);
        double dTheta = 30 * Math.exp(-Math.pow((hBar - 275) / 25, 2));
        double cBarP7 = Math.pow(cBarP, 7);
        double rc = 2 * Math.sqrt(cBarP7 / (cBarP7 + Math.pow(25, 7)));
        double sl = 1 + 0.015 * Math.pow(lBar - 50, 2) / Math.sqrt(20 + Math.pow(lBar - 50, 2));
        double sc = 1 + 0.045 * cBarP;
        double sh = 1 + 0.015 * cBarP * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        double l = dL / sl;
        double c = dC / sc;
        double h = dH / sh;
        return Math.sqrt(l * l + c * c + h * h + rt * c * h);
    }

    /** {@code c} as {@code #rrggbb}. */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static double[] linear(Color c) {
        return new double[] {lin(c.getRed()), lin(c.getGreen()), lin(c.getBlue())};
    }

    private static double lin(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116.0;
    }

    private static double cos(double degrees) {
        return Math.cos(Math.toRadians(degrees));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
