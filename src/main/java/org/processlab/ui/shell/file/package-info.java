/**
 * The File room: a person's own program and a course of their own. {@link org.processlab.ui.shell.file.FileViewModel}
 * (opening a program three ways, recent files, each file's arguments and interpreter, a lessons folder, Reload),
 * {@link org.processlab.ui.shell.file.FileMenuView} (the header's File menu and the course's name),
 * {@link org.processlab.ui.shell.file.ProgramBarView} (Arguments and Interpreter under the run toolbar),
 * {@link org.processlab.ui.shell.file.FileDrop} (a file dropped on the window) and
 * {@link org.processlab.ui.shell.file.FileDialogs} (the system's file dialogs, and the tests' seam in their place).
 * A file is read and checked by {@link org.processlab.lesson.ProgramFile}; what is kept, by
 * {@link org.processlab.store.ProgramStore}.
 */
package org.processlab.ui.shell.file;
