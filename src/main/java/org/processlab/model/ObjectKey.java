package org.processlab.model;

/**
 * Names one multiprocessing {@code Process} object: the process that made it and the object's number among the objects
 * that process made (1, 2, …; {@link RunEvent.ChildMade#obj()}). Its {@link RunEvent.ChildStarting},
 * {@link RunEvent.ChildSpawned} and {@link RunEvent.ChildStarted} carry the same pair.
 *
 * @param parent the PID of the process holding the object
 * @param obj    the object's number in that process
 */
record ObjectKey(long parent, long obj) {
}
