package org.processlab.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.processlab.cli.Cli;

/**
 * The jar's entry point. {@code processlab run ...} (and {@code --help}, {@code --version}) run headless
 * and never start the JavaFX toolkit; anything else opens the window.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && Cli.handles(args[0])) {
            PrintStream out = new PrintStream(new java.io.BufferedOutputStream(
                    new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
            int code = Cli.execute(args, out, err);
            out.flush();
            System.exit(code);
        }
        Gui.open(args);
    }
}
