package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntaxCheckTest {
    @TempDir
    Path dir;

    private Optional<SyntaxProblem> check(String code) throws Exception {
        Path f = Files.writeString(dir.resolve("mine.py"), code);
        return SyntaxCheck.check(PythonInterpreter.locate(null), f);
    }

    @Test
    void aProgramThatCompilesHasNoProblemAndDoesNotRun() throws Exception {
        Path marker = dir.resolve("ran");
        assertThat(check("open(r'" + marker + "', 'w').close()\n")).isEmpty();
        assertThat(marker).as("compiled, not run").doesNotExist();
    }

    @Test
    void aMissingParenthesisIsFoundAtItsLineInTheInterpretersWords() throws Exception {
        Optional<SyntaxProblem> p = check("import multiprocessing\n\np1 = multiprocessing.Process(target=print, args=(10,)\np1.start()\n");
        assertThat(p).isPresent();
        assertThat(p.get().line()).isEqualTo(3);
        assertThat(p.get().kind()).isEqualTo("SyntaxError");
        assertThat(p.get().message()).isNotBlank();
        assertThat(p.get().text()).startsWith("SyntaxError on line 3: ");
    }

    @Test
    void aBadIndentIsAnIndentationErrorWithItsColumn() throws Exception {
        SyntaxProblem p = check("def f():\n    x = 1\n      y = 2\n").orElseThrow();
        assertThat(p.kind()).isEqualTo("IndentationError");
        assertThat(p.line()).isEqualTo(3);
    }

    @Test
    void aFileThatCannotBeReadSaysWhy() {
        assertThatThrownBy(() -> SyntaxCheck.check(PythonInterpreter.locate(null), dir.resolve("none.py")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot read");
    }

    @Test
    void theCheckersLineIsReadAsAProblem() throws Exception {
        assertThat(SyntaxCheck.parse("")).isEmpty();
        assertThat(SyntaxCheck.parse("{\"line\": 2, \"column\": 5, \"message\": \"invalid syntax\", \"kind\": \"SyntaxError\"}"))
                .contains(new SyntaxProblem(2, 5, "invalid syntax", "SyntaxError"));
        assertThat(SyntaxCheck.parse("{\"line\": null, \"message\": null}"))
                .contains(new SyntaxProblem(1, 0, "invalid syntax", "SyntaxError"));
    }
}
