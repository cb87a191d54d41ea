/**
 * The comparison room: two runs one above the other on one time axis (each from its own start), what differs marked
 * on their lanes and listed beside them ({@link org.processlab.ui.shell.compare.CompareView} over
 * {@link org.processlab.ui.shell.compare.CompareViewModel}, which holds no control); where a person starts it
 * ({@link org.processlab.ui.shell.compare.CompareOffer}); and the window's last two runs of each lesson or program
 * ({@link org.processlab.ui.shell.compare.PreviousRuns}, a stand-in for the kept runs on disk).
 */
package org.processlab.ui.shell.compare;
