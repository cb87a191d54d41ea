package org.processlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every lesson error names the file, and the line where one is known, in words a teacher understands (issue 15, point
 * 6): not the parser's "Input length = 1" or a bare "missing". An example that resolves outside its lesson's folder,
 * through a real symbolic link or a {@code ..}, is refused by name.
 */
class LessonErrorsTest {
    @TempDir
    Path root;

    private Path lesson(String id, String text) throws IOException {
        Path d = Files.createDirectories(root.resolve(id));
        Files.writeString(d.resolve("lesson.md"), text);
        Files.writeString(d.resolve("a.py"), "print('a')\n");
        return d;
    }

    private String error(Path dir) {
        LessonEntry e = LessonLibrary.loadOne(dir);
        assertThat(e).as("%s", e).isInstanceOf(LessonError.class);
        return ((LessonError) e).message();
    }

    @Test
    void aPageThatIsNotUtf8NamesTheByteAndItsLine() throws IOException {
        Path d = Files.createDirectories(root.resolve("03-latin"));
        Files.write(d.resolve("lesson.md"), "---\ntitle: Caf\u00e9\norder: 3\n---\nOl\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(error(d)).isEqualTo(d.resolve("lesson.md") + ", line 2: lesson.md is not UTF-8 text (byte 0xE9 on "
                + "line 2); save it as UTF-8 in your editor").doesNotContain("Input length");
    }

    @Test
    void frontMatterMistakesNameTheLineOfLessonMd() throws IOException {
        Path expect = lesson("03-foo", "---\ntitle: Foo\norder: 3\nexample: a.py\n\n\nexpect: [1, 2]\n---\n");
        assertThat(error(expect)).isEqualTo(expect.resolve("lesson.md") + ", line 7: 'expect' must be a group of "
                + "fields (indented 'name: value' lines)");

        Path list = lesson("04-args", "---\ntitle: Args\norder: 4\nexample: a.py\nargs: {a: 1}\n---\n");
        assertThat(error(list)).isEqualTo(list.resolve("lesson.md") + ", line 5: 'args' must be a list (lines "
                + "starting with '- ', or [a, b])");

        Path method = lesson("05-method", "---\ntitle: M\norder: 5\nexample: a.py\nstartMethods:\n  - fork\n  - spwan\n---\n");
        assertThat(error(method)).isEqualTo(method.resolve("lesson.md") + ", line 7: unknown start method 'spwan' "
                + "(use fork, spawn or forkserver)");

        Path who = lesson("06-who", "---\ntitle: W\norder: 6\nexample: a.py\nexpect:\n  lines:\n"
                + "    - {text: hi, who: chlid}\n---\n");
        assertThat(error(who)).startsWith(who.resolve("lesson.md") + ", line 7: unknown who 'chlid'");

        Path answer = lesson("07-answer", "---\ntitle: A\norder: 7\npredict:\n  question: q?\n  choices: [a, b]\n"
                + "  answer: 2\n---\n");
        assertThat(error(answer)).startsWith(answer.resolve("lesson.md") + ", line ")
                .endsWith("'predict' has answer: 2, but the answer is the number of a choice counted from 0, and "
                        + "there are 2 choices (0 to 1)");

        Path title = lesson("08-title", "---\norder: 8\n---\n");
        assertThat(error(title)).isEqualTo(title.resolve("lesson.md") + ": the front matter needs a title (a line "
                + "'title: …' between the '---' lines)");

        Path yaml = lesson("09-yaml", "---\ntitle: Y\norder: 9\nexample: [a.py\n---\n");
        assertThat(error(yaml)).startsWith(yaml.resolve("lesson.md") + ", line ");
    }

    @Test
    void aMissingExampleIsNamedWithItsLine() throws IOException {
        Path d = lesson("03-missing", "---\ntitle: M\norder: 3\nexample: nope.py\n---\n");
        assertThat(error(d)).isEqualTo(d.resolve("lesson.md") + ", line 4: the example 'nope.py' is missing from the "
                + "lesson's folder " + d.toAbsolutePath());
    }

    @Test
    void anExampleLinkedOutsideItsFolderIsRefusedByName() throws IOException {
        Path outside = Files.writeString(Files.createDirectories(root.resolve("elsewhere")).resolve("secret.py"),
                "print('not the lesson')\n");
        Path d = lesson("03-foo", "---\ntitle: Foo\norder: 3\nexample: x.py\n---\n");
        Files.createSymbolicLink(d.resolve("x.py"), outside);
        assertThat(error(d)).isEqualTo(d.resolve("lesson.md") + ", line 4: the example 'x.py' is a link that leads "
                + "out of the lesson's folder (to " + outside.toRealPath() + "): a lesson uses only files inside it");

        // a link to a folder on the way out, and a `..`: the same rule
        Path sub = lesson("04-sub", "---\ntitle: Sub\norder: 4\nexample: etc/secret.py\n---\n");
        Files.createSymbolicLink(sub.resolve("etc"), outside.getParent());
        assertThat(error(sub)).contains("the example 'etc/secret.py' is a link that leads out of the lesson's folder");
        Path up = lesson("05-up", "---\ntitle: Up\norder: 5\nmore:\n  - example: ../elsewhere/secret.py\n---\n");
        assertThat(error(up)).isEqualTo(up.resolve("lesson.md") + ", line 5: the example '../elsewhere/secret.py' "
                + "leaves the lesson's folder (to " + outside.toAbsolutePath() + "): a lesson uses only files inside it");

        // a link that stays inside the folder is fine
        Path inside = lesson("06-inside", "---\ntitle: In\norder: 6\nexample: b.py\n---\n");
        Files.createSymbolicLink(inside.resolve("b.py"), inside.resolve("a.py"));
        assertThat(LessonLibrary.loadOne(inside)).isInstanceOf(Lesson.class);
    }

    @Test
    void aPageOutsideItsBoundsNamesTheLineAndTheBound() throws IOException {
        Path d = lesson("03-deep", "---\ntitle: Deep\norder: 3\n---\n# Deep\n\n" + "- ".repeat(100_000) + "x\n");
        long t0 = System.nanoTime();
        assertThat(error(d)).isEqualTo(d.resolve("lesson.md") + ", line 7: the page nests lists 100000 deep; "
                + "ProcessLab shows at most 16 levels of lists and quotes");
        assertThat((System.nanoTime() - t0) / 1e9).as("refused before the parser's quadratic work").isLessThan(20);
    }

    @Test
    void anIncludedFileThatIsNotUtf8SaysWhere() throws IOException {
        Path d = lesson("03-inc", "---\ntitle: Inc\norder: 3\n---\n# Inc\n\n```python file=b.py\n```\n");
        Files.write(d.resolve("b.py"), "x = 1\ns = '\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(error(d)).isEqualTo(d.resolve("lesson.md") + ", line 7: the code block that includes 'b.py': the "
                + "file is not UTF-8 text (byte 0xE9 on line 2); save it as UTF-8");
    }

    @Test
    void aQuoteLeftOpenIsNamedAtItsOwnLineNotWhereTheParserGaveUp() throws IOException {
        Path open = lesson("07-quote", "---\ntitle: \"Broken lesson\norder: 7\nexample: a.py\npredict:\n"
                + "  question: \"Which?\"\n  choices: [\"a\", \"b\"]\n  answer: 0\n  explain: \"Because.\"\n---\n");
        assertThat(error(open)).isEqualTo(open.resolve("lesson.md") + ", line 2: the value on this line opens a quote"
                + " (\") that the line does not close; a quoted value ends with the same quote on its own line");

        Path colon = lesson("08-colon", "---\ntitle: Colon\norder: 8\nexample a.py\nstartMethods: [fork]\n---\n");
        String why = error(colon);
        assertThat(why).as("the line it stopped at: the mistake is there or just above")
                .startsWith(colon.resolve("lesson.md") + ", line 5: the front matter is not valid YAML here (")
                .contains("look at this line and the one above it").doesNotContain("in 'reader'").doesNotContain("\n");

        Path indent = lesson("09-indent", "---\ntitle: I\norder: 9\nexample: a.py\npredict:\n  question: Which?\n"
                + "   choices: [a, b]\n---\n");
        assertThat(error(indent)).startsWith(indent.resolve("lesson.md") + ", line 7: the front matter is not valid");
    }

    @Test
    void quotesClosedOnTheirLineAreNoMistake() {
        assertThat(YamlMistake.unclosedQuote("title: \"A \\\" quote\"")).isEqualTo((char) 0);
        assertThat(YamlMistake.unclosedQuote("  - 'it''s fine'")).isEqualTo((char) 0);
        assertThat(YamlMistake.unclosedQuote("title: don't worry")).isEqualTo((char) 0);
        assertThat(YamlMistake.unclosedQuote("title: 'open")).isEqualTo('\'');
        assertThat(YamlMistake.unclosedQuote("  - \"open")).isEqualTo('"');
    }
}
