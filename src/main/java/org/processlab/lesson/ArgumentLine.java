package org.processlab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A program's arguments written on one line as in a terminal: {@code "a b" 7} is two arguments, {@code a b} and
 * {@code 7}. The rules are the POSIX shell's quoting, without its expansions ({@code $}, {@code *} and {@code ~}
 * stay as typed): spaces and tabs separate arguments; {@code '…'} keeps everything inside as it is;
 * {@code "…"} too, except that {@code \"} and {@code \\} stand for {@code "} and {@code \}; outside quotes
 * {@code \} keeps the next character as it is; quoted and unquoted parts next to each other make one argument
 * ({@code --name="Ada L"}); {@code ""} is an empty argument.
 *
 * <p>Our own small parser, because the tokenizer of commons-text (on the class path) takes a quote only at the start
 * of an argument and drops {@code ""}, so {@code --name="Ada L"} and an empty argument would not read as a terminal
 * reads them.
 *
 * <p>Stateless; any thread.
 */
public final class ArgumentLine {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ArgumentLine() {
    }

    /**
     * The arguments of {@code line} (none for null or blank).
     *
     * @throws IllegalArgumentException when a quote is not closed, with a sentence for the person
     */
    public static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        if (line == null) {
            return args;
        }
        StringBuilder arg = new StringBuilder();
        boolean inArg = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            switch (c) {
                case ' ', '\t', '\n', '\r' -> {
                    if (inArg) {
                        args.add(arg.toString());
                        arg.setLength(0);
                        inArg = false;
                    }
                }
                case '\'' -> {
                    int close = line.indexOf('\'', i + 1);
                    if (close < 0) {
                        throw unclosed('\'', i);
                    }
                    arg.append(line, i + 1, close);
                    inArg = true;
                    i = close;
                }
                case '"' -> {
                    i = doubleQuoted(line, i, arg);
                    inArg = true;
                }
                case '\\' -> {
                    if (i + 1 < n) {
                        arg.append(line.charAt(++i));
                    } else {
                        arg.append('\\');
                    }
                    inArg = true;
                }
                default -> {
                    arg.append(c);
                    inArg = true;
                }
            }
        }
        if (inArg) {
            args.add(arg.toString());
        }
        return args;
    }

    /** Reads {@code "…"} opening at {@code open} into {@code arg}; returns the index of the closing quote. */
    private static int doubleQuoted(String line, int open, StringBuilder arg) {
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                c = line.charAt(++i);
            }
            arg.append(c);
        }
        throw unclosed('"', open);
    }

    private static IllegalArgumentException unclosed(char quote, int at) {
        return new IllegalArgumentException("The quote " + quote + " at character " + (at + 1)
                + " is not closed: close it, or put \\ before it to mean the character itself.");
    }

    /**
     * {@code args} written as one line that {@link #split} reads back as the same arguments: plain arguments as
     * they are, others in quotes ({@code "a b"}, {@code 'say "hi"'}, {@code ""}), double quotes first as most people
     * type them.
     */
    public static String join(List<String> args) {
        StringBuilder out = new StringBuilder();
        for (String a : args) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(quote(a));
        }
        return out.toString();
    }

    private static String quote(String a) {
        if (PLAIN.matcher(a).matches()) {
            return a;
        }
        if (a.indexOf('"') < 0 && a.indexOf('\\') < 0) {
            return '"' + a + '"';
        }
        if (a.indexOf('\'') < 0) {
            return "'" + a + "'";
        }
        return '"' + a.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
