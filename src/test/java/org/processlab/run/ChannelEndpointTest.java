package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a run's trace channel listens: a Unix socket in a folder only this user can enter (the runtime folder's
 * {@code processlab}, or a fresh {@code 0700} one), never in a folder someone else made or others may enter; loopback
 * TCP where no folder will do or when asked for.
 */
class ChannelEndpointTest {
    @TempDir
    Path dir;

    private Path runtime() throws IOException {
        Path r = Files.createDirectory(dir.resolve("run-user"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(r, PosixFilePermissions.fromString("rwx------"));
        return r;
    }

    private Path tmp() throws IOException {
        return Files.createDirectories(dir.resolve("tmp"));
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theSocketGoesInTheRuntimeFoldersOwnFolderAndIsRemovedAtClose() throws Exception {
        Path runtime = runtime();
        Path socket;
        try (ChannelEndpoint e = ChannelEndpoint.open(ChannelKind.UNIX, runtime.toString(), tmp(), true)) {
            assertThat(e.kind()).isEqualTo(ChannelKind.UNIX);
            assertThat(e.address()).startsWith("unix:" + runtime.resolve("processlab") + "/").endsWith(".sock");
            socket = Path.of(e.address().substring("unix:".length()));
            assertThat(socket.toString().getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(SocketFolder.MAX_PATH_BYTES);
            assertThat(mode(socket.getParent())).isEqualTo("rwx------");
            assertThat(socket).exists();
            try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                assertThat(c.isConnected()).isTrue();
            }
        }
        assertThat(socket).doesNotExist();
        assertThat(socket.getParent()).as("the shared folder stays").isDirectory();
    }

    @Test
    void aFolderSomeoneElseMadeIsNotUsed() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "giving a folder to another user needs root");
        Path runtime = runtime();
        Path theirs = Files.createDirectory(runtime.resolve("processlab"));
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwx------"));
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(theirs, nobody);
        assertFreshFolderInstead(runtime, theirs);
        assertThatThrownBy(() -> PrivateFolder.claimAsIs(theirs)).hasMessageContaining("belongs to nobody");
    }

    @Test
    void aFolderOthersMayEnterIsNotUsedNorNarrowed() throws Exception {
        Path runtime = runtime();
        Path open = Files.createDirectory(runtime.resolve("processlab"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertFreshFolderInstead(runtime, open);
        assertThat(mode(open)).as("left as it was").isEqualTo("rwxrwxrwx");
        assertThatThrownBy(() -> PrivateFolder.claimAsIs(open)).hasMessageContaining("has mode rwxrwxrwx");
    }

    @Test
    void aLinkInThePlaceOfTheFolderIsNotFollowed() throws Exception {
        Path runtime = runtime();
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(runtime.resolve("processlab"), elsewhere);
        assertFreshFolderInstead(runtime, link);
        try (var in = Files.list(elsewhere)) {
            assertThat(in).as("nothing was made through the link").isEmpty();
        }
    }

    @Test
    void aRuntimeFolderOthersMayEnterIsPassedOver() throws Exception {
        Path runtime = runtime();
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertFreshFolderInstead(runtime, runtime.resolve("processlab"));
        assertThat(runtime.resolve("processlab")).doesNotExist();
    }

    @Test
    void aRuntimeFolderTooDeepForASocketPathIsPassedOver() throws Exception {
        Path deep = runtime();
        while (SocketFolder.fits(deep.resolve("processlab"))) {
            deep = Files.createDirectory(deep.resolve("deeper-and-deeper"));
        }
        Files.setPosixFilePermissions(deep, PosixFilePermissions.fromString("rwx------"));
        assertFreshFolderInstead(deep, deep.resolve("processlab"));
    }

    @Test
    void withNoFolderShortEnoughItFallsBackToTcpUnlessUnixWasAskedFor() throws Exception {
        Path deepTmp = tmp();
        while (SocketFolder.fits(deepTmp.resolve("pl-0123456789012345678"))) {
            deepTmp = Files.createDirectory(deepTmp.resolve("deeper-and-deeper"));
        }
        try (ChannelEndpoint e = ChannelEndpoint.open(ChannelKind.UNIX, null, deepTmp, false)) {
            assertThat(e.kind()).isEqualTo(ChannelKind.TCP);
            assertThat(e.address()).matches("tcp:127\\.0\\.0\\.1:\\d+");
        }
        Path finalTmp = deepTmp;
        assertThatThrownBy(() -> ChannelEndpoint.open(ChannelKind.UNIX, null, finalTmp, true))
                .isInstanceOf(IOException.class).hasMessageContaining("no folder short enough");
        try (var in = Files.list(deepTmp)) {
            assertThat(in).as("no folder left behind").isEmpty();
        }
    }

    @Test
    void tcpWhenAskedFor() throws Exception {
        try (ChannelEndpoint e = ChannelEndpoint.open(ChannelKind.TCP, runtime().toString(), tmp(), true)) {
            assertThat(e.kind()).isEqualTo(ChannelKind.TCP);
            assertThat(e.address()).matches("tcp:127\\.0\\.0\\.1:\\d+");
        }
    }

    @Test
    void theSwitchNamesTheKind() {
        String before = System.getProperty(ChannelKind.PROPERTY);
        try {
            System.setProperty(ChannelKind.PROPERTY, "tcp");
            assertThat(ChannelKind.chosen()).isEqualTo(ChannelKind.TCP);
            System.setProperty(ChannelKind.PROPERTY, "UNIX");
            assertThat(ChannelKind.chosen()).isEqualTo(ChannelKind.UNIX);
            System.setProperty(ChannelKind.PROPERTY, "carrier-pigeon");
            assertThatThrownBy(ChannelKind::chosen).hasMessageContaining("unix or tcp");
            System.clearProperty(ChannelKind.PROPERTY);
            assertThat(ChannelKind.chosen()).isEqualTo(ChannelKind.UNIX);
        } finally {
            if (before == null) {
                System.clearProperty(ChannelKind.PROPERTY);
            } else {
                System.setProperty(ChannelKind.PROPERTY, before);
            }
        }
    }

    /** The socket goes in a fresh 0700 folder under tmp, not in {@code refused}; the folder goes with it. */
    private void assertFreshFolderInstead(Path runtime, Path refused) throws Exception {
        Path socket;
        try (ChannelEndpoint e = ChannelEndpoint.open(ChannelKind.UNIX, runtime.toString(), tmp(), true)) {
            socket = Path.of(e.address().substring("unix:".length()));
            assertThat(socket.getParent().getParent()).isEqualTo(tmp().toAbsolutePath());
            assertThat(socket.startsWith(refused)).isFalse();
            assertThat(mode(socket.getParent())).isEqualTo("rwx------");
            assertThat(Files.getOwner(socket.getParent()).getName()).isEqualTo(System.getProperty("user.name"));
            try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                c.connect(UnixDomainSocketAddress.of(socket));
                c.write(ByteBuffer.wrap(new byte[] {'{'}));
            }
        }
        assertThat(socket.getParent()).as("the fresh folder goes with its socket").doesNotExist();
    }
}
