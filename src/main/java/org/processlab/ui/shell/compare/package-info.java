/**
 * The comparison room: two runs one above the other on one time axis (each from its own start), what differs marked
 * on their lanes and listed beside them ({@link org.processlab.ui.shell.compare.CompareView} over
 * {@link org.processlab.ui.shell.compare.CompareViewModel}, which holds no control); where a person starts it
 * ({@link org.processlab.ui.shell.compare.CompareOffer}). The two runs come from the kept runs of the lesson or program
 * shown ({@code ui.shell.runs}).
 */
package org.processlab.ui.shell.compare;
