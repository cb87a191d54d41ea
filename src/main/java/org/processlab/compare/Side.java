package org.processlab.compare;

/** Which of the two runs of a {@link RunComparison}: A (the earlier one, shown on top) or B. */
public enum Side {
    A, B;

    /** The other run. */
    public Side other() {
        return this == A ? B : A;
    }
}
