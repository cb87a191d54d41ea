package org.processlab.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds files that ship with ProcessLab under the class-path folder {@code org/processlab/<name>/}
 * (the repository's {@code assets/} and {@code lessons/}, copied there by the build). Programs such as
 * the Python tracer need real files: when ProcessLab runs from a jar, the folder is copied once to
 * {@code <tmp>/processlab-<user>/<name>-<hash of the content>/} and reused by later runs.
 *
 * <p>Threading: safe from any thread; extraction is serialised.
 */
public final class Assets {
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
                List<JarEntry> entries = new ArrayList<>();
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    JarEntry je = e.nextElement();
                    if (je.getName().startsWith(base + "/") && !je.isDirectory()) {
                        entries.add(je);
                        sha.update(je.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        sha.update(Long.toString(je.getCrc()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                }
                String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
                Path target = Path.of(System.getProperty("java.io.tmpdir"),
                        "processlab-" + System.getProperty("user.name", "user"),
                        name.replace('/', '-') + "-" + hash);
                if (Files.isRegularFile(target.resolve(".complete"))) {
                    return target;
                }
                Path tmp = Files.createTempDirectory(Files.createDirectories(target.getParent()), "extract");
                for (JarEntry je : entries) {
                    Path out = tmp.resolve(je.getName().substring(base.length() + 1));
                    Files.createDirectories(out.getParent());
                    try (InputStream in = jar.getInputStream(je)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.writeString(tmp.resolve(".complete"), hash);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    if (!Files.isRegularFile(target.resolve(".complete"))) {
                        throw raced;
                    }
                }
                return target;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
