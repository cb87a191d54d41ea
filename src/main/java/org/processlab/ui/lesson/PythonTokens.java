package org.processlab.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the tokens of Python source a code block colours, in one pass over the characters with no backtracking, so
 * its time and stack depth do not grow with a token's length (a regex with alternation overflowed the stack on a
 * string literal of about a thousand characters). A lexer good enough for teaching examples, not a parser:
 * <ul>
 *   <li>A comment runs from {@code #} to the end of its line.</li>
 *   <li>A string is any Python form: {@code '…'}, {@code "…"}, {@code '''…'''}, {@code """…"""}, with a prefix of
 *       {@code r}, {@code b}, {@code u}, {@code f}, {@code t} or two of them ({@code rb}, {@code fr}, …, any case). A
 *       backslash keeps the next character inside (a raw string too, as Python reads it). A one-quote string that
 *       is not closed ends at its line's end; a three-quote one at the text's end.</li>
 *   <li>A number is decimal, hex, octal or binary, with underscores, a fraction, an exponent and a {@code j}.</li>
 *   <li>A decorator is {@code @} and a dotted name at the start of a line (elsewhere {@code @} multiplies).</li>
 *   <li>A name is a keyword, a built-in from a short list, the name a {@code def} or {@code class} defines, or
 *       plain.</li>
 * </ul>
 *
 * <p>Threading: stateless.
 */
public final class PythonTokens {
    /** What a token is; each kind is one style class of a code block ({@code lesson.css}). */
    public enum Kind {
        KEYWORD("code-keyword"), BUILTIN("code-builtin"), STRING("code-string"), COMMENT("code-comment"),
        NUMBER("code-number"), DECORATOR("code-decorator"), DEFINITION("code-definition");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        /** The style class of its runs. */
        public String styleClass() {
            return styleClass;
        }
    }

    /**
     * One token: {@code code.substring(start, end)} is of {@code kind}.
     *
     * @param start the index of its first character
     * @param end   the index after its last character
     */
    public record Token(int start, int end, Kind kind) {
    }

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");
    private static final Set<String> BUILTINS = Set.of("print", "range", "len", "int", "str", "float", "list", "dict",
            "set", "tuple", "sum", "min", "max", "sorted", "enumerate", "zip", "open", "isinstance", "super", "self",
            "__name__", "__main__");
    private static final Set<String> STRING_PREFIXES = Set.of("r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr",
            "rt");

    private PythonTokens() {
    }

    /** The tokens of {@code code}, in order, not overlapping; the characters between them are plain. */
    public static List<Token> scan(String code) {
        return new Scan(code).all();
    }

    /** One pass over one text; every loop moves {@code at} forward. */
    private static final class Scan {
        private final String s;
        private final int n;
        private final List<Token> out = new ArrayList<>();
        private int at;
        /** Only blanks since the line began (so {@code @} starts a decorator). */
        private boolean lineStart = true;
        /** The last name was {@code def} or {@code class}: the next name is what it defines. */
        private boolean defines;

        Scan(String code) {
            s = code;
            n = code.length();
        }

        List<Token> all() {
            while (at < n) {
                char c = s.charAt(at);
                if (c == '\n') {
                    lineStart = true;
                    at++;
                    continue;
                }
                if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                    at++;
                    continue;
                }
                boolean wasLineStart = lineStart;
                lineStart = false;
                if (c == '#') {
                    defines = false;
                    comment();
                } else if (c == '\'' || c == '"') {
                    string(at, at);
                } else if (isNameStart(c)) {
                    name();
                } else if (isDigit(c) || c == '.' && at + 1 < n && isDigit(s.charAt(at + 1))) {
                    number();
                } else if (c == '@' && wasLineStart && at + 1 < n && isNameStart(s.charAt(at + 1))) {
                    decorator();
                } else {
                    defines = false;
                    at++;
                }
            }
            return out;
        }

        private void add(int start, Kind kind) {
            out.add(new Token(start, at, kind));
        }

        private void comment() {
            int start = at;
            while (at < n && s.charAt(at) != '\n') {
                at++;
            }
            add(start, Kind.COMMENT);
        }

        private void name() {
            int start = at;
            while (at < n && isNamePart(s.charAt(at))) {
                at++;
            }
            String word = s.substring(start, at);
            if (at < n && (s.charAt(at) == '\'' || s.charAt(at) == '"')
                    && STRING_PREFIXES.contains(word.toLowerCase(Locale.ROOT))) {
                string(start, at);
                return;
            }
            if (KEYWORDS.contains(word)) {
                add(start, Kind.KEYWORD);
                defines = word.equals("def") || word.equals("class");
                return;
            }
            if (defines) {
                add(start, Kind.DEFINITION);
            } else if (BUILTINS.contains(word)) {
                add(start, Kind.BUILTIN);
            }
            defines = false;
        }

        /** A string from {@code start} (its prefix) whose first quote is at {@code quoteAt}. */
        private void string(int start, int quoteAt) {
            char q = s.charAt(quoteAt);
            boolean triple = quoteAt + 2 < n && s.charAt(quoteAt + 1) == q && s.charAt(quoteAt + 2) == q;
            at = quoteAt + (triple ? 3 : 1);
            while (at < n) {
                char c = s.charAt(at);
                if (c == '\\') {
                    at = Math.min(n, at + 2);
                } else if (c == q && (!triple || at + 2 < n && s.charAt(at + 1) == q && s.charAt(at + 2) == q)) {
                    at += triple ? 3 : 1;
                    break;
                } else if (c == '\n' && !triple) {
                    break;
                } else {
                    at++;
                }
            }
            defines = false;
            add(start, Kind.STRING);
        }

        private void number() {
            int start = at;
            char c = s.charAt(at);
            char next = at + 1 < n ? Character.toLowerCase(s.charAt(at + 1)) : 0;
            if (c == '0' && (next == 'x' || next == 'o' || next == 'b')) {
                at += 2;
                while (at < n && (Character.digit(s.charAt(at), 16) >= 0 || s.charAt(at) == '_')) {
                    at++;
                }
            } else {
                digits();
                if (at < n && s.charAt(at) == '.') {
                    at++;
                    digits();
                }
                if (at < n && (s.charAt(at) == 'e' || s.charAt(at) == 'E')) {
                    int e = at + 1;
                    if (e < n && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
                        e++;
                    }
                    if (e < n && isDigit(s.charAt(e))) {
                        at = e;
                        digits();
                    }
                }
                if (at < n && (s.charAt(at) == 'j' || s.charAt(at) == 'J')) {
                    at++;
                }
            }
            if (at < n && isNamePart(s.charAt(at))) {
                // a name stuck to digits ("3abc") is not a number: leave it plain
                while (at < n && isNamePart(s.charAt(at))) {
                    at++;
                }
                return;
            }
            add(start, Kind.NUMBER);
        }

        private void digits() {
            while (at < n && (isDigit(s.charAt(at)) || s.charAt(at) == '_')) {
                at++;
            }
        }

        private void decorator() {
            int start = at;
            at++;
            while (at < n && (isNamePart(s.charAt(at)) || s.charAt(at) == '.')) {
                at++;
            }
            add(start, Kind.DECORATOR);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    private static boolean isNamePart(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
