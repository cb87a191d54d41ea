package org.processlab.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How many connections to a run's trace channel were refused, by {@link ChannelRefusal}. Immutable.
 *
 * @param wrongToken a {@code hello} without the run's token
 * @param noHello    no whole {@code hello} in time
 * @param tooMany    over the cap of connections open or waiting at once
 * @param broken     broke the protocol
 */
public record ChannelRefusals(long wrongToken, long noHello, long tooMany, long broken) {
    /** None refused. */
    public static final ChannelRefusals NONE = new ChannelRefusals(0, 0, 0, 0);

    /** These counts and one more refusal of kind {@code why}. */
    public ChannelRefusals plus(ChannelRefusal why) {
        return switch (why) {
            case WRONG_TOKEN -> new ChannelRefusals(wrongToken + 1, noHello, tooMany, broken);
            case NO_HELLO -> new ChannelRefusals(wrongToken, noHello + 1, tooMany, broken);
            case TOO_MANY -> new ChannelRefusals(wrongToken, noHello, tooMany + 1, broken);
            case BROKEN -> new ChannelRefusals(wrongToken, noHello, tooMany, broken + 1);
        };
    }

    /** These counts with {@code count} as the count of kind {@code why}. */
    public ChannelRefusals with(ChannelRefusal why, long count) {
        return new ChannelRefusals(why == ChannelRefusal.WRONG_TOKEN ? count : wrongToken,
                why == ChannelRefusal.NO_HELLO ? count : noHello, why == ChannelRefusal.TOO_MANY ? count : tooMany,
                why == ChannelRefusal.BROKEN ? count : broken);
    }

    /** The count of one kind. */
    public long of(ChannelRefusal why) {
        return switch (why) {
            case WRONG_TOKEN -> wrongToken;
            case NO_HELLO -> noHello;
            case TOO_MANY -> tooMany;
            case BROKEN -> broken;
        };
    }

    /** Every refusal, whatever its kind. */
    public long total() {
        return wrongToken + noHello + tooMany + broken;
    }

    /**
     * One sentence for people, or "" when none was refused: {@code 3 connections to the trace channel were refused
     * (wrong token)}; with several kinds, each with its count ({@code (2 wrong token, 1 no hello in time)}).
     */
    public String sentence() {
        long total = total();
        if (total == 0) {
            return "";
        }
        List<String> kinds = new ArrayList<>();
        for (ChannelRefusal why : ChannelRefusal.values()) {
            if (of(why) > 0) {
                kinds.add(of(why) == total ? why.words() : of(why) + " " + why.words());
            }
        }
        return total + (total == 1 ? " connection to the trace channel was refused ("
                : " connections to the trace channel were refused (") + String.join(", ", kinds) + ")";
    }
}
