package org.processlab.ui;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every whole-window test shares: a driver for the app, a fresh ProcessLab home for progress and
 * run logs, and closing the app (and so every run it started) after each test.
 */
abstract class WindowTest {
    final AppDriver app = new AppDriver();

    @TempDir
    Path home;

    @AfterEach
    void closeApp() throws Exception {
        app.close();
    }
}
