package org.processlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchFolderTest {
    @TempDir
    Path home;

    @TempDir
    Path lessons;

    private Path lesson() throws Exception {
        Path dir = Files.createDirectories(lessons.resolve("05-data"));
        Files.writeString(dir.resolve("lesson.md"), "---\ntitle: Data\n---\n");
        Files.writeString(dir.resolve("main.py"), "import helper\nprint(open('data.txt').read())\n");
        Files.writeString(dir.resolve("helper.py"), "X = 1\n");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/more.txt"), "more\n");
        Files.writeString(dir.resolve("data.txt"), "hello\n");
        Files.createDirectories(dir.resolve("__pycache__"));
        Files.writeString(dir.resolve("__pycache__/helper.cpython-311.pyc"), "junk");
        return dir;
    }

    @Test
    void theMirrorHoldsTheLessonsFilesAndTheEditedProgramAndTheLessonIsUntouched() throws Exception {
        Path dir = lesson();
        byte[] before = Files.readAllBytes(dir.resolve("main.py"));
        // a lesson folder may be read-only (installed, shared, extracted from the jar)
        Files.setPosixFilePermissions(dir.resolve("main.py"), PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try (ScratchFolder s = ScratchFolder.open(home)) {
            Path program = s.mirror(dir, "05-data", dir.resolve("main.py"), "print('mine')\n");
            assertThat(program).isEqualTo(s.dir().resolve("05-data/main.py"));
            assertThat(program).hasContent("print('mine')");
            assertThat(program.resolveSibling("helper.py")).hasContent("X = 1");
            assertThat(program.resolveSibling("data.txt")).hasContent("hello");
            assertThat(program.resolveSibling("data/more.txt")).hasContent("more");
            assertThat(program.resolveSibling("__pycache__")).doesNotExist();
            assertThat(program.startsWith(home.resolve(ScratchFolder.DIR))).isTrue();

            // run again: a fresh copy, the new text
            Files.writeString(program.resolveSibling("left-by-the-run.txt"), "x");
            Path again = s.mirror(dir, "05-data", dir.resolve("main.py"), "print('mine, again')\n");
            assertThat(again).hasContent("print('mine, again')");
            assertThat(again.resolveSibling("left-by-the-run.txt")).doesNotExist();
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(Files.readAllBytes(dir.resolve("main.py"))).as("the lesson's file, byte for byte").isEqualTo(before);
    }

    @Test
    void twoWindowsGetTwoFoldersAndClosingRemovesOnlyItsOwn() throws Exception {
        ScratchFolder a = ScratchFolder.open(home);
        ScratchFolder b = ScratchFolder.open(home);
        assertThat(a.dir()).isNotEqualTo(b.dir());
        assertThat(a.dir()).exists();
        assertThat(b.dir()).exists();
        Path aDir = a.dir();
        a.close();
        assertThat(aDir).doesNotExist();
        assertThat(aDir.resolveSibling(aDir.getFileName() + ".lock")).doesNotExist();
        assertThat(b.dir()).as("the other window's stays").exists();
        // a third window's start removes nothing a live window holds, however old its files
        old(b.dir());
        old(b.dir().resolveSibling(b.dir().getFileName() + ".lock"));
        ScratchFolder c = ScratchFolder.open(home);
        assertThat(b.dir()).exists();
        b.close();
        c.close();
    }

    @Test
    void aFolderNoLiveWindowHoldsIsRemovedAtStart() throws Exception {
        Path root = Files.createDirectories(home.resolve(ScratchFolder.DIR));
        // what a window killed with kill -9 leaves: its folder and its lock file, the lock gone with the process
        Path dead = Files.createDirectories(root.resolve("w-999999-dead/02-first-processes"));
        Files.writeString(dead.resolve("main.py"), "print()\n");
        Path deadLock = Files.writeString(root.resolve("w-999999-dead.lock"), "999999\n");
        Path noLock = Files.createDirectories(root.resolve("w-888888-nolock"));
        Path young = Files.createDirectories(root.resolve("w-777777-young"));
        Files.writeString(root.resolve("w-777777-young.lock"), "777777\n");
        old(dead.getParent());
        old(deadLock);
        old(noLock);

        try (ScratchFolder s = ScratchFolder.open(home)) {
            assertThat(dead.getParent()).doesNotExist();
            assertThat(deadLock).doesNotExist();
            assertThat(noLock).doesNotExist();
            assertThat(young).as("just made: its window may be locking it right now").exists();
            assertThat(s.dir()).exists();
        }
    }

    @Test
    void nothingIsMadeBeforeFirstUse() {
        ScratchFolder s = new ScratchFolder(home);
        s.close();
        assertThat(home.resolve(ScratchFolder.DIR)).doesNotExist();
    }

    private static void old(Path p) throws Exception {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(3600)));
    }
}
