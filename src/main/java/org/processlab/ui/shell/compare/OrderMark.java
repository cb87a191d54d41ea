package org.processlab.ui.shell.compare;

/**
 * One line of an order difference marked on both timelines: a numbered badge over its tick, the same number on the
 * other line of the difference, so a person sees the two badges swap places between A and B.
 *
 * @param number the difference's number in the list (1, 2, 3)
 * @param row    the row of the process that printed it
 * @param fromStartA when A printed it, µs from A's start
 * @param fromStartB when B printed it, µs from B's start
 */
public record OrderMark(int number, int row, long fromStartA, long fromStartB) {
}
