package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracer and lessons copied out of the jar are the user's own: a folder only they can enter, and a copy used only
 * when its content is the jar's, file by file; something planted beside it, or a file changed, gives a fresh copy.
 */
class AssetsExtractionTest {
    private static final String BASE = "org/processlab/assets/tracer";

    @TempDir
    Path dir;

    private Path jar() throws IOException {
        Path jar = dir.resolve("p.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, BASE + "/supervisor.py", "print('supervisor')\n");
            put(out, BASE + "/boot/sitecustomize.py", "import _processlab_agent\n");
            put(out, "org/processlab/lessons/01/lesson.md", "# not the tracer\n");
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private Path extract(Path under) throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            return Assets.extract(jar, BASE, "assets-tracer", under);
        }
    }

    @Test
    void aCopyIsUsedOnlyWhileItHoldsExactlyTheJarsFiles() throws IOException {
        Path under = PrivateFolder.claim(dir.resolve("cache"));
        Path first = extract(under);
        assertThat(first.getFileName().toString()).startsWith("assets-tracer-");
        assertThat(first.resolve("boot/sitecustomize.py")).hasContent("import _processlab_agent");
        assertThat(first.resolve("supervisor.py")).exists();
        assertThat(first.resolve("lesson.md")).doesNotExist();

        // Python's bytecode cache is not the jar's: removed, not a reason to copy again
        Files.createDirectories(first.resolve("boot/__pycache__"));
        Files.writeString(first.resolve("boot/__pycache__/x.pyc"), "bytes");
        Path marker = Files.writeString(first.resolve("supervisor.py"), "print('supervisor')\n");
        long before = Files.getLastModifiedTime(marker).toMillis();
        assertThat(extract(under)).isEqualTo(first);
        assertThat(first.resolve("boot/__pycache__")).doesNotExist();
        assertThat(Files.getLastModifiedTime(first.resolve("supervisor.py")).toMillis()).isEqualTo(before);

        // a file planted beside ours, or one of ours changed: a fresh copy, without it
        Files.writeString(first.resolve("boot/usercustomize.py"), "import os; os.system('evil')\n");
        Path again = extract(under);
        assertThat(again.resolve("boot/usercustomize.py")).doesNotExist();
        assertThat(again.resolve("boot/sitecustomize.py")).hasContent("import _processlab_agent");
        Files.writeString(again.resolve("boot/sitecustomize.py"), "import os; os.system('evil')\n");
        assertThat(extract(under).resolve("boot/sitecustomize.py")).hasContent("import _processlab_agent");
        try (var left = Files.list(under)) {
            assertThat(left).as("nothing else is left beside the copy").hasSize(1);
        }
    }

    @Test
    void bytecodeCachesWrittenMeanwhileByAnotherRunAreNoError() throws Exception {
        // Another ProcessLab of this user runs programs from the same copy: their Python writes a cache file under
        // a temporary name and renames it, again and again, while this one checks the copy.
        Path under = PrivateFolder.claim(dir.resolve("cache"));
        Path first = extract(under);
        Path cache = first.resolve("boot/__pycache__");
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread python = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    Files.createDirectories(cache);
                    Path tmp = Files.writeString(cache.resolve("agent.cpython-311.pyc." + i), "bytes");
                    Files.move(tmp, cache.resolve("agent.cpython-311.pyc"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    // the folder was removed under us, as Python's own cache writes tolerate
                }
            }
        });
        python.start();
        try {
            for (int i = 0; i < 300; i++) {
                assertThat(extract(under)).isEqualTo(first);
            }
        } finally {
            stop.set(true);
            python.join();
        }
    }

    @Test
    void theFolderIsTheUsersAloneAndOneThatIsNotIsNeverUsed() throws IOException {
        Path made = PrivateFolder.claim(dir.resolve("new/processlab"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rwx------");

        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(PrivateFolder.claim(open))))
                .as("ours, opened to others: narrowed").isEqualTo("rwx------");

        Path link = Files.createSymbolicLink(dir.resolve("link"), made);
        assertThatThrownBy(() -> PrivateFolder.claim(link)).hasMessageContaining("is not a folder of its own");
    }

    @Test
    void aFolderSomeoneElseMadeFirstIsNotUsed() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "giving a folder to another user needs root");
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        UserPrincipal nobody = theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(theirs, nobody);
        assertThatThrownBy(() -> PrivateFolder.claim(theirs)).hasMessageContaining("belongs to nobody")
                .hasMessageContaining("so it is not used");
        Path fresh = PrivateFolder.fresh(dir, "processlab-");
        assertThat(Files.getOwner(fresh).getName()).isEqualTo("root");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
    }
}
