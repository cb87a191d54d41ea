package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ProcFsTest {
    @Test
    void parsesACommandNameWithSpacesAndParentheses() {
        ProcFs.Stat s = ProcFs.parse("42 (my (odd) name) S 7 42 42 0 -1 4194304 1 0 0 0 0 0 0 0 30 10 1 0 12345 0 0");
        assertThat(s.pid()).isEqualTo(42);
        assertThat(s.comm()).isEqualTo("my (odd) name");
        assertThat(s.state()).isEqualTo('S');
        assertThat(s.ppid()).isEqualTo(7);
        assertThat(s.startTicks()).isEqualTo(12345);
        assertThat(s.nice()).as("field 19").isEqualTo(10);
    }

    @Test
    void readsThisJvm() {
        Assumptions.assumeTrue(ProcFs.available());
        long me = ProcessHandle.current().pid();
        ProcFs.Stat s = ProcFs.stat(me).orElseThrow();
        assertThat(s.pid()).isEqualTo(me);
        assertThat(ProcFs.isSame(me, s.startTicks())).isTrue();
        assertThat(ProcFs.isSame(me, s.startTicks() + 1)).isFalse();
        long start = ProcFs.epochMicrosOfTicks(s.startTicks());
        long jvmStart = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli() * 1000;
        assertThat(Math.abs(start - jvmStart)).isLessThan(1_500_000);
    }
}
