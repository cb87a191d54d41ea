package org.processlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code processlab} as its own JVM, as a person runs the jar (same main class, same class path). Its stdin is
 * /dev/null, so no program of a test waits for input (the CLI passes its stdin through); a test that types to the
 * program sets {@code redirectInput(PIPE)} itself.
 */
final class JarProcess {
    private JarProcess() {
    }

    static ProcessBuilder builder(String... args) {
        return builder(List.of(), args);
    }

    /** As {@link #builder(String...)}, with options for the JVM ({@code -Dprocesslab.trace=tcp}). */
    static ProcessBuilder builder(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.processlab.app.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }

    static Process start(String... args) throws IOException {
        return builder(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
