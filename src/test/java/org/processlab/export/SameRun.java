package org.processlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.processlab.model.OutputLog;
import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;

/**
 * Assertions that two runs are the same run: every component of the snapshot (its version aside) and of each process,
 * compared by reflection over the record components, so a component added later is compared too.
 */
public final class SameRun {
    private SameRun() {
    }

    /** Every component of {@code actual} equals {@code expected}'s, the version aside; the same for each process. */
    public static void assertSameRun(RunSnapshot actual, RunSnapshot expected) {
        for (RecordComponent c : RunSnapshot.class.getRecordComponents()) {
            if (c.getName().equals("version") || c.getName().equals("processes")) {
                continue;
            }
            assertThat(value(c, actual)).as("RunSnapshot.%s", c.getName()).isEqualTo(value(c, expected));
        }
        assertThat(actual.processes()).hasSameSizeAs(expected.processes());
        for (int i = 0; i < expected.processes().size(); i++) {
            for (RecordComponent c : ProcessView.class.getRecordComponents()) {
                assertThat(value(c, actual.processes().get(i))).as("processes[%d].%s", i, c.getName())
                        .isEqualTo(value(c, expected.processes().get(i)));
            }
        }
    }

    /** The same lines in the same order: time, PID, stream, text, untraced. */
    public static void assertSameLines(OutputLog actual, OutputLog expected) {
        assertThat(actual.range(0, actual.size())).isEqualTo(expected.range(0, expected.size()));
    }

    /** Each component of the records has, in one of them at least, a value that is not its type's default. */
    public static void assertEveryComponentSet(List<? extends Record> records, String what) {
        List<String> unset = new ArrayList<>();
        for (RecordComponent c : records.get(0).getClass().getRecordComponents()) {
            if (records.stream().allMatch(r -> isDefault(value(c, r)))) {
                unset.add(c.getName());
            }
        }
        assertThat(unset).as("components of %s the fixture leaves at their default (a field the format forgot would"
                + " go unseen)", what).isEmpty();
    }

    private static boolean isDefault(Object v) {
        return v == null || v.equals(0) || v.equals(0L) || v.equals(-1L) || v.equals(-1) || v.equals(false)
                || v.equals("") || v instanceof List<?> l && l.isEmpty();
    }

    public static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
