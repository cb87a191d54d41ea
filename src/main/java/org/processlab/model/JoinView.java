package org.processlab.model;

/**
 * One {@code join()} call made by a process.
 *
 * @param child the PID it waited for
 * @param from  when it began, epoch microseconds
 * @param to    when it returned, or {@link Span#OPEN} while it still waits
 * @param reaped true when the child was reaped inside this join (its end came before {@code to})
 */
public record JoinView(long child, long from, long to, boolean reaped) {
}
