package io.gridpulse.core.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.Test;

/** One line per point identity in what is written together, the last one. */
class LastOfEachTest {

    @Test
    void shouldSendOnlyTheLastVersionOfAPointRewrittenWithinOneBatch() {
        Point open = anomaly("SPIKE:m 1").addField("state", "OPEN").build();
        Point other = anomaly("SPIKE:m 2").addField("state", "OPEN").build();
        Point resolved =
                anomaly("SPIKE:m 1")
                        .addField("state", "RESOLVED")
                        .addField("note", "a b c")
                        .build();

        String body = LastOfEach.body(lines(open, other, resolved));

        assertThat(body.split("\n"))
                .containsExactly(
                        "anomaly,id=SPIKE:m\\ 1 note=\"a b c\",state=\"RESOLVED\" 1000",
                        "anomaly,id=SPIKE:m\\ 2 state=\"OPEN\" 1000");
    }

    @Test
    void shouldKeepTheSameSeriesAtAnotherTimeAndAnotherSeriesAtTheSameTime() {
        Point first = Point.measurement("m").time(1, TimeUnit.SECONDS).addField("v", 1L).build();
        Point later = Point.measurement("m").time(2, TimeUnit.SECONDS).addField("v", 2L).build();
        Point tagged =
                Point.measurement("m")
                        .time(1, TimeUnit.SECONDS)
                        .tag("k", "x")
                        .addField("v", 3L)
                        .build();

        assertThat(LastOfEach.body(lines(first, later, tagged)).split("\n")).hasSize(3);
    }

    private static Point.Builder anomaly(String id) {
        return Point.measurement("anomaly").time(1_000, TimeUnit.MILLISECONDS).tag("id", id);
    }

    private static List<String> lines(Point... points) {
        return Arrays.stream(points)
                .map(point -> point.lineProtocol(PointLines.PRECISION))
                .toList();
    }
}
