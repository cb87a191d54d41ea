package org.processlab.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Where a run's Unix socket lives: a folder only this user can enter, so that no other user can connect to it. The
 * user's runtime folder ({@code $XDG_RUNTIME_DIR/processlab}) when the runtime folder is the user's own (owned by them,
 * mode {@code 0700}, not a link); else a fresh {@code 0700} folder under the temporary folder, made for this socket and
 * removed with it. Either is checked ({@link PrivateFolder}) right before the socket is bound in it, and sockets a killed
 * app left there are removed first ({@link DeadSockets}).
 *
 * <p>A socket's path must fit the OS's {@code sun_path} ({@value #MAX_PATH_BYTES} bytes here, what Linux and macOS
 * both take): a runtime folder too deep for one is passed over for the temporary folder.
 *
 * <p>Stateless; any thread.
 */
final class SocketFolder {
    /** Longest socket path, in bytes: macOS's {@code sun_path} holds 104 with its final NUL, Linux's 108. */
    static final int MAX_PATH_BYTES = 103;
    /** The longest socket name this class makes ({@code 0123456789abcdef.sock}). */
    static final int NAME_BYTES = 21;

    private static final Set<PosixFilePermission> OWNER_ONLY = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    /**
     * A folder for a socket, and whether it was made for it alone (and goes with it).
     *
     * @param dir   the folder, owner and mode checked
     * @param fresh true when it was made for this socket: remove it with the socket
     */
    record Place(Path dir, boolean fresh) {
    }

    private SocketFolder() {
    }

    /**
     * A folder for a new socket: under {@code runtimeDir} (the value of {@code XDG_RUNTIME_DIR}, or null) when that is
     * this user's own and short enough, else a fresh one under {@code tmp}.
     *
     * @throws IOException when no folder fits (the caller falls back to TCP)
     */
    static Place find(String runtimeDir, Path tmp) throws IOException {
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            Path runtime = Path.of(runtimeDir).toAbsolutePath();
            Path dir = runtime.resolve("processlab");
            if (fits(dir) && ownersOnly(runtime)) {
                try {
                    Place place = new Place(PrivateFolder.claimAsIs(dir), false);
                    DeadSockets.removeIn(dir);
                    return place;
                } catch (IOException notOurs) {
                    // someone else's, or others may enter it: a fresh folder instead
                }
            }
        }
        DeadSockets.removeFolders(tmp.toAbsolutePath());
        Path fresh = PrivateFolder.fresh(tmp.toAbsolutePath(), "pl-");
        if (!fits(fresh)) {
            Files.deleteIfExists(fresh);
            throw new IOException("no folder short enough for a Unix socket under " + tmp);
        }
        return new Place(fresh, true);
    }

    /** True when a socket name of {@link #NAME_BYTES} fits under {@code dir}. */
    static boolean fits(Path dir) {
        return dir.toString().getBytes(StandardCharsets.UTF_8).length + 1 + NAME_BYTES <= MAX_PATH_BYTES;
    }

    /** True when {@code dir} is a folder of this user's, not a link, that no one else may enter. */
    private static boolean ownersOnly(Path dir) {
        try {
            if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return true;
            }
            return Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).equals(PrivateFolder.me(dir))
                    && Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY);
        } catch (IOException e) {
            return false;
        }
    }
}
