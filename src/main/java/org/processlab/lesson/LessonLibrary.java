package org.processlab.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.processlab.model.StartMethod;
import org.processlab.run.Assets;

/**
 * Reads the lessons of a folder: each subfolder holding {@code lesson.md} is one lesson. A lesson that
 * cannot be read becomes a {@link LessonError} with a message naming the file and the line; the others
 * still load. Front matter is YAML (parsed by Jackson's YAML module); the body stays CommonMark text, with the files
 * its code blocks include filled in ({@link CodeIncludes}).
 *
 * <p>Threading: stateless; {@link #load} does file I/O, so call it off the FX thread.
 */
public final class LessonLibrary {
    /**
     * The largest {@code lesson.md} read, bytes (1 MiB): a page a person writes is a few kB; a larger file is refused
     * before it is read, so a huge one (a 50 MB front matter took minutes and gigabytes to parse) stalls nothing.
     */
    public static final long MAX_LESSON_BYTES = 1L << 20;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private LessonLibrary() {
    }

    /**
     * Where the built-in lessons are: the system property {@code processlab.lessons} if set, else
     * {@code lessons/} in the working directory if it exists (running from the repository), else the copy
     * inside ProcessLab's jar.
     */
    public static Path defaultRoot() {
        String prop = System.getProperty("processlab.lessons");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        Path local = Path.of("lessons");
        if (Files.isDirectory(local)) {
            return local.toAbsolutePath().normalize();
        }
        return Assets.folder("lessons");
    }

    /** Loads every lesson under {@code root}, sorted by order then id. A missing root gives an empty list. */
    public static List<LessonEntry> load(Path root) {
        List<LessonEntry> out = new ArrayList<>();
        for (String id : ids(root)) {
            out.add(loadOne(root.resolve(id)));
        }
        out.sort(Comparator.comparingInt(LessonEntry::order).thenComparing(LessonEntry::id));
        return out;
    }

    /**
     * The ids of the lessons under {@code root} (each subfolder holding {@code lesson.md}), sorted, without reading any
     * lesson: what {@link LessonFinder} needs to find one by id, number or name, so that a run by id reads only the
     * lesson asked for. A missing or unreadable root gives none.
     */
    public static List<String> ids(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            // any kind of lesson.md: one that is no file (a pipe, a device) is a lesson that shows why, not no lesson
            return dirs.filter(d -> Files.isDirectory(d) && Files.exists(d.resolve("lesson.md"), LinkOption.NOFOLLOW_LINKS))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /**
     * The lesson under {@code root} that {@code target} names (id, number or name: {@link LessonFinder#findId}), read
     * alone: found by the folders' names, so no other lesson is read and a broken or huge neighbour costs nothing.
     * Null when none (or more than one) is named so.
     */
    public static LessonEntry named(Path root, String target) {
        String id = LessonFinder.findId(ids(root), target);
        return id == null ? null : loadOne(root.resolve(id).toAbsolutePath().normalize());
    }

    private static String kindOf(Path file) {
        if (Files.isDirectory(file)) {
            return "a folder";
        }
        if (!Files.exists(file)) {
            return "a link to nothing";
        }
        try {
            String type = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).isOther()
                    ? "a pipe or a device" : "no plain file";
            return type;
        } catch (IOException e) {
            return "no plain file";
        }
    }

    /** Finds a lesson by id (its folder name), or null. */
    public static LessonEntry find(List<LessonEntry> lessons, String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * Loads one lesson folder; never throws. A lesson that cannot be used is a {@link LessonError} whose message names
     * the file, and the line where one is known, in an author's words: {@code …/03-foo/lesson.md, line 7: 'expect'
     * must be a group of fields}.
     */
    public static LessonEntry loadOne(Path dir) {
        String id = dir.getFileName().toString();
        int guessedOrder = leadingNumber(id);
        Path file = dir.resolve("lesson.md");
        try {
            if (!Files.isRegularFile(file)) {    // never opened: reading a pipe or a device could wait forever
                return new LessonError(id, dir, guessedOrder, file + ": lesson.md is not a file of text but "
                        + kindOf(file) + ", so it was not read; a lesson page is a plain text file");
            }
            long size = Files.size(file);
            if (size > MAX_LESSON_BYTES) {
                return new LessonError(id, dir, guessedOrder, file + ": the file is " + String.format(
                        java.util.Locale.ROOT, "%,d", size) + " bytes; a lesson page may be at most "
                        + String.format(java.util.Locale.ROOT, "%,d", MAX_LESSON_BYTES)
                        + " bytes (1 MiB), so it was not read");
            }
            String text;
            try {
                text = Utf8Text.decode(Files.readAllBytes(file)).replace("\r\n", "\n");
            } catch (Utf8Text.NotUtf8 e) {
                return new LessonError(id, dir, guessedOrder, file + ", line " + e.at().line() + ": lesson.md is not "
                        + "UTF-8 text (" + e.at().where() + "); save it as UTF-8 in your editor");
            }
            if (!text.startsWith("---\n")) {
                return new LessonError(id, dir, guessedOrder, file + ", line 1: the file must start with front matter "
                        + "(a line '---', then the lesson's fields, then '---')");
            }
            int end = text.indexOf("\n---", 3);
            if (end < 0) {
                return new LessonError(id, dir, guessedOrder, file + ": the front matter that starts on line 1 has no "
                        + "closing '---' line");
            }
            String yaml = text.substring(4, end + 1);
            FrontMatterLines lines = new FrontMatterLines(yaml, 2);
            int bodyStart = text.indexOf('\n', end + 4);
            String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
            int bodyLine = bodyStart < 0 ? 1 : (int) text.substring(0, bodyStart + 1).chars().filter(c -> c == '\n').count() + 1;
            FrontMatter fm;
            try {
                fm = YAML.readValue(yaml, FrontMatter.class);
            } catch (JsonProcessingException e) {
                if (YamlMistake.isSyntax(e)) {
                    // not YAML at all: the parser's line is where it gave up, often lines after the mistake
                    return new LessonError(id, dir, guessedOrder, file + YamlMistake.describe(yaml, 2, e));
                }
                JsonLocation loc = e.getLocation();
                String where = loc == null || loc.getLineNr() < 1 ? "" : ", line " + (loc.getLineNr() + 1);
                return new LessonError(id, dir, guessedOrder, file + where + ": " + plainMessage(e));
            }
            if (fm == null || fm.title() == null || fm.title().isBlank()) {
                return new LessonError(id, dir, guessedOrder, file + ": the front matter needs a title (a line "
                        + "'title: …' between the '---' lines)");
            }
            if (fm.order() == null) {
                return new LessonError(id, dir, guessedOrder, file + ": the front matter needs an order, a whole "
                        + "number (a line 'order: 3' between the '---' lines)");
            }
            List<StartMethod> methods = startMethods(fm.startMethods(), lines, file);
            Example main = null;
            if (fm.example() != null) {
                main = example(dir, fm.title(), fm.example(), fm.args(), methods, fm.expect(), lines, file);
            }
            List<Example> more = new ArrayList<>();
            for (MoreExample m : fm.more() == null ? List.<MoreExample>of() : fm.more()) {
                List<StartMethod> own = startMethods(m.startMethods(), lines, file);
                more.add(example(dir, m.title() == null ? m.example() : m.title(), m.example(), m.args(),
                        m.startMethods() == null ? methods : own, m.expect(), lines, file));
            }
            String problem = PageBounds.check(body, bodyLine);
            if (problem != null) {
                return new LessonError(id, dir, guessedOrder, file + ", " + problem);
            }
            try {
                body = CodeIncludes.expand(body, dir, bodyLine);
            } catch (IllegalArgumentException e) {
                return new LessonError(id, dir, guessedOrder, file + ", " + e.getMessage());
            }
            Set<Suggestion> suggest = EnumSet.noneOf(Suggestion.class);
            for (String word : fm.suggest() == null ? List.<String>of() : fm.suggest()) {
                try {
                    suggest.add(Suggestion.parse(word));
                } catch (IllegalArgumentException e) {
                    throw new LessonProblem(lines.at(file, "suggest", word) + e.getMessage());
                }
            }
            return new Lesson(id, dir, fm.title(), fm.order(), fm.source(), main, more, fm.predict(), body, suggest);
        } catch (java.nio.file.NoSuchFileException e) {
            return new LessonError(id, dir, guessedOrder, file + ": the file is gone (it was there when the lessons "
                    + "were listed)");
        } catch (java.nio.file.AccessDeniedException e) {
            return new LessonError(id, dir, guessedOrder, file + ": the file cannot be read: no permission");
        } catch (IOException e) {
            return new LessonError(id, dir, guessedOrder, file + ": the file cannot be read ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        } catch (LessonProblem e) {
            return new LessonError(id, dir, guessedOrder, e.getMessage());
        } catch (IllegalArgumentException e) {
            return new LessonError(id, dir, guessedOrder, file + ": " + e.getMessage());
        }
    }

    /** A problem of one lesson whose message is whole: file, line, what. */
    private static final class LessonProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LessonProblem(String message) {
            super(message, null, false, false);
        }
    }

    private static Example example(Path dir, String title, String name, List<String> args, List<StartMethod> methods,
                                   Expectation expect, FrontMatterLines lines, Path lessonFile) {
        LessonFiles.Lookup found = LessonFiles.find(dir, name);
        if (found instanceof LessonFiles.Refused r) {
            throw new LessonProblem(lines.at(lessonFile, "example", name) + "the example " + r.message());
        }
        if (expect != null) {
            for (String who : java.util.stream.Stream.concat(expect.exitCodes().stream().map(Expectation.ExitCodeRule::who),
                    expect.lines().stream().map(Expectation.LineRule::who)).toList()) {
                try {
                    Who.validate(who);
                } catch (IllegalArgumentException e) {
                    throw new LessonProblem(lines.at(lessonFile, "who", who) + e.getMessage());
                }
            }
        }
        // the path as the lesson names it (not the link-resolved one): the program sees it as its sys.argv[0]
        return new Example(title, dir.resolve(name).normalize().toAbsolutePath(), args, methods, expect);
    }

    /** The front matter's wire names as start methods (none for null); an unknown name is an error of the lesson. */
    private static List<StartMethod> startMethods(List<String> names, FrontMatterLines lines, Path lessonFile) {
        if (names == null) {
            return List.of();
        }
        List<StartMethod> out = new ArrayList<>();
        for (String name : names) {
            try {
                out.add(StartMethod.parse(name));
            } catch (IllegalArgumentException e) {
                throw new LessonProblem(lines.at(lessonFile, "startMethods", name) + e.getMessage());
            }
        }
        return out;
    }

    private static int leadingNumber(String id) {
        int i = 0;
        while (i < id.length() && Character.isDigit(id.charAt(i))) {
            i++;
        }
        return i == 0 ? Integer.MAX_VALUE : Integer.parseInt(id.substring(0, Math.min(i, 9)));
    }

    /** What went wrong in the front matter, in an author's words rather than the parser's. */
    static String plainMessage(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException v
                && v.getCause() instanceof IllegalArgumentException cause) {
            return cause.getMessage();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "'" + u.getPropertyName() + "' is not a lesson field (the fields are: "
                    + String.join(", ", u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())
                    + "; see lessons/FORMAT.md)";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null
                && !m.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    field.append(field.length() > 0 ? "." : "").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    field.append('[').append(r.getIndex() + 1).append(']');
                }
            }
            return "'" + field + "' must be " + kind(m.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list (lines starting with '- ', or [a, b])";
        }
        return "a group of fields (indented 'name: value' lines)";
    }

    /** The front matter as written (lessons/FORMAT.md). Unknown keys are errors, so typos show. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record FrontMatter(String title, Integer order, String source, String example, List<String> args,
                       List<String> startMethods, Prediction predict, Expectation expect, List<MoreExample> more,
                       @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> suggest) {
    }

    /** An entry of {@code more:}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record MoreExample(String example, String title, List<String> args, List<String> startMethods, Expectation expect) {
    }
}
