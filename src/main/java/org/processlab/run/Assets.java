package org.processlab.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Finds files that ship with ProcessLab under the class-path folder {@code org/processlab/<name>/}
 * (the repository's {@code assets/} and {@code lessons/}, copied there by the build). Programs such as
 * the Python tracer need real files: when ProcessLab runs from a jar, the folder is copied to
 * {@code <user's cache folder>/processlab/<name>-<hash of the content>/} ({@code $XDG_CACHE_HOME}, else
 * {@code ~/.cache}) and reused by later runs.
 *
 * <p>What is run from there runs as the user in every run (the tracer's {@code sitecustomize.py}), so the folder is
 * the user's alone ({@link PrivateFolder}: owned by them, mode {@code 0700}, not a link; where the cache folder is not,
 * a fresh private temporary folder for this JVM), and a copy already there is used only when its content is the jar's,
 * file by file (CRC-32 and size, no file more), never on the word of a marker file. Python's bytecode caches in it
 * ({@code __pycache__}) cannot be checked against the jar and are removed before it is used.
 *
 * <p>Threading: safe from any thread; extraction is serialised.
 */
public final class Assets {
    /** Where extracted folders go, once found (this JVM's). */
    private static Path extractedBase;

    private Assets() {
    }

    /** The folder holding the Python tracer ({@code supervisor.py}, {@code boot/sitecustomize.py}, ...). */
    public static Path tracerDir() {
        return folder("assets/tracer");
    }

    /**
     * The real folder for class-path resources under {@code org/processlab/<name>}.
     *
     * @throws UncheckedIOException when the resources are missing or cannot be copied
     */
    public static synchronized Path folder(String name) {
        String base = "org/processlab/" + name;
        URL url = Assets.class.getClassLoader().getResource(base);
        if (url == null) {
            throw new UncheckedIOException(new IOException("ProcessLab is incomplete: " + base + " is missing from its class path"));
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            JarURLConnection conn = (JarURLConnection) url.openConnection();
            conn.setUseCaches(false);
            try (JarFile jar = conn.getJarFile()) {
                return extract(jar, base, name.replace('/', '-'), extractedBase());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The user's own folder for extracted copies: {@code $XDG_CACHE_HOME/processlab} or {@code ~/.cache/processlab} when
     * it is theirs alone (or can be made so), else a fresh private temporary folder, said once on stderr.
     */
    private static Path extractedBase() throws IOException {
        if (extractedBase != null) {
            return extractedBase;
        }
        List<Path> candidates = new ArrayList<>();
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            candidates.add(Path.of(xdg, "processlab"));
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".cache", "processlab"));
        List<String> refused = new ArrayList<>();
        for (Path c : candidates) {
            try {
                extractedBase = PrivateFolder.claim(c);
                return extractedBase;
            } catch (IOException e) {
                refused.add(String.valueOf(e.getMessage()));
            }
        }
        extractedBase = PrivateFolder.fresh(Path.of(System.getProperty("java.io.tmpdir")), "processlab-");
        System.err.println("ProcessLab: " + String.join("; ", refused) + "; its files are copied to " + extractedBase
                + " instead");
        return extractedBase;
    }

    /**
     * The folder under {@code under} holding the jar's entries below {@code base}: the one named by their content's hash
     * when what is in it is exactly that content, else a new copy put in its place.
     *
     * @param label the folder's name before the hash ({@code assets-tracer})
     */
    static Path extract(JarFile jar, String base, String label, Path under) throws IOException {
        List<JarEntry> entries = new ArrayList<>();
        MessageDigest sha = sha256();
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            JarEntry je = e.nextElement();
            if (je.getName().startsWith(base + "/") && !je.isDirectory()) {
                entries.add(je);
                sha.update(je.getName().getBytes(StandardCharsets.UTF_8));
                sha.update(Long.toString(je.getCrc()).getBytes(StandardCharsets.US_ASCII));
            }
        }
        String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        Path target = under.resolve(label + "-" + hash);
        if (holdsExactly(target, entries, base)) {
            return target;
        }
        Path fresh = Files.createTempDirectory(under, label + "-new-");
        for (JarEntry je : entries) {
            Path out = fresh.resolve(je.getName().substring(base.length() + 1));
            Files.createDirectories(out.getParent());
            try (InputStream in = jar.getInputStream(je)) {
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            // a copy that is not the jar's (changed, half made): moved aside and removed, never used
            Path old = Files.createTempDirectory(under, label + "-old-");
            Files.move(target, old.resolve("x"), StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        }
        try {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException raced) {
            // another ProcessLab of this user put its copy there first: that one if it is the jar's, else ours
            if (holdsExactly(target, entries, base)) {
                deleteTree(fresh);
                return target;
            }
            return fresh;
        }
    }

    /**
     * True when {@code dir} is a folder holding the jar's {@code entries} and nothing more: each a regular file (not a
     * link) of the entry's size and CRC-32. Python's bytecode caches are removed first (they cannot be checked).
     */
    private static boolean holdsExactly(Path dir, List<JarEntry> entries, String base) throws IOException {
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Set<Path> expected = new HashSet<>();
        for (JarEntry je : entries) {
            Path f = dir.resolve(je.getName().substring(base.length() + 1));
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.size(f) != je.getSize()
                    || crc32(f) != je.getCrc()) {
                return false;
            }
            expected.add(f);
        }
        // Another ProcessLab of this user may be running programs from this folder meanwhile: their Python writes
        // and renames bytecode caches as we walk, so an entry that vanishes mid-walk is no error.
        boolean[] foreign = {false};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (d.getFileName().toString().equals("__pycache__")) {
                    deleteTree(d);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (!expected.contains(f)) {
                    foreign[0] = true;      // a file (or link) the jar does not have: a sitecustomize of someone's, a .pth
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return !foreign[0];
    }

    private static long crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
            }
        }
        return crc.getValue();
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // what is left is in the user's own folder, and not used
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
