package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.processlab.cli.CliRun.Report;

/** {@code run TARGET} finds a lesson by its id, its number or its name, and answers a typo with the nearest id. */
class LessonTargetCliTest {

    @Test
    void aLessonIsFoundByItsNumberOrItsNameWithoutTheNumber() {
        for (String target : new String[] {"2", "02", "first-processes"}) {
            Report r = CliRun.json(target);
            assertThat(r.exit()).as("run %s: %s", target, r).isZero();
            assertThat(r.main().path("name").asText()).isEqualTo("MainProcess");
            assertThat(r.role("child")).as("run %s ran lesson 2's two children", target).hasSize(2);
            r.assertNothingLeft();
        }
    }

    @Test
    void aMistypedIdIsAnsweredWithTheNearestOneAndNothingRuns() {
        Report r = CliRun.exec("run", "--lessons", CliRun.LESSONS.toString(), "02-first-procesess");
        assertThat(r.exit()).isEqualTo(66);
        assertThat(r.stderr()).contains("no lesson 02-first-procesess — the lessons are 1–14; nearest: 02-first-processes");
        assertThat(r.stdout()).isEmpty();

        Report name = CliRun.exec("run", "--lessons", CliRun.LESSONS.toString(), "zombie-and-orphans");
        assertThat(name.stderr()).contains("; nearest: 13-zombies-orphans");

        // one word of a lesson's name
        Report word = CliRun.exec("run", "--lessons", CliRun.LESSONS.toString(), "zombie");
        assertThat(word.exit()).isEqualTo(66);
        assertThat(word.stderr()).contains("; nearest: 13-zombies-orphans");
        Report two = CliRun.exec("run", "--lessons", CliRun.LESSONS.toString(), "memory");
        assertThat(two.stderr()).contains("; nearest: 04-own-memory or 05-shared-memory");

        Report nothingNear = CliRun.exec("run", "--lessons", CliRun.LESSONS.toString(), "quantum-computing");
        assertThat(nothingNear.exit()).isEqualTo(66);
        assertThat(nothingNear.stderr()).contains("no lesson quantum-computing — the lessons are 1–14; name one by "
                + "its number, its name (what-is-multiprocessing) or its folder (01-what-is-multiprocessing)")
                .doesNotContain("nearest");

        Report number = CliRun.exec("run", "--lessons", CliRun.LESSONS.toString(), "42");
        assertThat(number.exit()).isEqualTo(66);
        assertThat(number.stderr()).contains("no lesson 42 — the lessons are 1–14");
    }

    @Test
    void aStartMethodTheLessonDoesNotNameGetsANoteButStillRuns() {
        Report other = CliRun.json("--start-method", "forkserver", "13-zombies-orphans");
        assertThat(other.stderr()).contains("processlab: note: this lesson's example is meant for fork, spawn; "
                + "under forkserver what the lesson says may not hold");
        assertThat(other.json().path("startMethods").toString()).contains("forkserver");
        other.assertNothingLeft();

        Report named = CliRun.json("--start-method", "spawn", "13-zombies-orphans");
        assertThat(named.stderr()).doesNotContain("note:");
        named.assertNothingLeft();
    }
}
