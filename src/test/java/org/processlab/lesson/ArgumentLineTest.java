package org.processlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Arguments on one line, read as a terminal reads them, and written back so that they read the same. */
class ArgumentLineTest {
    @Test
    void spacesSeparateAndQuotesKeepTogether() {
        assertThat(ArgumentLine.split("\"a b\" 7")).containsExactly("a b", "7");
        assertThat(ArgumentLine.split("  one\t two  ")).containsExactly("one", "two");
        assertThat(ArgumentLine.split("'it is' \"say \\\"hi\\\"\"")).containsExactly("it is", "say \"hi\"");
        assertThat(ArgumentLine.split("--name=\"Ada L\" x'y z'")).containsExactly("--name=Ada L", "xy z");
        assertThat(ArgumentLine.split("\"\" ''")).containsExactly("", "");
        assertThat(ArgumentLine.split("a\\ b c\\\\d")).containsExactly("a b", "c\\d");
        assertThat(ArgumentLine.split("'$HOME' *.py ~")).as("no expansions").containsExactly("$HOME", "*.py", "~");
        assertThat(ArgumentLine.split("'a\\b'")).as("single quotes keep \\").containsExactly("a\\b");
        assertThat(ArgumentLine.split("\"a\\nb\"")).as("\\n in double quotes is kept").containsExactly("a\\nb");
        assertThat(ArgumentLine.split("")).isEmpty();
        assertThat(ArgumentLine.split(null)).isEmpty();
        assertThat(ArgumentLine.split("   ")).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsSaidWithWhereItOpens() {
        assertThatThrownBy(() -> ArgumentLine.split("7 \"a b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The quote \" at character 3 is not closed: close it, or put \\ before it to mean the"
                        + " character itself.");
        assertThatThrownBy(() -> ArgumentLine.split("it's")).hasMessageStartingWith("The quote ' at character 3");
    }

    @Test
    void joinReadsBackAsTheSameArguments() {
        List<List<String>> cases = List.of(List.of("a b", "7"), List.of("", "x"), List.of("say \"hi\""),
                List.of("it's", "a \"b\" 'c'"), List.of("back\\slash", "tab\there"), List.of("--n=3", "/tmp/a.txt"),
                List.of("$HOME", "*"));
        for (List<String> args : cases) {
            assertThat(ArgumentLine.split(ArgumentLine.join(args))).as(ArgumentLine.join(args)).isEqualTo(args);
        }
        assertThat(ArgumentLine.join(List.of("a b", "7"))).isEqualTo("\"a b\" 7");
        assertThat(ArgumentLine.join(List.of("say \"hi\""))).isEqualTo("'say \"hi\"'");
        assertThat(ArgumentLine.join(List.of())).isEmpty();
    }
}
