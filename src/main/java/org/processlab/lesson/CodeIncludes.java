package org.processlab.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the files a lesson's code blocks include into its Markdown, so the page shows the very program that runs
 * (lessons/FORMAT.md): a fenced block whose info string names {@code file=NAME} and whose body is empty gets the
 * file's text as its body. The file follows {@link LessonFiles}' rule (inside the lesson's folder).
 *
 * <p>Fences are found line by line as CommonMark opens and closes them at the top level of the page (up to three
 * spaces before the fence; a fence inside a list or a quote is not an include). The fence written around an included
 * file is made longer than any fence-like line in the file, so the file cannot close it early.
 *
 * <p>Threading: stateless; it reads files, so call it off the FX thread.
 */
public final class CodeIncludes {
    /** The largest file a page includes, bytes: a lesson's example is a page of code, not a data file. */
    public static final long MAX_BYTES = 256 * 1024;

    private static final Pattern OPENING = Pattern.compile("^( {0,3})(`{3,}|~{3,})(.*)$");

    private CodeIncludes() {
    }

    /**
     * {@code markdown} with every include filled in.
     *
     * @param folder    the lesson's folder
     * @param firstLine the line number of the Markdown's first line in lesson.md (for messages)
     * @throws IllegalArgumentException naming the line and the file, when an include breaks the rule, its file
     *                                  cannot be read, its block is not empty or not closed
     */
    public static String expand(String markdown, java.nio.file.Path folder, int firstLine) {
        String[] lines = markdown.split("\n", -1);
        StringBuilder out = new StringBuilder(markdown.length());
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            Matcher open = OPENING.matcher(line);
            if (!open.matches() || open.group(2).charAt(0) == '`' && open.group(3).indexOf('`') >= 0) {
                append(out, line, i, lines.length);
                i++;
                continue;
            }
            char fenceChar = open.group(2).charAt(0);
            int fenceLength = open.group(2).length();
            int close = closingLine(lines, i + 1, fenceChar, fenceLength);
            FenceInfo info = FenceInfo.parse(open.group(3));
            if (info.file() == null) {
                int end = close < 0 ? lines.length - 1 : close;
                for (int k = i; k <= end; k++) {
                    append(out, lines[k], k, lines.length);
                }
                i = end + 1;
                continue;
            }
            String where = "line " + (firstLine + i) + ": the code block that includes '" + info.file() + "'";
            if (close < 0) {
                throw new IllegalArgumentException(where + " has no closing " + open.group(2) + " line");
            }
            for (int k = i + 1; k < close; k++) {
                if (!lines[k].isBlank()) {
                    throw new IllegalArgumentException(where + " must be empty: the page shows the file itself");
                }
            }
            String text = read(info.file(), folder, where);
            String fence = String.valueOf(fenceChar).repeat(Math.max(fenceLength, longestFence(text, fenceChar) + 1));
            out.append(open.group(1)).append(fence).append(open.group(3)).append('\n');
            // CommonMark takes the opening fence's indent off every line of the body: give it back
            if (!text.isEmpty()) {
                for (String fileLine : text.split("\n", -1)) {
                    out.append(fileLine.isEmpty() ? "" : open.group(1)).append(fileLine).append('\n');
                }
                if (text.endsWith("\n")) {
                    out.setLength(out.length() - 1);    // the split's last, empty piece
                }
            }
            append(out, open.group(1) + fence, close, lines.length);
            i = close + 1;
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String line, int index, int count) {
        out.append(line);
        if (index < count - 1) {
            out.append('\n');
        }
    }

    /** The index of the line that closes a fence of {@code length} {@code c}s opened before {@code from}, or -1. */
    private static int closingLine(String[] lines, int from, char c, int length) {
        for (int k = from; k < lines.length; k++) {
            String t = lines[k];
            int at = 0;
            while (at < t.length() && at < 4 && t.charAt(at) == ' ') {
                at++;
            }
            if (at > 3) {
                continue;
            }
            int run = 0;
            while (at + run < t.length() && t.charAt(at + run) == c) {
                run++;
            }
            if (run >= length && t.substring(at + run).isBlank()) {
                return k;
            }
        }
        return -1;
    }

    /** The longest run of {@code c} that starts a line of {@code text} (after up to three spaces). */
    private static int longestFence(String text, char c) {
        int longest = 0;
        for (String t : text.split("\n", -1)) {
            String s = t.stripLeading();
            if (t.length() - s.length() > 3) {
                continue;
            }
            int run = 0;
            while (run < s.length() && s.charAt(run) == c) {
                run++;
            }
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static String read(String name, java.nio.file.Path folder, String where) {
        LessonFiles.Lookup found = LessonFiles.find(folder, name);
        if (found instanceof LessonFiles.Refused r) {
            throw new IllegalArgumentException(where + ": " + r.message());
        }
        java.nio.file.Path file = ((LessonFiles.Found) found).file();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(where + ": the file is larger than " + MAX_BYTES / 1024
                        + " KiB; a page includes a program, not data");
            }
            return Utf8Text.decode(Files.readAllBytes(file)).replace("\r\n", "\n");
        } catch (Utf8Text.NotUtf8 e) {
            throw new IllegalArgumentException(where + ": the file is not UTF-8 text (" + e.at().where()
                    + "); save it as UTF-8");
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": the file cannot be read (" + e.getMessage() + ")");
        }
    }
}
