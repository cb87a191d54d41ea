package org.processlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A lesson page's shape is bounded before it is parsed (a line opening many lists at once, a paragraph of emphasis
 * marks) and after (nesting, parts, blocks), and every real lesson is far inside the bounds.
 */
class PageBoundsTest {
    @Test
    void everyBuiltInLessonIsInsideTheBounds() throws IOException {
        Path lessons = Path.of(System.getProperty("processlab.repo", ".")).resolve("lessons");
        List<Path> pages;
        try (var s = Files.list(lessons)) {
            pages = s.map(d -> d.resolve("lesson.md")).filter(Files::isRegularFile).toList();
        }
        assertThat(pages).hasSizeGreaterThan(10);
        for (Path p : pages) {
            assertThat(PageBounds.check(Files.readString(p), 1)).as("%s", p).isNull();
        }
    }

    @Test
    void aLineOpeningOneHundredThousandListsIsRefusedBeforeItIsParsed() {
        long t0 = System.nanoTime();
        assertThat(PageBounds.check("# Deep\n\n" + "- ".repeat(100_000) + "x\n", 10))
                .isEqualTo("line 12: the page nests lists 100000 deep; ProcessLab shows at most 16 levels of lists and quotes");
        assertThat((System.nanoTime() - t0) / 1e9).as("the parser alone takes minutes over it").isLessThan(5);
        assertThat(PageBounds.check(">".repeat(200_000) + " deep\n", 1))
                .isEqualTo("line 1: the page nests quotes 200000 deep; ProcessLab shows at most 16 levels of lists and quotes");
        assertThat(PageBounds.check("> 1. > - ".repeat(5) + "x\n", 1)).contains("nests lists and quotes 20 deep");
    }

    @Test
    void nestingByIndentingIsCountedOnTheParsedPage() {
        StringBuilder md = new StringBuilder("# Steps\n\n");
        for (int level = 0; level < 17; level++) {
            md.append("  ".repeat(level)).append("- step ").append(level).append('\n');
        }
        assertThat(PageBounds.check(md.toString(), 6)).isEqualTo("line 24: the page nests lists 17 deep; ProcessLab "
                + "shows at most 16 levels of lists and quotes (counted to here)");
        md.setLength(0);
        for (int level = 0; level < 16; level++) {
            md.append("  ".repeat(level)).append("- step ").append(level).append('\n');
        }
        assertThat(PageBounds.check(md.toString(), 6)).as("16 levels are fine").isNull();
    }

    @Test
    void stylesNestedDeepAndParagraphsFullOfMarksAreRefused() {
        assertThat(PageBounds.check("*a ".repeat(20) + "b" + " c*".repeat(20) + "\n", 4))
                .isEqualTo("line 4: emphasis and links nest more than 16 deep here; ProcessLab shows at most 16 levels");
        // 170 000 nested emphases overflow the parser's own recursion: refused by counting the marks first
        assertThat(PageBounds.check("text\n\n" + "*a ".repeat(170_000) + "b" + " c*".repeat(170_000) + "\n", 1))
                .isEqualTo("line 3: the paragraph that starts here has more than 4,000 marks of emphasis and links "
                        + "(* _ [ ]); ProcessLab reads at most 4,000 in one paragraph");
        assertThat(PageBounds.check("Some **bold**, *em* and [a link](x.md) with `snake_case_names`.\n", 1)).isNull();
    }

    @Test
    void manyBlocksOrPartsAreRefusedAndCodeOrRulesAreNotMistakenForLists() {
        assertThat(PageBounds.check("- a\n".repeat(600), 1)).startsWith("line 500: the page has more than 1,000 blocks");
        assertThat(PageBounds.check("a `c` ".repeat(5100) + "\n", 1)).startsWith("line 1: the page has more than 10,000 parts");
        assertThat(PageBounds.check("* * * * * * * * * * * * * * * * * * * *\n\ntext\n", 1)).as("a thematic break").isNull();
        assertThat(PageBounds.check("```\n" + "- ".repeat(40) + "x\n" + "_".repeat(5000) + "\n```\n", 1))
                .as("code is not Markdown").isNull();
    }
}
