package org.processlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file opened as a person's own program: what is one, and one clear sentence for each file that is not. */
class ProgramFileTest {
    @TempDir
    Path dir;

    @Test
    void aPythonFileIsReadWhole() throws Exception {
        Path f = Files.writeString(dir.resolve("guess.py"), "print('héllo')\n", StandardCharsets.UTF_8);
        OwnProgram p = ProgramFile.read(f);
        assertThat(p.file()).isEqualTo(f.toAbsolutePath());
        assertThat(p.text()).isEqualTo("print('héllo')\n");
        assertThat(p.args()).isEmpty();
        assertThat(p.python()).isNull();
        assertThat(ProgramFile.read(Files.writeString(dir.resolve("gui.PYW"), "pass\n")).name()).isEqualTo("gui.PYW");
        assertThat(ProgramFile.read(Files.writeString(dir.resolve("empty.py"), "")).text()).isEmpty();
    }

    @Test
    void aFileWithoutPyIsPythonWhenItsShebangSaysSo() throws Exception {
        for (String line : new String[] {"#!/usr/bin/env python3", "#!/usr/bin/python3.12 -u", "#! /usr/bin/env -S python -X dev"}) {
            Path f = Files.writeString(dir.resolve("tool"), line + "\nprint(1)\n");
            assertThat(ProgramFile.read(f).text()).startsWith(line);
        }
        Path bash = Files.writeString(dir.resolve("tool.sh"), "#!/bin/bash\necho python\n");
        assertThatThrownBy(() -> ProgramFile.read(bash)).hasMessage("tool.sh is not a Python program: its name does"
                + " not end in .py and its first line is not a #! line naming python.");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "import os\n");
        assertThatThrownBy(() -> ProgramFile.read(notes)).hasMessageStartingWith("notes.txt is not a Python program");
    }

    @Test
    void aFileWithANulByteIsBinaryNotPython() throws Exception {
        Path f = Files.write(dir.resolve("a.py"), new byte[] {'a', '=', '1', 0, 2});
        assertThatThrownBy(() -> ProgramFile.read(f))
                .hasMessage("a.py is not a Python program: it holds a NUL byte (byte 4), as binary files do.");
    }

    @Test
    void textThatIsNotUtf8IsToldByLineAndByte() throws Exception {
        // "é" in Latin-1 on line 2, after "s = '"
        Path f = Files.write(dir.resolve("latin.py"), "print(1)\ns = '\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ProgramFile.read(f)).hasMessage("latin.py is not UTF-8 text (line 2, byte 6): save it"
                + " as UTF-8 in your editor and open it again.");
        // a character cut short at the very end
        byte[] cut = {'x', '=', 1 + '0', '\n', (byte) 0xE2, (byte) 0x82};
        Path g = Files.write(dir.resolve("cut.py"), cut);
        assertThatThrownBy(() -> ProgramFile.read(g)).hasMessageContaining("(line 2, byte 1)");
    }

    @Test
    void overOneMegabyteIsRefusedAndOneMegabyteIsNot() throws Exception {
        Path ok = Files.write(dir.resolve("big.py"), "#".repeat((int) ProgramFile.MAX_BYTES).getBytes());
        assertThat(ProgramFile.read(ok).text()).hasSize(1_048_576);
        Path big = Files.write(dir.resolve("huge.py"), "#".repeat((int) ProgramFile.MAX_BYTES + 1).getBytes());
        assertThatThrownBy(() -> ProgramFile.read(big))
                .hasMessage("huge.py is 1.0 MB: larger than the 1 MB a program opened here may be.");
    }

    @Test
    void aFolderAMissingFileAndADeviceAreSaidSo() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("lessons.py"));
        assertThatThrownBy(() -> ProgramFile.read(folder)).hasMessageStartingWith(folder + " is a folder, not a program")
                .hasMessageContaining("Open lessons folder");
        Path missing = dir.resolve("gone.py");
        assertThatThrownBy(() -> ProgramFile.read(missing)).hasMessage(missing + " does not exist.")
                .extracting(e -> ((ProgramFileException) e).kind()).isEqualTo(ProgramFileException.Kind.CANNOT_READ);
        assertThatThrownBy(() -> ProgramFile.read(Path.of("/dev/null")))
                .hasMessage("/dev/null is not a regular file (a device, a pipe or a socket), so it cannot be a program.")
                .extracting(e -> ((ProgramFileException) e).kind()).isEqualTo(ProgramFileException.Kind.NOT_A_PROGRAM);
    }

    @Test
    void aFileTheSystemWillNotReadIsUnreadable() throws Exception {
        // /proc/self/mem is a regular file that fails at its first read, for root too
        assumeThat(Files.isRegularFile(Path.of("/proc/self/mem"))).isTrue();
        Path link = Files.createSymbolicLink(dir.resolve("mem.py"), Path.of("/proc/self/mem"));
        assertThatThrownBy(() -> ProgramFile.read(link)).hasMessageStartingWith("mem.py cannot be read: ")
                .hasMessageEndingWith(".");
    }

    @Test
    void aFileWithoutReadPermissionIsUnreadable() throws Exception {
        Path f = Files.writeString(dir.resolve("secret.py"), "print(1)\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(f)).as("not root, who reads everything").isFalse();
        assertThatThrownBy(() -> ProgramFile.read(f)).hasMessage("secret.py cannot be read: permission denied.");
    }
}
