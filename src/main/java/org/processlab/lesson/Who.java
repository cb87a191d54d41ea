package org.processlab.lesson;

import org.processlab.model.ProcessView;

/**
 * Chooses processes of a run by a lesson's {@code who}: {@code main}, {@code child}, {@code helper},
 * {@code any}, {@code label:p1}, {@code target:print_square} or {@code name:Process-1}.
 */
public final class Who {
    private Who() {
    }

    /** True when {@code p} is one of the processes {@code who} names; a null or empty {@code who} means any. */
    public static boolean matches(String who, ProcessView p) {
        if (who == null || who.isBlank() || who.equals("any")) {
            return true;
        }
        int colon = who.indexOf(':');
        if (colon < 0) {
            return p.role().id().equals(who);
        }
        String kind = who.substring(0, colon);
        String value = who.substring(colon + 1);
        switch (kind) {
            case "label": return value.equals(p.label());
            case "target": return value.equals(p.target());
            case "name": return value.equals(p.name());
            default: throw new IllegalArgumentException("unknown who '" + who + "' (use main, child, helper, any, label:, target:, name:)");
        }
    }

    /** Checks the syntax of {@code who}; throws {@link IllegalArgumentException} with a clear message. */
    public static void validate(String who) {
        if (who == null || who.isBlank()) {
            return;
        }
        int colon = who.indexOf(':');
        if (colon < 0 ? !java.util.Set.of("main", "child", "helper", "any").contains(who)
                : !java.util.Set.of("label", "target", "name").contains(who.substring(0, colon))) {
            throw new IllegalArgumentException("unknown who '" + who + "' (use main, child, helper, any, label:X, target:X, name:X)");
        }
    }
}
