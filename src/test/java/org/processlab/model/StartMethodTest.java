package org.processlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Start methods and their wire names. */
class StartMethodTest {

    @Test
    void eachMethodHasTheNamePythonGivesIt() {
        assertThat(StartMethod.values()).extracting(StartMethod::wireName).containsExactly("fork", "spawn", "forkserver");
        for (StartMethod m : StartMethod.values()) {
            assertThat(StartMethod.parse(m.wireName())).isEqualTo(m);
            assertThat(m).hasToString(m.wireName());
        }
    }

    @Test
    void theDefaultIsNoMethodAndAnUnknownNameIsAnError() {
        assertThat(StartMethod.fromWire(null)).isEmpty();
        assertThat(StartMethod.fromWire("Default")).isEmpty();
        assertThat(StartMethod.fromWire("FORK")).as("names are lower case, as Python's").isEmpty();
        assertThatThrownBy(() -> StartMethod.parse("threads")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown start method 'threads' (use fork, spawn or forkserver)");
    }
}
