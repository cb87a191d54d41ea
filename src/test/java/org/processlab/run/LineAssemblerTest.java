package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineAssemblerTest {
    private final List<String> lines = new ArrayList<>();
    /** What each hand-over told of the unfinished line: its kept text and whole length ("|0": none). */
    private final List<String> told = new ArrayList<>();
    private final LineAssembler a = new LineAssembler((t, batch) -> {
        for (int i = 0; i < batch.size(); i++) {
            lines.add(batch.text(i));
        }
        if (batch.tellsUnfinished()) {
            told.add(new String(batch.unfinishedArray() == null ? new byte[0] : batch.unfinishedArray(),
                    batch.unfinishedOffset(), batch.unfinishedLength(), StandardCharsets.UTF_8) + "|" + batch.unfinishedBytes());
        }
    });

    private void feed(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        a.feed(0, b, 0, b.length);
    }

    @Test
    void lfAndCrlfEachEndOneLineAndALoneCrOverwritesItsLine() {
        feed("a\nb\r\nc\rd\n");
        assertThat(lines).containsExactly("a", "b", "d");
    }

    @Test
    void aProgressBarIsOneLineWithWhatATerminalShowsAtItsEnd() {
        feed("\r0%");
        feed("\r50%");
        feed("\r100%\n");
        assertThat(lines).containsExactly("100%");
    }

    @Test
    void theOldTextBeyondTheNewStaysAsOnATerminal() {
        feed("Downloading 10%\rDone\n");
        assertThat(lines).containsExactly("Doneloading 10%");
    }

    @Test
    void aCrAtTheEndOfAChunkReturnsAndTheNextChunkOverwrites() {
        feed("1/3\r");
        feed("2/3\r");
        feed("3/3\r");
        feed("\n");
        assertThat(lines).containsExactly("3/3");
        assertThat(told).containsExactly("1/3|3", "2/3|3", "3/3|3", "|0");
    }

    @Test
    void eachCharacterIsOneColumnAndACharacterCutBetweenChunksWaitsForItsEnd() {
        feed("\u2588\u2588\u2588\u2591 75%\r");
        byte[] bar = "\u2588\u2588\u2588\u2588".getBytes(StandardCharsets.UTF_8);
        a.feed(0, bar, 0, 5);
        assertThat(told).as("no U+FFFD for half a character: the old one shows until the new is whole").last()
                .isEqualTo("\u2588\u2588\u2588\u2591 75%|16");
        a.feed(0, bar, 5, bar.length - 5);
        feed(" 100%\n");
        assertThat(lines).containsExactly("\u2588\u2588\u2588\u2588 100%");
    }

    @Test
    void escapeSequencesTakeNoColumnAndEraseInLineErases() {
        feed("\u001b[32m 10%\u001b[0m waiting\r\u001b[2K\u001b[32m100%\u001b[0m\n");
        feed("abcdef\r\u001b]0;title\u0007xy\u001b[K\n");
        assertThat(lines).containsExactly("100%", "xy");
    }

    @Test
    void aBackspaceStepsBackOneColumnInARewrittenLine() {
        feed("x\r-\b\\\b|\n");
        assertThat(lines).containsExactly("|");
    }

    @Test
    void theEndFinishesARewrittenLine() {
        feed("50%");
        feed("\r60");
        a.finish(0);
        assertThat(lines).containsExactly("60%");
        assertThat(told).containsExactly("50%|3", "60%|3", "|0");
    }

    @Test
    void ordinaryLinesAfterARewrittenOneAreSlicesAgain() {
        feed("9%\r10%\nplain\n");
        assertThat(lines).containsExactly("10%", "plain");
    }

    @Test
    void crlfSplitAcrossChunksCountsOnce() {
        feed("a\r");
        feed("\nb\n");
        assertThat(lines).containsExactly("a", "b");
    }

    @Test
    void partialLinesJoinAcrossChunksAndTheLastOneIsKeptAtTheEnd() {
        feed("hel");
        feed("lo\nwor");
        a.finish(0);
        assertThat(lines).containsExactly("hello", "wor");
    }

    @Test
    void emptyLinesAreLines() {
        feed("\n\n");
        assertThat(lines).containsExactly("", "");
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        byte[] b = {'G', 'r', (byte) 0xC3, (byte) 0xB6, 'x', (byte) 0xFF, '\n'};
        a.feed(0, b, 0, b.length);
        assertThat(lines).containsExactly("Gröx\uFFFD");
    }

    @Test
    void overLongLineStaysOneLineWithItsHeadKeptAndItsSizeSaid() {
        int total = LineAssembler.MAX_LINE_BYTES * 2 + 10;
        byte[] b = new byte[total];
        java.util.Arrays.fill(b, (byte) 'x');
        a.feed(0, b, 0, 1000);
        a.feed(0, b, 1000, total - 1000);
        feed("\nnext\n");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("xxxx").endsWith("[line too long: " + total + " bytes, first "
                + LineAssembler.MAX_LINE_BYTES + " shown]");
        assertThat(lines.get(1)).isEqualTo("next");
    }

    @Test
    void truncationDoesNotCutAMultibyteCharacter() {
        int n = LineAssembler.MAX_LINE_BYTES - 1;
        byte[] head = new byte[n];
        java.util.Arrays.fill(head, (byte) 'x');
        a.feed(0, head, 0, n);
        feed("\u2713\u2713\n");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).doesNotContain("\uFFFD").contains("line too long");
    }

    @Test
    void aPromptIsToldAtOnceAndItsLineCountsOnceWhenFinished() {
        feed("number? ");
        assertThat(lines).isEmpty();
        assertThat(told).containsExactly("number? |8");
        feed("49\n");
        assertThat(lines).containsExactly("number? 49");
        assertThat(told).as("finished: no unfinished line any more").containsExactly("number? |8", "|0");
        feed("next\n");
        assertThat(told).as("whole lines tell nothing: the flood's path stays as it was").hasSize(2);
    }

    @Test
    void anUnfinishedLineGrowsChunkByChunk() {
        feed("Working");
        feed(".");
        feed(".");
        assertThat(told).containsExactly("Working|7", "Working.|8", "Working..|9");
        assertThat(lines).isEmpty();
    }

    @Test
    void aCrRewritesTheUnfinishedLineAndACrlfFinishesIt() {
        feed("50%");
        feed("\r60%");
        assertThat(lines).as("a lone CR ends no line").isEmpty();
        assertThat(told).containsExactly("50%|3", "60%|3");
        feed("\r");
        feed("\n");
        assertThat(lines).as("the CRLF split across chunks ends one line").containsExactly("60%");
        assertThat(told).containsExactly("50%|3", "60%|3", "60%|3", "|0");
    }

    @Test
    void theEndFinishesTheUnfinishedLineAndSaysSo() {
        feed("bye");
        a.finish(0);
        assertThat(lines).containsExactly("bye");
        assertThat(told).containsExactly("bye|3", "|0");
    }

    @Test
    void anOverLongUnfinishedLineIsToldWithItsWholeLength() {
        byte[] b = new byte[LineAssembler.MAX_LINE_BYTES + 5];
        java.util.Arrays.fill(b, (byte) 'x');
        a.feed(0, b, 0, b.length);
        assertThat(lines).isEmpty();
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).endsWith("|" + b.length).hasSize(LineAssembler.MAX_LINE_BYTES + 1 + Integer.toString(b.length).length());
    }
}
