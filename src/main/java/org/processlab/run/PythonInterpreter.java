package org.processlab.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Python 3 interpreter, resolved once to its real executable. A version manager's shim (pyenv,
 * asdf) can cost 300 ms a start; asking the interpreter for {@code sys.executable} once and running that
 * afterwards skips it for every process of every run.
 *
 * @param executable the real interpreter ({@code sys.executable})
 * @param version    e.g. {@code 3.11.7}
 */
public record PythonInterpreter(Path executable, String version) {
    /** How to get Python, for messages. */
    public static final String HOW_TO_GET = "Install Python 3.8 or newer (Debian/Ubuntu: sudo apt install python3; "
            + "macOS: brew install python; Windows: python.org), or give its path with --python "
            + "or in the window's Python field.";

    private static final Map<String, PythonInterpreter> CACHE = new ConcurrentHashMap<>();

    /**
     * Finds Python: {@code configured} if given (a path or a command name), else {@code python3} (then
     * {@code python}) on the PATH; then resolves it. Results are cached per {@code configured} value.
     *
     * @throws InterpreterNotFoundException with a message that says what was tried and how to get Python
     */
    public static PythonInterpreter locate(String configured) throws InterpreterNotFoundException {
        String key = configured == null || configured.isBlank() ? "" : configured.trim();
        PythonInterpreter cached = CACHE.get(key);
        if (cached != null && Files.isExecutable(cached.executable())) {
            return cached;
        }
        Path candidate;
        if (!key.isEmpty()) {
            boolean isPath = key.contains(File.separator) || key.contains("/");
            candidate = isPath ? Path.of(key) : onPath(key);
            if (candidate == null) {
                throw notFound("Python interpreter not found: " + key + " is not on the PATH");
            }
            if (!Files.exists(candidate)) {
                throw notFound("Python interpreter not found: " + key + " does not exist");
            }
            if (Files.isDirectory(candidate)) {
                throw notFound("Python interpreter not found: " + key + " is a folder (a virtual environment's"
                        + " interpreter is the file bin/python inside it)");
            }
            if (!Files.isRegularFile(candidate)) {
                throw notFound("Python interpreter not found: " + key + " is not a file");
            }
            if (!Files.isExecutable(candidate)) {
                throw notFound(key + " is not executable (chmod +x makes it so, if it is a Python)");
            }
        } else {
            candidate = onPath("python3");
            if (candidate == null) {
                candidate = onPath("python");
            }
            if (candidate == null) {
                throw notFound("No python3 on the PATH");
            }
        }
        PythonInterpreter resolved = resolve(candidate);
        CACHE.put(key, resolved);
        return resolved;
    }

    private static PythonInterpreter resolve(Path candidate) throws InterpreterNotFoundException {
        try {
            Process p = new ProcessBuilder(candidate.toString(), "-I", "-c",
                    "import sys; print(sys.executable); print('%d.%d.%d' % sys.version_info[:3])")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw notFound(candidate + " did not answer within 20 s");
            }
            List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
            if (p.exitValue() != 0 || lines.size() < 2 || !lines.get(1).startsWith("3.")) {
                // its first line only, cut short: a program that is not Python may echo our whole query back
                String said = lines.isEmpty() ? "" : lines.get(0).strip();
                if (said.length() > 80) {
                    said = said.substring(0, 77) + "...";
                }
                throw notFound(candidate + " is not a working Python 3"
                        + (said.isEmpty() ? " (it printed nothing, exit status " + p.exitValue() + ")"
                        : " (asked for its version, it said: " + said + ")"));
            }
            String[] v = lines.get(1).strip().split("\\.");
            if (Integer.parseInt(v[0]) == 3 && Integer.parseInt(v[1]) < 8) {
                throw notFound(candidate + " is Python " + lines.get(1).strip()
                        + ", too old: ProcessLab needs Python 3.8 or newer");
            }
            Path real = lines.get(0).isBlank() ? candidate : Path.of(lines.get(0).strip());
            return new PythonInterpreter(Files.isExecutable(real) ? real : candidate, lines.get(1).strip());
        } catch (IOException e) {
            throw notFound("Cannot start " + candidate + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterpreterNotFoundException("Interrupted while checking " + candidate);
        }
    }

    private static InterpreterNotFoundException notFound(String reason) {
        return new InterpreterNotFoundException(reason, HOW_TO_GET);
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String n : windows ? List.of(name + ".exe", name) : List.of(name)) {
                Path p = Path.of(dir, n);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
