package org.processlab.model;

/**
 * A {@code Process.start()} a parent is inside: its child may exist already, but the parent has not said which it is.
 *
 * @param obj      the number of the object being started ({@link ObjectKey#obj()})
 * @param calledAt when {@code start()} was called, epoch µs
 */
record StartCall(long obj, long calledAt) {
}
