/**
 * Two runs side by side, as data: which process of one run is which process of the other
 * ({@link org.processlab.compare.RunComparison#of}), and what differs between them: processes present in only one
 * run, exit codes, durations with their ratio, and the order in which lines of different processes were printed.
 *
 * <p>A layer beside {@code lesson}, {@code store} and {@code export}: it reads runs ({@code model}, and
 * {@code export}'s saved runs) and knows no window. Everything here is immutable and pure (any thread).
 */
package org.processlab.compare;
