package org.processlab.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule that keeps the kept runs' disk use bounded on a shared lab machine: at most {@code perKey} runs of each
 * lesson or program, and at most {@code totalBytes} of run documents in all, the oldest going first. Over the byte
 * budget, a key's last run goes only after every older run that is not a last one: coming back to a lesson shows its
 * last run, so that is the one most worth keeping.
 *
 * <p>Pure and immutable.
 *
 * @param perKey     runs kept per key, at least 1
 * @param totalBytes bytes of run documents kept in all, at least 1
 */
public record Retention(int perKey, long totalBytes) {
    /** Runs kept per lesson or program. */
    public static final int PER_KEY = 20;
    /** Bytes kept in all: 500 MB. */
    public static final long TOTAL_BYTES = 500_000_000L;
    /** The window's rule: {@value #PER_KEY} per key, 500 MB in all. */
    public static final Retention DEFAULT = new Retention(PER_KEY, TOTAL_BYTES);

    /** @throws IllegalArgumentException for a limit under 1 */
    public Retention {
        if (perKey < 1 || totalBytes < 1) {
            throw new IllegalArgumentException("limits must be at least 1: " + perKey + ", " + totalBytes);
        }
    }

    /**
     * The runs to delete from {@code kept} (oldest first, as the index lists them), oldest first; the newest run of
     * all is never among them, however large.
     */
    public List<KeptRun> toDrop(List<KeptRun> kept) {
        Set<KeptRun> drop = new HashSet<>();
        Map<RunKey, Integer> left = new HashMap<>();
        for (KeptRun k : kept) {
            left.merge(k.key(), 1, Integer::sum);
        }
        for (KeptRun k : kept) {   // oldest first: each key's oldest go until it is within its count
            if (left.get(k.key()) > perKey) {
                drop.add(k);
                left.merge(k.key(), -1, Integer::sum);
            }
        }
        long bytes = 0;
        for (KeptRun k : kept) {
            bytes += drop.contains(k) ? 0 : k.bytes();
        }
        Set<KeptRun> lastOfKey = new HashSet<>();
        Map<RunKey, KeptRun> last = new HashMap<>();
        for (KeptRun k : kept) {
            last.put(k.key(), k);
        }
        lastOfKey.addAll(last.values());
        KeptRun newest = kept.isEmpty() ? null : kept.get(kept.size() - 1);
        for (boolean lastOnes : new boolean[] {false, true}) {
            for (KeptRun k : kept) {
                if (bytes <= totalBytes) {
                    break;
                }
                if (k != newest && !drop.contains(k) && lastOfKey.contains(k) == lastOnes) {
                    drop.add(k);
                    bytes -= k.bytes();
                }
            }
        }
        List<KeptRun> out = new ArrayList<>();
        for (KeptRun k : kept) {
            if (drop.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }
}
