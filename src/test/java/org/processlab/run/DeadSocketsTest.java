package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a socket left by an app killed with SIGKILL (no clean-up ran) is removed when a later run makes its socket,
 * with its fresh folder; a socket someone still listens on, a young one, and a folder holding anything else stay.
 */
class DeadSocketsTest {

    @Test
    void aDeadSocketAndItsFolderGoAndLiveOrYoungOnesStay(@TempDir Path tmp) throws Exception {
        Path dead = socket(tmp.resolve("pl-dead"), false, true);
        Path young = socket(tmp.resolve("pl-young"), false, false);
        Path other = socket(tmp.resolve("pl-other"), false, true);
        Files.writeString(other.resolveSibling("notes.txt"), "not a socket");
        try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            Path liveSock = tmp.resolve("pl-live").resolve("b.sock");
            Files.createDirectory(liveSock.getParent());
            live.bind(UnixDomainSocketAddress.of(liveSock));
            age(liveSock);
            age(liveSock.getParent());

            SocketFolder.find(null, tmp);

            assertThat(dead.getParent()).as("the killed app's folder").doesNotExist();
            assertThat(young).as("a socket made a moment ago (an app starting)").exists();
            assertThat(other).as("a folder holding something else").exists();
            assertThat(liveSock).as("a socket someone listens on").exists();
        }
    }

    @Test
    void inTheRuntimeFolderOnlyTheDeadSocketGoes(@TempDir Path runtime) throws Exception {
        Files.setPosixFilePermissions(runtime, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path dir = runtime.resolve("processlab");
        Path dead = socket(dir, true, true);
        SocketFolder.find(runtime.toString(), runtime);
        assertThat(dead).doesNotExist();
        assertThat(dir).exists();
    }

    /** A socket file in {@code dir} (made 0700) that nothing listens on any more, made old when {@code old}. */
    private static Path socket(Path dir, boolean reuse, boolean old) throws Exception {
        if (!reuse || !Files.exists(dir)) {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
        Path s = dir.resolve("a" + System.nanoTime() % 100000 + ".sock");
        try (ServerSocketChannel c = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.bind(UnixDomainSocketAddress.of(s));
        }
        assertThat(s).exists();     // closing a bound channel leaves its file, as a SIGKILL does
        if (old) {
            age(s);
            age(dir);
        }
        return s;
    }

    private static void age(Path p) throws Exception {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(DeadSockets.OLD_AFTER.multipliedBy(2))));
    }
}
