package org.processlab.run;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.processlab.model.StartMethod;

/**
 * Runs Python programs with ProcessLab's agent in every process: the interpreter loads
 * {@code assets/tracer/boot/sitecustomize.py} through {@code PYTHONPATH}, so the script itself runs
 * exactly as {@code python3 script.py} would ({@code sys.argv}, {@code sys.path[0]}, {@code __main__}).
 */
public final class PythonTrack {
    private PythonTrack() {
    }

    /**
     * The spec for running {@code script} with {@code args}.
     *
     * @param startMethod the start method to ask for, or null for the interpreter's default
     */
    public static RunSpec spec(PythonInterpreter python, Path script, List<String> args, StartMethod startMethod,
                               String title) {
        Path tracer = Assets.tracerDir();
        Path abs = script.toAbsolutePath().normalize();
        List<String> command = new ArrayList<>();
        command.add(python.executable().toString());
        command.add(abs.toString());
        command.addAll(args);
        Map<String, String> env = new HashMap<>();
        String userPath = System.getenv("PYTHONPATH");
        String boot = tracer.resolve("boot").toString();
        env.put("PYTHONPATH", userPath == null || userPath.isEmpty() ? boot : boot + File.pathSeparator + userPath);
        env.put("PYTHONIOENCODING", "utf-8");
        if (startMethod != null) {
            env.put("PROCESSLAB_START_METHOD", startMethod.wireName());
        }
        List<String> supervisor = List.of(python.executable().toString(), "-I", "-S", tracer.resolve("supervisor.py").toString());
        return new RunSpec(title, abs.getParent(), supervisor, command, env, startMethod, null,
                RunSpec.DEFAULT_MAX_PROCESSES, Duration.ofMillis(1000), 0, 0, false, RunContainment.cgroupsWanted());
    }
}
