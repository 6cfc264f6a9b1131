package de.grw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code benchmark --live-set}: the live set counts what is reachable, not the garbage beside it. */
class LiveSetTest {
    private static final int MB = 1 << 20;

    @Test
    void countsWhatIsReachableAndNotTheGarbage() {
        LiveSet live = new LiveSet();
        live.phaseBegins("before");
        byte[][] held = new byte[40][];
        long sum = 0;
        for (int i = 0; i < held.length; i++) {
            held[i] = new byte[MB];
            byte[] garbage = new byte[MB]; // as much garbage as is held
            garbage[i] = 1;
            sum += garbage[i];
        }
        live.phaseBegins("held");
        live.phaseBegins("held"); // once per phase
        Reference.reachabilityFence(held);
        held = null;
        live.progress("dropped", 1, 2); // begins and is half done: two points
        List<LiveSet.Point> points = live.points();
        assertThat(points).extracting(LiveSet.Point::phase)
                .containsExactly("before", "held", "dropped", "dropped half done");
        long added = points.get(1).bytes() - points.get(0).bytes();
        assertThat(added).as("40 MB held, 40 MB garbage").isBetween(39L * MB, 43L * MB);
        assertThat(points.get(1).bytes() - points.get(2).bytes()).isBetween(39L * MB, 43L * MB);
        assertThat(live.peak().phase()).isEqualTo("held");
        assertThat(live.peak().top()).hasSize(15);
        assertThat(live.peak().top().get(0)).contains("[B");
        assertThat(sum).isEqualTo(40);
    }
}
