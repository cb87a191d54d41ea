package org.processlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapeCodesTest {
    @Test
    void textWithoutEscapesIsTheSameString() {
        String plain = "no colours here";
        assertThat(EscapeCodes.strip(plain)).isSameAs(plain);
    }

    @Test
    void colourCodesGoAndTheTextStays() {
        assertThat(EscapeCodes.strip("\u001b[31mERROR\u001b[0m: \u001b[1;38;5;208mdisk\u001b[m full"))
                .isEqualTo("ERROR: disk full");
    }

    @Test
    void windowTitlesAndLinksGoWhicheverWayTheyEnd() {
        assertThat(EscapeCodes.strip("\u001b]0;title\u0007a\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\b"))
                .isEqualTo("alinkb");
    }

    @Test
    void otherEscapesAndOnesCutShortGo() {
        assertThat(EscapeCodes.strip("\u001b7saved\u001b8 \u001b[?25lhidden cursor\u001b[")).isEqualTo("saved hidden cursor");
        assertThat(EscapeCodes.strip("end\u001b")).isEqualTo("end");
    }

    @Test
    void aWindowDrawsNoBellAndNoTextTurnedAround() {
        String plain = "tab\tstays, é and 日本 too";
        assertThat(EscapeCodes.forWindow(plain)).isSameAs(plain);
        assertThat(EscapeCodes.forWindow("ding\u0007 back\bspace del\u007f")).isEqualTo("ding backspace del");
        assertThat(EscapeCodes.forWindow("RTL \u202Ekcirt\u202C and \u2067isolate\u2069"))
                .as("no override or isolate turns the row around").isEqualTo("RTL kcirt and isolate");
        assertThat(EscapeCodes.forWindow("\u001b[31mred\u001b[0m\u0007")).isEqualTo("red");
    }
}
