package org.processlab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.processlab.ui.timeline.TimelineFixture.fx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every drawing call has its SVG element, with the pen's state as attributes, and the document is XML a parser
 * reads back: fills and strokes, dashes, opacity times the colour's own, text with its font and alignment, clips as
 * groups closed by restore, and nothing drawn with no colour.
 */
class SvgSurfaceTest {

    @BeforeAll
    static void toolkit() throws Exception {
        TimelineFixture.toolkit();
    }

    @Test
    void eachCallIsOneElementWithThePensState() throws Exception {
        Document d = draw(s -> {
            s.setFill(Color.web("#336699"));
            s.fillRect(1, 2, 30.5, 4.256);
            s.setStroke(Color.RED);
            s.setLineWidth(2);
            s.setLineDashes(4, 3);
            s.strokeLine(0, 0, 10, 0.5);
            s.setSolidLines();
            s.setAlpha(0.5);
            s.strokeRoundRect(5, 5, 20, 10, 8);
            s.fillPolygon(new double[] {0, 10, 5, 99}, new double[] {0, 0, 8, 99}, 3);
            s.setAlpha(1);
            s.setFill(null);
            s.fillRect(0, 0, 100, 100);
            s.setStroke(null);
            s.strokeRect(0, 0, 100, 100);
        });
        Element rect = only(d, "rect", 0);
        assertThat(rect.getAttribute("x")).isEqualTo("1");
        assertThat(rect.getAttribute("width")).isEqualTo("30.5");
        assertThat(rect.getAttribute("height")).isEqualTo("4.26");
        assertThat(rect.getAttribute("fill")).isEqualTo("#336699");
        assertThat(rect.hasAttribute("fill-opacity")).isFalse();
        Element line = only(d, "line", 0);
        assertThat(line.getAttribute("stroke")).isEqualTo("#ff0000");
        assertThat(line.getAttribute("stroke-width")).isEqualTo("2");
        assertThat(line.getAttribute("stroke-dasharray")).isEqualTo("4 3");
        assertThat(line.getAttribute("y2")).isEqualTo("0.5");
        Element round = only(d, "rect", 1);
        assertThat(round.getAttribute("rx")).as("half the arc's diameter").isEqualTo("4");
        assertThat(round.getAttribute("fill")).isEqualTo("none");
        assertThat(round.getAttribute("stroke-opacity")).isEqualTo("0.5");
        assertThat(round.hasAttribute("stroke-dasharray")).as("solid again").isFalse();
        Element polygon = only(d, "polygon", 0);
        assertThat(polygon.getAttribute("points")).as("the first n points").isEqualTo("0,0 10,0 5,8");
        assertThat(polygon.getAttribute("fill-opacity")).isEqualTo("0.5");
        assertThat(d.getElementsByTagNameNS(SvgSurface.NAMESPACE, "rect").getLength())
                .as("nothing drawn with no colour").isEqualTo(2);
    }

    @Test
    void textIsOneElementWithItsFontAlignmentAndWhitespace() throws Exception {
        Font bold = Font.font("System", FontWeight.BOLD, 15);
        Document d = draw(s -> {
            s.setFill(Color.web("#112233", 0.5));
            s.setFont(bold);
            s.fillText("p1  (Process-1) <&>", 10, 20);
            s.setTextAlign(TextAlignment.CENTER);
            s.fillText("1.5 s", 50, 20);
            s.setTextAlign(TextAlignment.RIGHT);
            s.fillText("seconds since Run", 99, 20);
        });
        NodeList texts = d.getElementsByTagNameNS(SvgSurface.NAMESPACE, "text");
        assertThat(texts.getLength()).isEqualTo(3);
        Element name = (Element) texts.item(0);
        assertThat(name.getTextContent()).isEqualTo("p1  (Process-1) <&>");
        assertThat(name.getAttribute("y")).as("the baseline as given").isEqualTo("20");
        assertThat(name.getAttribute("font-size")).isEqualTo("15");
        assertThat(name.getAttribute("font-weight")).isEqualTo("bold");
        assertThat(name.getAttribute("font-family")).endsWith("sans-serif");
        assertThat(name.getAttribute("fill-opacity")).as("the colour's own opacity").isEqualTo("0.5");
        assertThat(name.hasAttribute("text-anchor")).isFalse();
        assertThat(((Element) texts.item(1)).getAttribute("text-anchor")).isEqualTo("middle");
        assertThat(((Element) texts.item(2)).getAttribute("text-anchor")).isEqualTo("end");
        assertThat(d.getDocumentElement().getAttributeNS("http://www.w3.org/XML/1998/namespace", "space"))
                .as("two spaces stay two").isEqualTo("preserve");
    }

    @Test
    void aClipIsAGroupClosedByTheMatchingRestoreAndTheStateComesBack() throws Exception {
        Document d = draw(s -> {
            s.setFill(Color.BLUE);
            s.save();
            s.clipRect(0, 0, 50, 50);
            s.setFill(Color.RED);
            s.save();
            s.clipRect(10, 10, 5, 5);
            s.fillRect(0, 0, 100, 100);
            s.restore();
            s.fillRect(1, 1, 2, 2);
            s.restore();
            s.fillRect(3, 3, 4, 4);
            s.save();
            s.clipRect(0, 0, 1, 1);
        });
        NodeList groups = d.getElementsByTagNameNS(SvgSurface.NAMESPACE, "g");
        assertThat(groups.getLength()).as("a group per clip; the last closed by finish()").isEqualTo(3);
        Element outer = (Element) groups.item(0);
        Element inner = (Element) groups.item(1);
        assertThat(inner.getParentNode()).isSameAs(outer);
        assertThat(outer.getAttribute("clip-path")).isEqualTo("url(#clip1)");
        assertThat(inner.getAttribute("clip-path")).isEqualTo("url(#clip2)");
        assertThat(((Element) d.getElementsByTagNameNS(SvgSurface.NAMESPACE, "clipPath").item(1)).getAttribute("id"))
                .isEqualTo("clip2");
        Element first = only(d, "rect", 2);
        assertThat(first.getParentNode()).as("drawn in the inner clip").isSameAs(inner);
        Element second = only(d, "rect", 3);
        assertThat(second.getParentNode()).as("after the inner restore").isSameAs(outer);
        assertThat(second.getAttribute("fill")).isEqualTo("#ff0000");
        Element third = only(d, "rect", 4);
        assertThat(third.getParentNode()).as("after both restores").isSameAs(d.getDocumentElement());
        assertThat(third.getAttribute("fill")).as("the colour before the save").isEqualTo("#0000ff");
    }

    @Test
    void theDocumentSaysItsSizeAndTitleAndTextWidthIsJavaFxs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        double[] widths = fx(() -> {
            SvgSurface s = new SvgSurface(out, 640.5, 480, "Timeline of 02 — Many processes");
            Font f = Font.font("System", 15);
            double w = s.textWidth("MainProcess", f);
            javafx.scene.text.Text t = new javafx.scene.text.Text("MainProcess");
            t.setFont(f);
            s.finish();
            return new double[] {w, t.getLayoutBounds().getWidth()};
        });
        assertThat(widths[0]).isPositive().isEqualTo(widths[1]);
        Document d = parse(out.toByteArray());
        Element svg = d.getDocumentElement();
        assertThat(svg.getLocalName()).isEqualTo("svg");
        assertThat(svg.getNamespaceURI()).isEqualTo(SvgSurface.NAMESPACE);
        assertThat(svg.getAttribute("width")).isEqualTo("640.5");
        assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 640.5 480");
        assertThat(d.getElementsByTagNameNS(SvgSurface.NAMESPACE, "title").item(0).getTextContent())
                .isEqualTo("Timeline of 02 — Many processes");
    }

    @Test
    void aStreamThatFailsFailsTheDrawingCall() throws Exception {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        Throwable thrown = fx(() -> {
            try {
                SvgSurface s = new SvgSurface(broken, 10, 10, null);
                s.setFill(Color.RED);
                for (int i = 0; i < 100_000; i++) {
                    s.fillRect(0, 0, 1, 1);
                }
                s.finish();
                return null;
            } catch (IOException | UncheckedIOException e) {
                return e;
            }
        });
        assertThat(thrown).isNotNull();
        assertThatThrownBy(() -> {
            throw thrown;
        }).hasMessageContaining("disk full");
    }

    private interface Drawing {
        void draw(SvgSurface s);
    }

    private static Document draw(Drawing drawing) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fx(() -> {
            SvgSurface s = new SvgSurface(out, 100, 100, null);
            drawing.draw(s);
            s.finish();
            return null;
        });
        return parse(out.toByteArray());
    }

    /** Parses an SVG with the JDK's DOM parser (namespace-aware); fails on XML that is not well-formed. */
    static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        assertThat(new String(svg, StandardCharsets.UTF_8)).startsWith("<?xml");
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    private static Element only(Document d, String tag, int i) {
        return (Element) d.getElementsByTagNameNS(SvgSurface.NAMESPACE, tag).item(i);
    }
}
