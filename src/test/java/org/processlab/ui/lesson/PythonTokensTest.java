package org.processlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.ui.lesson.PythonTokens.Kind;
import org.processlab.ui.lesson.PythonTokens.Token;

/** The scanner names every Python token form, in one pass, whatever a token's length. */
class PythonTokensTest {

    /** Each token of {@code code} as "KIND:text". */
    private static List<String> tokens(String code) {
        return PythonTokens.scan(code).stream().map(t -> t.kind() + ":" + code.substring(t.start(), t.end())).toList();
    }

    @Test
    void namesKeywordsBuiltinsAndWhatDefAndClassDefine() {
        assertThat(tokens("def print_square(num):\n    return len(num) if num is not None else print"))
                .containsExactly("KEYWORD:def", "DEFINITION:print_square", "KEYWORD:return", "BUILTIN:len",
                        "KEYWORD:if", "KEYWORD:is", "KEYWORD:not", "KEYWORD:None", "KEYWORD:else", "BUILTIN:print");
        assertThat(tokens("class Worker(mp.Process):\n    pass")).containsExactly("KEYWORD:class", "DEFINITION:Worker",
                "KEYWORD:pass");
        assertThat(tokens("if __name__ == \"__main__\":")).containsExactly("KEYWORD:if", "BUILTIN:__name__",
                "STRING:\"__main__\"");
        assertThat(tokens("printer = define + classy")).isEmpty();
    }

    @Test
    void everyStringForm() {
        assertThat(tokens("a = 'x' + \"y\" + '''t\n'q'\n''' + \"\"\"d\"\"\""))
                .containsExactly("STRING:'x'", "STRING:\"y\"", "STRING:'''t\n'q'\n'''", "STRING:\"\"\"d\"\"\"");
        assertThat(tokens("r'\\d' b\"\\x00\" f'{x}' u'u' Rb'z' fR\"\"\"w\"\"\" br''"))
                .containsExactly("STRING:r'\\d'", "STRING:b\"\\x00\"", "STRING:f'{x}'", "STRING:u'u'", "STRING:Rb'z'",
                        "STRING:fR\"\"\"w\"\"\"", "STRING:br''");
        assertThat(tokens("'it\\'s' \"say \\\"hi\\\"\" r'\\''")).containsExactly("STRING:'it\\'s'",
                "STRING:\"say \\\"hi\\\"\"", "STRING:r'\\''");
        assertThat(tokens("x = 'open\nprint(1)")).as("a one-quote string ends at its line's end")
                .containsExactly("STRING:'open", "BUILTIN:print", "NUMBER:1");
        assertThat(tokens("x = '''open\nprint(1)")).as("a three-quote string runs to the end")
                .containsExactly("STRING:'''open\nprint(1)");
        assertThat(tokens("s = '# not a comment'  # a comment"))
                .containsExactly("STRING:'# not a comment'", "COMMENT:# a comment");
        assertThat(tokens("rb = br")).as("a prefix alone is a name").isEmpty();
    }

    @Test
    void numbersAndDecorators() {
        assertThat(tokens("x = 10 + 3.14 + .5 + 1e-3 + 10_000 + 0x1F + 0o17 + 0b101 + 2j + x2"))
                .containsExactly("NUMBER:10", "NUMBER:3.14", "NUMBER:.5", "NUMBER:1e-3", "NUMBER:10_000",
                        "NUMBER:0x1F", "NUMBER:0o17", "NUMBER:0b101", "NUMBER:2j");
        assertThat(tokens("@mp.decorated\ndef f(): pass\ny = a @b"))
                .containsExactly("DECORATOR:@mp.decorated", "KEYWORD:def", "DEFINITION:f", "KEYWORD:pass");
        assertThat(tokens("    @functools.cache\n")).containsExactly("DECORATOR:@functools.cache");
    }

    @Test
    void aMegabyteStringLiteralIsOneToken() {
        String body = "x".repeat(1 << 20);
        for (String q : List.of("'", "\"", "'''", "\"\"\"")) {
            String code = "s = " + q + body + q + "\nprint(s)\n";
            List<Token> all = PythonTokens.scan(code);
            assertThat(all).hasSize(2);
            assertThat(all.get(0).kind()).isEqualTo(Kind.STRING);
            assertThat(all.get(0).end() - all.get(0).start()).isEqualTo(body.length() + 2 * q.length());
        }
        String escapes = "s = '" + "\\'".repeat(1 << 19) + "'";
        assertThat(PythonTokens.scan(escapes)).singleElement().extracting(Token::end).isEqualTo(escapes.length());
    }

    @Test
    void theTokensCoverNothingTwiceAndStayInOrder() {
        String code = HighlightLookTest.SAMPLE;
        int at = 0;
        for (Token t : PythonTokens.scan(code)) {
            assertThat(t.start()).isGreaterThanOrEqualTo(at);
            assertThat(t.end()).isGreaterThan(t.start());
            at = t.end();
        }
        assertThat(at).isLessThanOrEqualTo(code.length());
    }
}
