package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** Each command is one JSON line, {@code k} first, with the field names of PROTOCOL.md's "App → supervisor". */
class CommandEncoderTest {
    private static String line(SupervisorCommand c) {
        return new String(CommandEncoder.encode(c), StandardCharsets.UTF_8);
    }

    @Test
    void stopKillAndNiceAreWrittenAsTheProtocolSays() {
        assertThat(line(new SupervisorCommand.Stop(1500))).isEqualTo("{\"k\":\"stop\",\"graceMs\":1500}\n");
        assertThat(line(new SupervisorCommand.Kill())).isEqualTo("{\"k\":\"kill\"}\n");
        assertThat(line(new SupervisorCommand.Nice(10))).isEqualTo("{\"k\":\"nice\",\"steps\":10}\n");
    }

    @Test
    void interruptIsACommandWithoutFields() {
        assertThat(line(new SupervisorCommand.Interrupt())).isEqualTo("{\"k\":\"interrupt\"}\n");
    }

    @Test
    void runCarriesTheProgramItsDirectoryAndItsVariables() throws Exception {
        String text = line(new SupervisorCommand.Run(List.of("python3", "/tmp/é x.py", "a\"b"), "/tmp",
                Map.of("PYTHONPATH", "/boot", "PYTHONIOENCODING", "utf-8")));
        assertThat(text).startsWith("{\"k\":\"run\",").endsWith("}\n").containsOnlyOnce("\n");
        JsonNode j = new ObjectMapper().readTree(text);
        assertThat(j.path("argv").toString()).isEqualTo("[\"python3\",\"/tmp/é x.py\",\"a\\\"b\"]");
        assertThat(j.path("cwd").asText()).isEqualTo("/tmp");
        assertThat(j.path("env").path("PYTHONPATH").asText()).isEqualTo("/boot");
        assertThat(j.path("env").size()).isEqualTo(2);
    }

    @Test
    void aRunWithoutADirectoryLeavesTheFieldOut() {
        assertThat(line(new SupervisorCommand.Run(List.of("true"), null, Map.of())))
                .isEqualTo("{\"k\":\"run\",\"argv\":[\"true\"],\"env\":{}}\n");
    }

    @Test
    void aRunTakingItsStdinFromTheAppSaysSo() {
        assertThat(line(new SupervisorCommand.Run(List.of("true"), null, Map.of(), true)))
                .isEqualTo("{\"k\":\"run\",\"argv\":[\"true\"],\"env\":{},\"stdin\":\"app\"}\n");
    }

    @Test
    void inputIsBase64SoAnyBytesGoAndEndOfFileIsACommand() throws Exception {
        byte[] bytes = {'7', '\n', 0, (byte) 0xff, (byte) 0xc3};
        String text = line(new SupervisorCommand.Stdin(bytes));
        assertThat(text).startsWith("{\"k\":\"stdin\",").endsWith("}\n");
        assertThat(java.util.Base64.getDecoder().decode(new ObjectMapper().readTree(text).path("data").asText()))
                .containsExactly(bytes);
        assertThat(line(new SupervisorCommand.StdinEnd())).isEqualTo("{\"k\":\"stdinEnd\"}\n");
    }

    @Test
    void theLargestInputCommandFitsALineAndALargerOneIsRefused() {
        byte[] most = new byte[SupervisorCommand.Stdin.MAX_BYTES];
        java.util.Arrays.fill(most, (byte) 0xff);
        assertThat(CommandEncoder.encode(new SupervisorCommand.Stdin(most)).length).isLessThan(MessageReader.MAX_LINE);
        assertThatThrownBy(() -> new SupervisorCommand.Stdin(new byte[SupervisorCommand.Stdin.MAX_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCommandLongerThanTheSupervisorReadsIsRefused() {
        String big = "x".repeat(MessageReader.MAX_LINE);
        assertThatThrownBy(() -> CommandEncoder.encode(new SupervisorCommand.Run(List.of("echo", big), null, Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65,536");
    }
}
