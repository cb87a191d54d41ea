package org.processlab.model;

/**
 * One kernel state the OS sampler saw for a process, kept as the letter proc(5) gives: a sample whose letter is no
 * state of a live program (X, I) draws nothing but still ends the sample before it.
 *
 * @param t     when it was seen, epoch µs
 * @param state the letter: R, S, D, T, t, Z, X or I ({@link KernelStateKind#of})
 */
record KernelSample(long t, char state) {
}
