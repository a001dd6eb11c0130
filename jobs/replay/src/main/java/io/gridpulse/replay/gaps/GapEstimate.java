package io.gridpulse.replay.gaps;

import io.gridpulse.core.meter.MeterGap;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The energy a meter would have used during one of its gaps too long to fill, estimated from its
 * own hour-of-week profile: kept apart from the measured energy, never added to a window. A Flink
 * POJO.
 */
public class GapEstimate {

    public static final TypeInformation<GapEstimate> TYPE = TypeInformation.of(GapEstimate.class);

    /** How the estimate was made. */
    public static final String METHOD = "hour-of-week-profile";

    public String meterId;
    public String feederId;
    public String districtId;

    /** The gap's first missing reading, as its {@code data_gap} point is stamped. */
    public long firstMissing;

    /** Start of the energy the gap is missing: the last reading before it, epoch milliseconds. */
    public long gapStart;

    /** End of the energy the gap is missing: its last missing reading. */
    public long gapEnd;

    /** Estimated energy of {@code [gapStart, gapEnd)}, kWh; NaN when the profile is too thin. */
    public double estimatedKwh;

    /** The fewest observed hours behind any hour of week of the gap. */
    public int minObservations;

    /** Why there is an estimate, or why there is none. */
    public String note;

    public GapEstimate() {}

    public GapEstimate(
            MeterGap gap, HourOfWeekProfile.Span span, HourOfWeekProfile.Estimate estimate) {
        this.meterId = gap.meterId;
        this.feederId = gap.feederId;
        this.districtId = gap.districtId;
        this.firstMissing = gap.firstMissing;
        this.gapStart = span.start();
        this.gapEnd = span.end();
        this.estimatedKwh = estimate.kwh();
        this.minObservations = estimate.minObservations();
        this.note = estimate.note();
    }

    public double gapHours() {
        return (gapEnd - gapStart) / 3_600_000.0;
    }

    public boolean estimated() {
        return !Double.isNaN(estimatedKwh);
    }

    @Override
    public String toString() {
        return "GapEstimate{"
                + meterId
                + " "
                + Instant.ofEpochMilli(gapStart)
                + " .. "
                + Instant.ofEpochMilli(gapEnd)
                + ", "
                + estimatedKwh
                + " kWh, "
                + note
                + "}";
    }
}
