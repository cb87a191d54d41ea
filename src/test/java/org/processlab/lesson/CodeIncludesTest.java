package org.processlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A code block with {@code file=} shows the file itself; an include that breaks the folder rule, or is not empty, or
 * is missing makes the lesson an error card naming the file and the line, and the other lessons still load.
 */
class CodeIncludesTest {
    @TempDir
    Path root;

    private Path lesson(String id, String body, String... files) throws IOException {
        Path d = Files.createDirectories(root.resolve(id));
        Files.writeString(d.resolve("lesson.md"), "---\ntitle: " + id + "\norder: 1\n---\n" + body);
        for (String f : files) {
            Files.createDirectories(d.resolve(f).getParent());
            Files.writeString(d.resolve(f), "print('" + f + "')\n");
        }
        return d;
    }

    @Test
    void anIncludedFileBecomesTheBlocksBody() throws IOException {
        Path d = lesson("01-ok", "# Code\n\n```python file=square.py\n```\n\nAfter.\n\n```python  file=\"sub/two words.py\"\n\n```\n",
                "square.py", "sub/two words.py");
        Lesson l = (Lesson) LessonLibrary.loadOne(d);
        assertThat(l.markdown()).isEqualTo("# Code\n\n```python file=square.py\nprint('square.py')\n```\n\nAfter.\n\n"
                + "```python  file=\"sub/two words.py\"\nprint('sub/two words.py')\n```\n");
    }

    @Test
    void aFileWithFencesOfItsOwnGetsALongerFenceAndAnIndentKeepsItsLines() throws IOException {
        Path d = lesson("01-fences", "  ~~~ python file=doc.py\n  ~~~\n");
        Files.writeString(d.resolve("doc.py"), "s = '''\n~~~~\n```\n'''\n    indented()\n");
        Lesson l = (Lesson) LessonLibrary.loadOne(d);
        assertThat(l.markdown()).isEqualTo("  ~~~~~ python file=doc.py\n  s = '''\n  ~~~~\n  ```\n  '''\n      indented()\n  ~~~~~\n");
    }

    @Test
    void aBrokenIncludeIsAnErrorCardNamingTheFileAndLine() throws IOException {
        Files.writeString(root.resolve("secret.py"), "print('outside')\n");
        Path out = lesson("02-outside", "text\n\n```python file=../secret.py\n```\n");
        Path missing = lesson("03-missing", "```python file=nope.py\n```\n");
        Path url = lesson("04-url", "```python file=https://example.org/x.py\n```\n");
        Path full = lesson("05-not-empty", "```python file=x.py\nprint('a pasted copy')\n```\n", "x.py");
        Path open = lesson("06-unclosed", "```python file=x.py\n", "x.py");
        Path link = lesson("07-link", "```python file=link.py\n```\n");
        Files.createSymbolicLink(link.resolve("link.py"), root.resolve("secret.py"));
        Path absolute = lesson("08-absolute", "```python file=" + root.resolve("secret.py") + "\n```\n");
        lesson("09-fine", "```python file=ok.py\n```\n", "ok.py");

        List<LessonEntry> all = LessonLibrary.load(root);
        assertThat(all).extracting(LessonEntry::id).contains("09-fine");
        assertThat(LessonLibrary.find(all, "09-fine")).isInstanceOf(Lesson.class);
        assertThat(message(out)).contains("line 7").contains("'../secret.py'").contains("leaves the lesson's folder");
        assertThat(message(missing)).contains("line 5").contains("'nope.py'").contains("missing");
        assertThat(message(url)).contains("is a URL");
        assertThat(message(full)).contains("'x.py'").contains("must be empty");
        assertThat(message(open)).contains("no closing");
        assertThat(message(link)).contains("'link.py'").contains("link that leads out");
        assertThat(message(absolute)).contains("absolute path");
    }

    private static String message(Path dir) {
        LessonEntry e = LessonLibrary.loadOne(dir);
        assertThat(e).as(dir.toString()).isInstanceOf(LessonError.class);
        return ((LessonError) e).message();
    }

    @Test
    void fencesThatIncludeNothingAndFencesInsideCodeAreLeftAlone() throws IOException {
        String body = "````markdown\n```python file=shown-as-text.py\n```\n````\n\n```\nplain\n```\n";
        Lesson l = (Lesson) LessonLibrary.loadOne(lesson("01-alone", body));
        assertThat(l.markdown()).isEqualTo(body);
    }

    /** Every built-in lesson shows its examples by including them: the code on the page is the .py that runs. */
    @Test
    void everyBuiltInLessonShowsTheFileThatRuns() throws IOException {
        Path lessons = Path.of(System.getProperty("processlab.repo", ".")).resolve("lessons");
        Pattern fence = Pattern.compile("(?m)^```python file=(\\S+)\\n");
        int included = 0;
        for (LessonEntry e : LessonLibrary.load(lessons)) {
            Lesson l = (Lesson) e;
            String raw = Files.readString(l.dir().resolve("lesson.md"));
            assertThat(raw).as("%s pastes no copy of a program", l.id()).doesNotContain("import multiprocessing\n");
            for (Example ex : l.examples()) {
                String name = ex.file().getFileName().toString();
                assertThat(raw).as("%s includes %s", l.id(), name).contains("```python file=" + name + "\n```");
                String code = Files.readString(ex.file());
                assertThat(l.markdown()).as("%s shows %s as it is", l.id(), name)
                        .contains("```python file=" + name + "\n" + code + "```");
            }
            Matcher m = fence.matcher(raw);
            while (m.find()) {
                included++;
            }
        }
        assertThat(included).isGreaterThanOrEqualTo(17);
    }
}
