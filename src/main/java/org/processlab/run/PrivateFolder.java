package org.processlab.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * A folder only this user can enter: owned by the user running ProcessLab, mode {@code 0700}, not a symbolic link. What
 * ProcessLab runs from it (the tracer's {@code sitecustomize.py}, the lessons' examples) can then be changed by no one
 * else: a folder someone else made first, or one others may write in, is never used.
 *
 * <p>On a file system without POSIX permissions (Windows) the owner and mode are not checked; there the per-user
 * folders of the OS (the cache folder under the user's profile) are what keeps others out.
 *
 * <p>Stateless; safe from any thread.
 */
final class PrivateFolder {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateFolder() {
    }

    /**
     * {@code dir}, made with mode {@code 0700} if it is not there (its parents as the OS makes them). One there already
     * is used when it is a folder, not a link, owned by this user; its mode is then narrowed to {@code 0700}.
     *
     * @return {@code dir}
     * @throws IOException when it cannot be made, or it is there and is not this user's folder (the message says why)
     */
    static Path claim(Path dir) throws IOException {
        return claim(dir, true);
    }

    /**
     * As {@link #claim}, but a folder already there whose mode is not {@code 0700} is refused, not narrowed: others
     * could enter it until now, so what is in it is not known to be ours (a socket's folder, where a stranger could
     * have left a link in the socket's place).
     *
     * @return {@code dir}
     * @throws IOException when it cannot be made, or it is there and is not this user's {@code 0700} folder
     */
    static Path claimAsIs(Path dir) throws IOException {
        return claim(dir, false);
    }

    private static Path claim(Path dir, boolean narrow) throws IOException {
        boolean posix = posix(dir);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            try {
                Files.createDirectory(dir, ownerOnly(posix));
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile: checked below like any folder already there
            }
        }
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a folder of its own (a link or a file is there), so it is not used");
        }
        if (posix) {
            UserPrincipal owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
            UserPrincipal me = me(dir);
            if (!owner.equals(me)) {
                throw new IOException(dir + " belongs to " + owner.getName() + ", not to " + me.getName()
                        + ", so it is not used");
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (!mode.equals(OWNER_ONLY)) {
                if (!narrow) {
                    throw new IOException(dir + " has mode " + PosixFilePermissions.toString(mode)
                            + ", not rwx------, so it is not used");
                }
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
        }
        return dir;
    }

    /** The user running ProcessLab, as the file system of {@code p} names owners. */
    static UserPrincipal me(Path p) throws IOException {
        return p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
    }

    /** A new folder under {@code parent} (the system's temporary folder) that only this user can enter. */
    static Path fresh(Path parent, String prefix) throws IOException {
        return Files.createTempDirectory(parent, prefix, ownerOnly(posix(parent)));
    }

    private static FileAttribute<?>[] ownerOnly(boolean posix) {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
