package org.processlab.ui.timeline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A {@link DrawingSurface} that writes an SVG 1.1 picture (a vector file a slide tool opens and edits) with the JDK's
 * {@link XMLStreamWriter}, one element per drawing call: {@code <rect>}, {@code <line>}, {@code <polygon>} and one
 * {@code <text>} per text (so a lane's name and its PID are each a text a person can edit). The pen's state is
 * written on each element as attributes: colours as {@code #rrggbb} with their opacity (times {@link #setAlpha}) in
 * {@code fill-opacity} / {@code stroke-opacity}, the line width, {@code stroke-dasharray}; text with its font's
 * family, size (px), weight and style, its alignment as {@code text-anchor}, its baseline at the given y (SVG's own
 * default). A {@link #clipRect clip} is a {@code <clipPath>} and a group drawn through it, closed by the matching
 * {@link #restore()}. Lengths are written to a hundredth of a pixel; whitespace in texts is kept
 * ({@code xml:space="preserve"}).
 *
 * <p>Use: make it (the document and its {@code <svg>} element are begun), draw, then {@link #finish()} (which ends
 * the document and flushes; the stream is not closed). An error of the stream while drawing is thrown as an
 * {@link UncheckedIOException} from the drawing call.
 *
 * <p>Threading: one thread at a time; text is measured as JavaFX lays it out ({@link #textWidth}), so that labels fit
 * as on the window's canvas: the FX thread, as every timeline surface.
 */
public final class SvgSurface implements DrawingSurface {
    /** SVG's namespace. */
    public static final String NAMESPACE = "http://www.w3.org/2000/svg";

    private final XMLStreamWriter xml;
    private final double width;
    private final double height;
    private final Text measure = new Text();
    private Color fill;
    private Color stroke;
    private double lineWidth = 1;
    /** The dash pattern, px; {@code dashOn} 0 for solid lines. */
    private double dashOn;
    private double dashOff;
    private double alpha = 1;
    private Font font = Font.getDefault();
    private TextAlignment align = TextAlignment.LEFT;
    /** Groups opened by clips since the last {@link #save()} (or since the start). */
    private int openGroups;
    private int clips;
    private final Deque<Kept> saved = new ArrayDeque<>();

    /** What {@link #save()} keeps. */
    private record Kept(Color fill, Color stroke, double lineWidth, double dashOn, double dashOff, double alpha,
                        Font font, TextAlignment align, int openGroups) {
    }

    /**
     * Begins an SVG document of {@code width} × {@code height} px on {@code out} (UTF-8), with {@code title} (or
     * none when null) as its title.
     *
     * @throws IOException when the stream cannot be written
     */
    public SvgSurface(OutputStream out, double width, double height, String title) throws IOException {
        this.width = width;
        this.height = height;
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("svg");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("version", "1.1");
            xml.writeAttribute("width", num(width));
            xml.writeAttribute("height", num(height));
            xml.writeAttribute("viewBox", "0 0 " + num(width) + " " + num(height));
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "space", "preserve");
            xml.writeCharacters("\n");
            if (title != null) {
                xml.writeStartElement("title");
                xml.writeCharacters(title);
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Closes the groups still open, ends the document and flushes it (the stream stays open).
     *
     * @throws IOException when the stream cannot be written
     */
    public void finish() throws IOException {
        try {
            while (!saved.isEmpty()) {
                restore();
            }
            for (; openGroups > 0; openGroups--) {
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    @Override
    public void setFill(Color color) {
        fill = color;
    }

    @Override
    public void setStroke(Color color) {
        stroke = color;
    }

    @Override
    public void setLineWidth(double px) {
        lineWidth = px;
    }

    @Override
    public void setLineDashes(double on, double off) {
        dashOn = on;
        dashOff = off;
    }

    @Override
    public void setSolidLines() {
        dashOn = 0;
        dashOff = 0;
    }

    @Override
    public void setAlpha(double a) {
        alpha = a;
    }

    @Override
    public double alpha() {
        return alpha;
    }

    @Override
    public void setFont(Font f) {
        font = f;
    }

    @Override
    public void setTextAlign(TextAlignment a) {
        align = a;
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        if (fill != null) {
            rect(x, y, w, h, 0, true);
        }
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        if (stroke != null) {
            rect(x, y, w, h, 0, false);
        }
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc) {
        if (fill != null) {
            rect(x, y, w, h, arc, true);
        }
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        if (stroke != null) {
            rect(x, y, w, h, arc, false);
        }
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        if (stroke == null) {
            return;
        }
        try {
            xml.writeEmptyElement("line");
            xml.writeAttribute("x1", num(x0));
            xml.writeAttribute("y1", num(y0));
            xml.writeAttribute("x2", num(x1));
            xml.writeAttribute("y2", num(y1));
            strokeAttributes();
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        if (fill == null) {
            return;
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                points.append(' ');
            }
            points.append(num(xs[i])).append(',').append(num(ys[i]));
        }
        try {
            xml.writeEmptyElement("polygon");
            xml.writeAttribute("points", points.toString());
            fillAttributes();
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    @Override
    public void fillText(String text, double x, double y) {
        if (fill == null) {
            return;
        }
        try {
            xml.writeStartElement("text");
            xml.writeAttribute("x", num(x));
            xml.writeAttribute("y", num(y));
            xml.writeAttribute("font-family", family(font));
            xml.writeAttribute("font-size", num(font.getSize()));
            String style = font.getStyle().toLowerCase(java.util.Locale.ROOT);
            if (style.contains("bold")) {
                xml.writeAttribute("font-weight", "bold");
            }
            if (style.contains("italic") || style.contains("oblique")) {
                xml.writeAttribute("font-style", "italic");
            }
            if (align == TextAlignment.CENTER) {
                xml.writeAttribute("text-anchor", "middle");
            } else if (align == TextAlignment.RIGHT) {
                xml.writeAttribute("text-anchor", "end");
            }
            fillAttributes();
            xml.writeCharacters(text);
            xml.writeEndElement();
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    @Override
    public double textWidth(String text, Font f) {
        measure.setFont(f);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    @Override
    public void save() {
        saved.push(new Kept(fill, stroke, lineWidth, dashOn, dashOff, alpha, font, align, openGroups));
        openGroups = 0;
    }

    @Override
    public void restore() {
        try {
            for (; openGroups > 0; openGroups--) {
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        Kept k = saved.pop();
        fill = k.fill();
        stroke = k.stroke();
        lineWidth = k.lineWidth();
        dashOn = k.dashOn();
        dashOff = k.dashOff();
        alpha = k.alpha();
        font = k.font();
        align = k.align();
        openGroups = k.openGroups();
    }

    @Override
    public void clipRect(double x, double y, double w, double h) {
        String id = "clip" + ++clips;
        try {
            xml.writeStartElement("clipPath");
            xml.writeAttribute("id", id);
            xml.writeEmptyElement("rect");
            xml.writeAttribute("x", num(x));
            xml.writeAttribute("y", num(y));
            xml.writeAttribute("width", num(Math.max(0, w)));
            xml.writeAttribute("height", num(Math.max(0, h)));
            xml.writeEndElement();
            xml.writeCharacters("\n");
            // a group drawn through the clip, closed by the matching restore()
            xml.writeStartElement("g");
            xml.writeAttribute("clip-path", "url(#" + id + ")");
            xml.writeCharacters("\n");
            openGroups++;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private void rect(double x, double y, double w, double h, double arc, boolean filled) {
        try {
            xml.writeEmptyElement("rect");
            xml.writeAttribute("x", num(x));
            xml.writeAttribute("y", num(y));
            // SVG draws no rectangle of a negative size (a canvas draws none either)
            xml.writeAttribute("width", num(Math.max(0, w)));
            xml.writeAttribute("height", num(Math.max(0, h)));
            if (arc > 0) {
                xml.writeAttribute("rx", num(arc / 2));
            }
            if (filled) {
                fillAttributes();
            } else {
                xml.writeAttribute("fill", "none");
                strokeAttributes();
            }
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private void fillAttributes() throws XMLStreamException {
        xml.writeAttribute("fill", hex(fill));
        double o = alpha * fill.getOpacity();
        if (o < 1) {
            xml.writeAttribute("fill-opacity", num3(o));
        }
    }

    private void strokeAttributes() throws XMLStreamException {
        xml.writeAttribute("stroke", hex(stroke));
        if (lineWidth != 1) {
            xml.writeAttribute("stroke-width", num(lineWidth));
        }
        if (dashOn > 0) {
            xml.writeAttribute("stroke-dasharray", num(dashOn) + " " + num(dashOff));
        }
        double o = alpha * stroke.getOpacity();
        if (o < 1) {
            xml.writeAttribute("stroke-opacity", num3(o));
        }
    }

    private static UncheckedIOException failed(XMLStreamException e) {
        return new UncheckedIOException(new IOException(e.getMessage(), e));
    }

    /**
     * The font's family for SVG, with a generic family after it: JavaFX's logical "System" font is the platform's
     * interface font, which SVG calls {@code system-ui}.
     */
    static String family(Font f) {
        String name = f.getFamily();
        if (name == null || name.isBlank() || name.equalsIgnoreCase("System")) {
            return "system-ui, sans-serif";
        }
        String generic = name.toLowerCase(java.util.Locale.ROOT).contains("mono") ? "monospace" : "sans-serif";
        return "'" + name.replace("'", "") + "', " + generic;
    }

    /** {@code #rrggbb} (the opacity is written apart). */
    static String hex(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", channel(c.getRed()), channel(c.getGreen()),
                channel(c.getBlue()));
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    /** A length to a hundredth of a pixel, without trailing zeros: {@code 12}, {@code 12.5}, {@code -0.25}. */
    static String num(double v) {
        return decimals(v, 100);
    }

    /** An opacity to a thousandth. */
    private static String num3(double v) {
        return decimals(v, 1000);
    }

    private static String decimals(double v, int per) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long r = Math.round(v * per);
        if (r % per == 0) {
            return Long.toString(r / per);
        }
        String sign = r < 0 ? "-" : "";
        long a = Math.abs(r);
        String frac = Long.toString(a % per);
        while (frac.length() < Long.toString(per).length() - 1) {
            frac = "0" + frac;
        }
        while (frac.endsWith("0")) {
            frac = frac.substring(0, frac.length() - 1);
        }
        return sign + a / per + "." + frac;
    }
}
