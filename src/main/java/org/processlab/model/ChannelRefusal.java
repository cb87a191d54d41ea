package org.processlab.model;

/**
 * Why ProcessLab refused a connection to a run's trace channel (the socket the run's processes report on). The run goes
 * on; each refusal is counted ({@link ChannelRefusals}).
 */
public enum ChannelRefusal {
    /** Its {@code hello} did not carry the run's token: not one of the run's processes. */
    WRONG_TOKEN("wrongToken", "wrong token"),
    /** It sent no whole {@code hello} in time (one that closes before its hello is no refusal: a process of the run killed while connecting). */
    NO_HELLO("noHello", "no hello in time"),
    /** Too many connections were open or waiting at once (the oldest still waiting for a hello goes first). */
    TOO_MANY("tooMany", "too many at once"),
    /** It broke the protocol: not JSON, a line or payload over the limits, or a first message that is not a hello. */
    BROKEN("broken", "broken messages");

    private final String jsonName;
    private final String words;

    ChannelRefusal(String jsonName, String words) {
        this.jsonName = jsonName;
        this.words = words;
    }

    /** Its name in the run document ({@code wrongToken}). */
    public String jsonName() {
        return jsonName;
    }

    /** What people read ({@code wrong token}). */
    public String words() {
        return words;
    }
}
