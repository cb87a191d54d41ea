package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.lesson.LessonEntry;
import org.processlab.lesson.OwnProgram;
import org.processlab.ui.shell.file.FileDialogs;

/**
 * A person's own program, through the window as a person reaches it: File ▸ Open (the dialog's answer given through
 * the {@link FileDialogs} seam), a file dropped on the window (a synthetic drop with a {@link FileClipboard}), and
 * {@code processlab FILE.py}; its arguments typed reach {@code sys.argv} and are kept after a restart; an
 * interpreter of its own (a real virtual environment) runs it; a file that is not a program keeps the lesson and says
 * why; recent files are listed and kept.
 */
class OwnProgramWindowTest extends WindowTest {
    private static final String ARGV = """
            import sys
            print("args:", sys.argv[1:])
            """;

    @TempDir
    Path lessons;
    @TempDir
    Path mine;

    /** The answers the file dialogs give, in order (null: Cancel). */
    private final Deque<Path> answers = new java.util.LinkedList<>();

    private void launch(String... more) throws Exception {
        AppDriver.writeLesson(lessons, "01-hello", "Hello", "hello.py", "print('hello')\n");
        List<String> args = new java.util.ArrayList<>(List.of("--lessons", lessons.toString()));
        args.addAll(List.of(more));
        app.launch(home, args.toArray(String[]::new));
        app.fx(() -> app.shell().fileDialogs().use((ask, owner, near) -> answers.poll()));
    }

    private void fileMenu(String item) {
        app.click("#fileMenu");
        app.click("#" + item);
    }

    private void openByMenu(Path file) {
        answers.add(file);
        fileMenu("openFile");
    }

    private boolean shows(Path file) {
        OwnProgram p = app.vm().ownProgramProperty().get();
        return p != null && p.file().equals(file.toAbsolutePath().normalize());
    }

    private LessonEntry lessonShown() {
        return app.fx(() -> {
            return app.vm().selectedProperty().get();
        });
    }

    private boolean consoleHas(String text) {
        return app.vm().run().console().shownRows().stream().anyMatch(r -> r.text().contains(text));
    }

    private void runAndWaitFor(String text) {
        app.click("#runButton");
        app.waitFor("\"" + text + "\" in the console", Duration.ofSeconds(60), () -> consoleHas(text));
        app.waitForRunShown();
    }

    @Test
    void openedByMenuItsArgumentsReachSysArgvAndAreKeptAfterARestart() throws Exception {
        Path prog = Files.writeString(mine.resolve("argv.py"), ARGV);
        launch();
        openByMenu(prog);
        app.waitFor("argv.py to be shown", Duration.ofSeconds(15), () -> shows(prog));
        assertThat(lessonShown()).as("no lesson").isNull();
        assertThat(app.texts(app.shell())).contains("argv.py");
        app.robot.clickOn("#programArgs");
        app.robot.write("\"a b\" 7");
        runAndWaitFor("args: ['a b', '7']");
        app.screenshot("own-program-arguments");

        app.close();
        app.launch(home, "--lessons", lessons.toString());
        app.fx(() -> app.shell().fileDialogs().use((ask, owner, near) -> answers.poll()));
        app.click("#fileMenu");
        app.click("#openRecent");
        app.click("#recent-0");
        app.waitFor("argv.py from the recent files", Duration.ofSeconds(15), () -> shows(prog));
        TextField args = (TextField) app.robot.lookup("#programArgs").query();
        assertThat(app.fx(() -> { return args.getText(); })).as("kept for the file").isEqualTo("\"a b\" 7");
        runAndWaitFor("args: ['a b', '7']");
    }

    @Test
    void onAProjectorTheProgramBarIsReadable() throws Exception {
        Path prog = Files.writeString(mine.resolve("guess.py"), ARGV);
        launch("--presenter");
        openByMenu(prog);
        app.waitFor("guess.py to be shown", Duration.ofSeconds(15), () -> shows(prog));
        app.robot.clickOn("#programArgs");
        app.robot.write("--rounds 3 \"Ada L\"");
        app.waitForPulses(4);
        TextField args = (TextField) app.robot.lookup("#programArgs").query();
        assertThat(app.fx(() -> args.getFont().getSize())).as("typed text on a projector").isGreaterThanOrEqualTo(20);
        app.screenshot("own-program-arguments-presenter");
    }

    @Test
    void aFileDroppedOnTheWindowOpens() throws Exception {
        Path prog = Files.writeString(mine.resolve("dropped.py"), ARGV);
        launch();
        assertThat(drop(prog.toFile())).as("a file is accepted over the window").isTrue();
        app.waitFor("dropped.py to be shown", Duration.ofSeconds(15), () -> shows(prog));
        runAndWaitFor("args: []");

        Path notes = Files.writeString(mine.resolve("notes.txt"), "hello\n");
        drop(notes.toFile());
        app.waitFor("why notes.txt is not opened", Duration.ofSeconds(15),
                () -> "Cannot open notes.txt".equals(app.vm().run().errorTitleProperty().get()));
        assertThat(shows(prog)).as("the program stays").isTrue();
        assertThat(app.fx(() -> app.vm().run().model())).as("and its run").isNotNull();
        assertThat(app.fx(() -> app.shell().getStyleClass().contains("file-drop"))).isFalse();
    }

    /** Fires what a drop of {@code files} on the window's middle brings; true when the window accepted the drag. */
    private boolean drop(File... files) {
        return app.fx(() -> {
            Node target = app.shell();
            Dragboard board = FileClipboard.of(files);
            javafx.geometry.Bounds b = target.localToScreen(target.getBoundsInLocal());
            double x = b.getCenterX();
            double y = b.getCenterY();
            DragEvent over = new DragEvent(target, target, DragEvent.DRAG_OVER, board, x, y, x, y, TransferMode.COPY,
                    null, null, null);
            Event.fireEvent(target, over);
            boolean accepted = over.isAccepted();
            DragEvent dropped = new DragEvent(target, target, DragEvent.DRAG_DROPPED, board, x, y, x, y,
                    TransferMode.COPY, null, target, null);
            Event.fireEvent(target, dropped);
            return accepted;
        });
    }

    @Test
    void eachFileThatIsNotAProgramKeepsTheLessonAndSaysWhy() throws Exception {
        Path latin = Files.write(mine.resolve("latin.py"), "s = '\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        Path binary = Files.write(mine.resolve("binary.py"), new byte[] {1, 0, 2});
        Path big = Files.write(mine.resolve("big.py"), new byte[1_048_577]);
        Path notes = Files.writeString(mine.resolve("notes.txt"), "print(1)\n");
        Path folder = Files.createDirectories(mine.resolve("folder"));
        Path missing = mine.resolve("gone.py");
        launch();
        LessonEntry lesson = lessonShown();
        assertThat(lesson).isNotNull();
        record Case(Path file, String why) {
        }
        for (Case c : List.of(new Case(latin, "latin.py is not UTF-8 text (line 1, byte 6)"),
                new Case(binary, "binary.py is not a Python program: it holds a NUL byte"),
                new Case(big, "big.py is 1.0 MB: larger than the 1 MB"),
                new Case(notes, "notes.txt is not a Python program"),
                new Case(folder, folder + " is a folder, not a program"),
                new Case(missing, missing + " does not exist."))) {
            app.fx(() -> app.vm().run().dismissError());
            openByMenu(c.file());
            app.waitFor("why " + c.file().getFileName() + " is not opened", Duration.ofSeconds(15),
                    () -> app.vm().run().errorProperty().get() != null);
            Label message = (Label) app.robot.lookup("#errorMessage").query();
            assertThat(app.fx(message::getText)).startsWith(c.why());
            assertThat(lessonShown()).as("the lesson stays").isSameAs(lesson);
            assertThat(app.fx(() -> app.vm().ownProgramProperty().get())).isNull();
        }
        app.screenshot("own-program-not-utf8");
        answers.add(null);
        fileMenu("openFile");
        assertThat(lessonShown()).as("Cancel changes nothing").isSameAs(lesson);
    }

    @Test
    void aVirtualEnvironmentChosenForTheFileRunsIt() throws Exception {
        Path venv = mine.resolve("venv");
        Process p = new ProcessBuilder("python3", "-m", "venv", "--without-pip", venv.toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();
        Path prog = Files.writeString(mine.resolve("where.py"), """
                import sys
                print("prefix:", sys.prefix)
                print("executable:", sys.executable)
                """);
        launch();
        openByMenu(prog);
        app.waitFor("where.py to be shown", Duration.ofSeconds(15), () -> shows(prog));
        answers.add(venv.resolve("bin/python"));
        app.click("#browsePython");
        TextField python = (TextField) app.robot.lookup("#programPython").query();
        assertThat(app.fx(() -> { return python.getText(); })).isEqualTo(venv.resolve("bin/python").toString());
        runAndWaitFor("prefix: " + venv);
        assertThat(app.fx(() -> consoleHas("executable: " + venv.resolve("bin/python")))).isTrue();

        // a broken one says why and how to pick another, and Run waits
        app.robot.doubleClickOn("#programPython");
        app.fx(() -> python.setText(mine.toString()));
        app.robot.clickOn("#programPython").type(KeyCode.ENTER);
        app.waitFor("why the folder is no interpreter", Duration.ofSeconds(15),
                () -> "This interpreter does not work".equals(app.vm().run().errorTitleProperty().get()));
        assertThat(app.fx(() -> app.vm().run().errorProperty().get())).contains("is a folder").contains("Browse…");
        app.screenshot("own-program-interpreter-broken");

        // typed and run at once (F5 with the focus still in the field): Run uses what the field shows, never another
        app.robot.doubleClickOn("#programPython");
        app.fx(() -> python.clear());
        app.robot.write("/nope/python");
        app.robot.type(KeyCode.F5);
        app.waitFor("why /nope/python cannot run it", Duration.ofSeconds(30),
                () -> app.vm().run().errorProperty().get() != null
                        && app.vm().run().errorProperty().get().contains("/nope/python"));
        assertThat(app.fx(() -> consoleHas("prefix:") && app.vm().run().model() != null
                && app.vm().run().model().snapshot().processes().size() > 0)).as("no other Python ran it").isFalse();
        app.fx(() -> python.setText(mine.toString()));

        app.close();
        app.launch(home, "--lessons", lessons.toString(), prog.toString());
        app.waitFor("where.py from the command line", Duration.ofSeconds(15), () -> shows(prog));
        TextField again = (TextField) app.robot.lookup("#programPython").query();
        assertThat(app.fx(() -> { return again.getText(); })).as("kept for the file").isEqualTo(mine.toString());
    }

    @Test
    void theCommandLinesFileOpensAtStartAndF5RunsIt() throws Exception {
        Path prog = Files.writeString(mine.resolve("mine.py"), ARGV);
        launch(prog.toString());
        app.waitFor("mine.py to be shown", Duration.ofSeconds(15), () -> shows(prog));
        assertThat(lessonShown()).as("instead of a lesson").isNull();
        app.robot.clickOn("#status");
        app.robot.type(KeyCode.F5);
        app.waitFor("the run's output", Duration.ofSeconds(60), () -> consoleHas("args: []"));
        app.waitForRunShown();
        app.click("#fileMenu");
        app.click("#openRecent");
        app.waitFor("mine.py in the recent files", Duration.ofSeconds(10),
                () -> app.robot.lookup("#recent-0").tryQuery().isPresent());
        app.robot.type(KeyCode.ESCAPE);
    }
}
