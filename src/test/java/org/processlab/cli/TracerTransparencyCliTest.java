package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.processlab.cli.CliRun.Report;
import org.processlab.run.PythonInterpreter;

/** The tracer must not change the program: what it prints traced equals what it prints run plainly. */
class TracerTransparencyCliTest {
    private static final String SCRIPT = CliRun.CASES.resolve("transparency.py").toString();

    private static List<String> plain(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PythonInterpreter.locate(null).executable().toString(), SCRIPT));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(CliRun.CASES.toFile());
        pb.environment().remove("PYTHONUNBUFFERED");
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        List<String> all = new ArrayList<>(out.lines().toList());
        err.lines().forEach(l -> all.add("ERR " + l));
        all.add("EXIT " + p.exitValue());
        return all;
    }

    private static List<String> traced(Report r) {
        List<String> all = new ArrayList<>(Report.lines(r.main(), "stdout"));
        Report.lines(r.main(), "stderr").forEach(l -> all.add("ERR " + l));
        all.add("EXIT " + r.main().path("exitCode").asInt());
        return all;
    }

    @Test
    void argvPathMainSignalsAndThreadsAreAsIfRunDirectly() throws Exception {
        Report r = CliRun.json(SCRIPT, "--", "one", "two words");
        List<String> expected = plain("one", "two words");
        List<String> got = traced(r);
        assertThat(got).isEqualTo(expected);
        assertThat(got).contains("argv ['one', 'two words']", "tracer in path False", "sigterm handler True", "threads 1");
        r.assertNothingLeft();
    }

    @Test
    void tracebacksHaveNoTracerFramesAndExitCodesMatch() throws Exception {
        Report r = CliRun.json(SCRIPT, "--", "crash");
        assertThat(traced(r)).isEqualTo(plain("crash"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(String.join("\n", Report.lines(r.main(), "stderr"))).contains("KeyError: 'missing'")
                .doesNotContain("processlab").doesNotContain("sitecustomize");
    }

    @Test
    void aScriptsOwnStartMethodWinsOverTheDefaultAskedFor() {
        Report r = CliRun.json("--start-method", "fork", CliRun.CASES.resolve("chooses_own_method.py").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().path("startMethods")).extracting(JsonNode::asText).containsExactly("spawn", "forkserver");
        assertThat(Report.lines(r.main())).contains("methods used: spawn forkserver");
        assertThat(r.processes()).filteredOn(p -> "child".equals(p.path("role").asText())).hasSize(2);
        r.assertNothingLeft();
    }

    @Test
    void startMethodAskedForIsUsedWhenTheScriptDoesNotChoose() {
        Report r = CliRun.json("--start-method", "spawn", "03-process-ids");
        assertThat(r.json().path("startMethods")).extracting(JsonNode::asText).containsExactly("spawn");
        assertThat(r.role("child")).allSatisfy(c -> assertThat(c.path("startMethod").asText()).isEqualTo("spawn"));
    }
}
