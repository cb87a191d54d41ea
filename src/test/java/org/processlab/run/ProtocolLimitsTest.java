package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The trace protocol's limits are one set of numbers, held in three places: the app's reader
 * ({@link MessageReader}), the Python tracer's wire module ({@code assets/tracer/boot/_processlab_wire.py}, shared by
 * the agent and the supervisor; read by running python3) and the "Limits" table of {@code PROTOCOL.md}.
 */
class ProtocolLimitsTest {
    /** A row of the table: {@code | `NAME` | 65,536 bytes | ... |}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Z][A-Z_]*)`\\s*\\|([^|]*)\\|", Pattern.MULTILINE);
    /** A number as the document writes it: 65,536 or 200. */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+|\\d+");

    /** Name to numbers, from the rows of the "Limits" table of the shipped PROTOCOL.md. */
    private static Map<String, List<Long>> documented() throws IOException {
        String doc = Files.readString(Assets.tracerDir().resolve("PROTOCOL.md"), StandardCharsets.UTF_8);
        int from = doc.indexOf("\n### Limits\n");
        assertThat(from).as("PROTOCOL.md has a '### Limits' section").isNotNegative();
        int to = doc.indexOf("\n#", from + 1);
        Map<String, List<Long>> limits = new LinkedHashMap<>();
        Matcher row = ROW.matcher(doc.substring(from, to < 0 ? doc.length() : to));
        while (row.find()) {
            limits.put(row.group(1), numbers(row.group(2)));
        }
        return limits;
    }

    private static List<Long> numbers(String text) {
        List<Long> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(Long.parseLong(m.group().replace(",", "")));
        }
        return out;
    }

    /**
     * Name to numbers, as the wire module holds them: the names asked for, and every {@code MAX_*} constant it has
     * (so a new limit in Python that the document does not name is caught too).
     */
    private static Map<String, List<Long>> python(Iterable<String> names) throws Exception {
        String code = String.join("\n",
                "import sys",
                "sys.path.insert(0, sys.argv[1])",
                "import _processlab_wire as w",
                "names = list(sys.argv[2:]) + sorted(n for n in vars(w) if n.startswith('MAX_') and n not in sys.argv[2:])",
                "for n in names:",
                "    v = getattr(w, n, ())",
                "    print(n, *(v if isinstance(v, tuple) else (v,)))");
        List<String> cmd = new ArrayList<>(List.of(PythonInterpreter.locate(null).executable().toString(),
                "-I", "-S", "-B", "-c", code, Assets.tracerDir().resolve("boot").toString()));
        names.forEach(cmd::add);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            Map<String, List<Long>> limits = new LinkedHashMap<>();
            out.lines().forEach(line -> {
                String[] words = line.trim().split(" ");
                List<Long> values = new ArrayList<>();
                for (int i = 1; i < words.length; i++) {
                    values.add(Long.parseLong(words[i]));
                }
                limits.put(words[0], values);
            });
            return limits;
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void javaPythonAndTheDocumentAgree() throws Exception {
        Map<String, List<Long>> doc = documented();
        assertThat(doc).containsKeys("MAX_LINE", "MAX_PAYLOAD");
        assertThat(doc.get("MAX_LINE")).containsExactly((long) MessageReader.MAX_LINE);
        assertThat(doc.get("MAX_PAYLOAD")).containsExactly((long) MessageReader.MAX_PAYLOAD);
        assertThat(doc.get("MAX_STDIN")).containsExactly((long) SupervisorCommand.Stdin.MAX_BYTES);
        assertThat(python(doc.keySet())).isEqualTo(doc);
    }

    @Test
    void theDocumentsNumbersAreReadAsWritten() {
        assertThat(numbers("65,536 bytes")).containsExactly(65_536L);
        assertThat(numbers("1,048,576 bytes")).containsExactly(1_048_576L);
        assertThat(numbers("200, then 20 items")).containsExactly(200L, 20L);
    }
}
