package org.processlab.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The labels of a run's processes made unique, in the order their {@code start()} was reported: the first process
 * held in a variable keeps its name ({@code p}), the next ones held in the same variable get a number ({@code p #2},
 * {@code p #3}), as three children started in a loop into one variable do. A label that does not repeat
 * ({@code ps[0]}, {@code ps[1]}, {@code p1}) is left as it is. Numbers count over the whole run, not per parent,
 * so no two rows of the process table read the same.
 *
 * <p>Threading: not thread-safe on its own; used only on the ingest thread inside {@link RunModel#append}, under the
 * model's lock, like {@link RunFacts} which holds it.
 */
final class UniqueLabels {
    /** How many processes each label was given to so far. */
    private final Map<String, Integer> given = new HashMap<>();

    /** The label to show for the next process the program holds in {@code label}; null for a null label. */
    String next(String label) {
        if (label == null) {
            return null;
        }
        int n = given.merge(label, 1, Integer::sum);
        return n == 1 ? label : label + " #" + n;
    }
}
