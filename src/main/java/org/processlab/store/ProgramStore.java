package org.processlab.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What ProcessLab keeps about a person's own programs, as JSON in {@code programs.json} under ProcessLab's home
 * folder ({@link ProcessLabHome}), beside {@code settings.json}: the files opened lately (newest first, at most
 * {@link #MAX_RECENT}) and, per file (by its absolute path), the arguments it runs with and the interpreter chosen
 * for it.
 *
 * <p>A missing file is an empty store; an unreadable one is set aside as {@code programs.json.bad}. Every change is
 * written at once, atomically; a write that fails is told on stderr and the app goes on. Paths are made absolute
 * and normal before they are used as keys, so {@code ./a.py} and {@code /home/x/a.py} are one file.
 *
 * <p>Threading: all methods are synchronized; any thread. No JavaFX here.
 */
public final class ProgramStore {
    /** The file's name inside the home folder. */
    public static final String FILE = "programs.json";
    /** How many recent files are kept. */
    public static final int MAX_RECENT = 10;

    /**
     * How one file is run.
     *
     * @param args   its arguments ({@code sys.argv[1:]}), never null
     * @param python the interpreter chosen for it (a path or a command name), or null for the window's
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FileSettings(List<String> args, String python) {
        /** Nothing chosen: no arguments, the window's interpreter. */
        public static final FileSettings DEFAULT = new FileSettings(List.of(), null);

        public FileSettings {
            args = args == null ? List.of() : List.copyOf(args);
            python = python == null || python.isBlank() ? null : python.strip();
        }
    }

    /** The file as written. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProgramsFile(int version, List<String> recent, Map<String, FileSettings> files) {
    }

    private final JsonFile<ProgramsFile> file;
    private final List<String> recent = new ArrayList<>();
    private final Map<String, FileSettings> files = new LinkedHashMap<>();

    private ProgramStore(Path file) {
        this.file = new JsonFile<>(file, ProgramsFile.class);
    }

    /** Reads what is kept in {@code home} (nothing when there is no file). */
    public static ProgramStore open(Path home) {
        ProgramStore s = new ProgramStore(home.resolve(FILE));
        ProgramsFile f = s.file.read();
        if (f != null) {
            if (f.recent() != null) {
                f.recent().stream().filter(Objects::nonNull).distinct().limit(MAX_RECENT).forEach(s.recent::add);
            }
            if (f.files() != null) {
                f.files().forEach((k, v) -> {
                    if (k != null && v != null) {
                        s.files.put(k, v);
                    }
                });
            }
        }
        return s;
    }

    /** The file this store is written to. */
    public Path file() {
        return file.path();
    }

    /** The files opened lately, newest first. */
    public synchronized List<Path> recent() {
        return recent.stream().map(Path::of).toList();
    }

    /** {@code program} was opened: it goes first in the recent files (the oldest goes past {@link #MAX_RECENT}). */
    public synchronized void opened(Path program) {
        String key = key(program);
        if (!recent.isEmpty() && recent.get(0).equals(key)) {
            return;
        }
        recent.remove(key);
        recent.add(0, key);
        while (recent.size() > MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
        save();
    }

    /** Drops {@code program} from the recent files (it has gone); what was chosen for it is kept. */
    public synchronized void forget(Path program) {
        if (recent.remove(key(program))) {
            save();
        }
    }

    /** How {@code program} is run: what was chosen for it, else {@link FileSettings#DEFAULT}. */
    public synchronized FileSettings of(Path program) {
        return files.getOrDefault(key(program), FileSettings.DEFAULT);
    }

    /** Runs {@code program} with {@code args} from now on. */
    public synchronized void setArgs(Path program, List<String> args) {
        FileSettings now = of(program);
        put(program, new FileSettings(args, now.python()));
    }

    /** Runs {@code program} with {@code python} (a path or a command name; null or blank: the window's) from now on. */
    public synchronized void setPython(Path program, String python) {
        FileSettings now = of(program);
        put(program, new FileSettings(now.args(), python));
    }

    private void put(Path program, FileSettings next) {
        String key = key(program);
        if (next.equals(of(program))) {
            return;
        }
        if (next.equals(FileSettings.DEFAULT)) {
            files.remove(key);
        } else {
            files.put(key, next);
        }
        save();
    }

    private void save() {
        file.write(new ProgramsFile(1, List.copyOf(recent), new LinkedHashMap<>(files)), "your programs' settings");
    }

    private static String key(Path program) {
        return program.toAbsolutePath().normalize().toString();
    }
}
