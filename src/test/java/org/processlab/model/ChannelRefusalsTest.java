package org.processlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Refused connections to a run's trace channel: counted by kind in the model, said in one sentence. */
class ChannelRefusalsTest {
    @Test
    void eachRefusalIsCountedByKindAndInTheTotal() {
        RunModel model = new RunModel();
        assertThat(model.snapshot().channelRefusals()).isEqualTo(ChannelRefusals.NONE);
        model.append(new RunEvent.ConnectionRefused(10, ChannelRefusal.WRONG_TOKEN));
        model.append(new RunEvent.ConnectionRefused(11, ChannelRefusal.WRONG_TOKEN));
        model.append(new RunEvent.ConnectionRefused(12, ChannelRefusal.NO_HELLO));
        RunSnapshot s = model.snapshot();
        assertThat(s.channelRefusals()).isEqualTo(new ChannelRefusals(2, 1, 0, 0));
        assertThat(s.rejectedConnections()).isEqualTo(3);
        assertThat(model.events()).hasSize(3);
    }

    @Test
    void theSentenceNamesTheKindsAndCountsThemOnlyWhenThereAreSeveral() {
        assertThat(ChannelRefusals.NONE.sentence()).isEmpty();
        assertThat(ChannelRefusals.NONE.plus(ChannelRefusal.WRONG_TOKEN).sentence())
                .isEqualTo("1 connection to the trace channel was refused (wrong token)");
        assertThat(new ChannelRefusals(3, 0, 0, 0).sentence())
                .isEqualTo("3 connections to the trace channel were refused (wrong token)");
        assertThat(new ChannelRefusals(2, 1, 0, 4).sentence()).isEqualTo(
                "7 connections to the trace channel were refused (2 wrong token, 1 no hello in time, 4 broken messages)");
        assertThat(new ChannelRefusals(0, 0, 5, 0).with(ChannelRefusal.NO_HELLO, 2).sentence())
                .isEqualTo("7 connections to the trace channel were refused (2 no hello in time, 5 too many at once)");
    }
}
