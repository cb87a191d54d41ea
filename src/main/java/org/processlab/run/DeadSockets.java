package org.processlab.run;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Trace sockets an app left behind when it was killed (SIGKILL skips every clean-up): a socket file no one listens on
 * any more, and its fresh {@code pl-*} folder. Removed when a new socket is made, so that they do not pile up.
 *
 * <p>Dead means: older than {@link #OLD_AFTER} (a younger one may be an app starting) and refusing a connection
 * ({@code ECONNREFUSED}: nothing is bound to it). A live app's socket accepts, and the connection is closed at once,
 * before any hello: the app does not count that as a refused connection. Only this user's own entries are looked at;
 * anything else is left as it is.
 *
 * <p>Stateless; any thread. Never throws.
 */
final class DeadSockets {
    /** How old a socket must be before it may be called dead. */
    static final Duration OLD_AFTER = Duration.ofMinutes(1);

    private DeadSockets() {
    }

    /** Removes the dead {@code *.sock} files of {@code dir} (the runtime folder's {@code processlab}). */
    static void removeIn(Path dir) {
        try (DirectoryStream<Path> socks = Files.newDirectoryStream(dir, "*.sock")) {
            for (Path s : socks) {
                if (dead(s)) {
                    Files.deleteIfExists(s);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not there, or not ours to look at
        }
    }

    /** Removes the {@code pl-*} folders under {@code tmp} that are this user's and hold nothing but dead sockets. */
    static void removeFolders(Path tmp) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, "pl-*")) {
            for (Path f : folders) {
                if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS) && mine(f) && old(f) && onlyDeadSockets(f)) {
                    removeIn(f);
                    Files.deleteIfExists(f);   // fails, and is left, if anything else is in it
                }
            }
        } catch (IOException | RuntimeException e) {
            // not there, or not ours to look at
        }
    }

    private static boolean onlyDeadSockets(Path folder) throws IOException {
        try (DirectoryStream<Path> all = Files.newDirectoryStream(folder)) {
            for (Path p : all) {
                if (!p.getFileName().toString().endsWith(".sock") || !dead(p)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean dead(Path socket) {
        if (!isSocket(socket) || !mine(socket) || !old(socket)) {
            return false;
        }
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            return false;                                   // someone listens
        } catch (ConnectException refused) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;                                   // cannot tell: leave it
        }
    }

    private static boolean isSocket(Path p) {
        try {
            return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .isOther();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean mine(Path p) {
        try {
            return Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).equals(PrivateFolder.me(p));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean old(Path p) {
        try {
            FileTime m = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
            return m.toInstant().isBefore(Instant.now().minus(OLD_AFTER));
        } catch (IOException e) {
            return false;
        }
    }
}
