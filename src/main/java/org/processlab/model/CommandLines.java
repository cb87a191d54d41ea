package org.processlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Command lines as people read them on a lane or in a table. Pure functions; any thread. */
public final class CommandLines {
    /** The longest short form, characters; longer ones end in "…". */
    public static final int SHORT_CHARS = 40;

    private CommandLines() {
    }

    /**
     * The command without its folders, and for an interpreter from its script on: {@code /usr/bin/python3
     * /a/b/grandchild.py x} → {@code grandchild.py x}; {@code /bin/sleep 5} → {@code sleep 5}; at most
     * {@link #SHORT_CHARS} characters. A name with no folder in it is returned as it is; null or blank gives "?".
     */
    public static String shortForm(String command) {
        if (command == null || command.isBlank()) {
            return "?";
        }
        if (!command.contains("/") && !command.contains("\\")) {
            return command;
        }
        String[] parts = command.trim().split("\\s+");
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            out.add(base(part));
        }
        if (out.size() > 1 && out.get(0).toLowerCase(Locale.ROOT).startsWith("python")) {
            int script = -1;
            for (int i = 1; i < out.size(); i++) {
                if (out.get(i).endsWith(".py")) {
                    script = i;
                    break;
                }
            }
            if (script > 0) {
                out = out.subList(script, out.size());
            }
        }
        String s = String.join(" ", out);
        return s.length() > SHORT_CHARS ? s.substring(0, SHORT_CHARS - 1) + "…" : s;
    }

    private static String base(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }
}
