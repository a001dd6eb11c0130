package io.gridpulse.simulator;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which meter hangs on which feeder in which district, with the identifiers the readings carry.
 *
 * <p>Households are dealt round-robin over feeders and feeders round-robin over districts, so even
 * a small run (say 10 households) touches every district, and neighbouring meter numbers sit on
 * different feeders. Feeder {@code f} belongs to district {@code f % districts} and is that
 * district's feeder number {@code f / districts + 1}. Identifiers: meter {@code M000001}, feeder
 * {@code D01-F01}, district {@code D01} (all 1-based).
 */
public final class Topology {

    private final String[] meterIds;
    private final String[] feederIds;
    private final String[] districtIds;
    private final int[] feederOfMeter;
    private final int[] districtOfFeeder;
    private final Map<String, Integer> meterIndex;
    private final Map<String, Integer> feederIndex;
    private final Map<String, Integer> districtIndex;

    public Topology(int households, int feeders, int districts) {
        if (households < 1 || feeders < 1 || districts < 1 || feeders < districts) {
            throw new IllegalArgumentException(
                    "need households, feeders >= districts >= 1: "
                            + households
                            + ", "
                            + feeders
                            + ", "
                            + districts);
        }
        districtIds = new String[districts];
        for (int d = 0; d < districts; d++) {
            districtIds[d] = String.format("D%02d", d + 1);
        }
        feederIds = new String[feeders];
        districtOfFeeder = new int[feeders];
        for (int f = 0; f < feeders; f++) {
            districtOfFeeder[f] = f % districts;
            feederIds[f] = String.format("%s-F%02d", districtIds[f % districts], f / districts + 1);
        }
        meterIds = new String[households];
        feederOfMeter = new int[households];
        for (int m = 0; m < households; m++) {
            meterIds[m] = String.format("M%06d", m + 1);
            feederOfMeter[m] = m % feeders;
        }
        meterIndex = indexOf(meterIds);
        feederIndex = indexOf(feederIds);
        districtIndex = indexOf(districtIds);
    }

    public static Topology of(SimulationConfig config) {
        return new Topology(config.households(), config.feeders(), config.districts());
    }

    public int households() {
        return meterIds.length;
    }

    public int feeders() {
        return feederIds.length;
    }

    public int districts() {
        return districtIds.length;
    }

    public String meterId(int meter) {
        return meterIds[meter];
    }

    public String feederId(int feeder) {
        return feederIds[feeder];
    }

    public String districtId(int district) {
        return districtIds[district];
    }

    public int feederOfMeter(int meter) {
        return feederOfMeter[meter];
    }

    public int districtOfFeeder(int feeder) {
        return districtOfFeeder[feeder];
    }

    public int districtOfMeter(int meter) {
        return districtOfFeeder[feederOfMeter[meter]];
    }

    /** Index of a meter id, or -1 if this topology has no such meter. */
    public int meterIndex(String meterId) {
        return meterIndex.getOrDefault(meterId, -1);
    }

    /** Index of a feeder id, or -1. */
    public int feederIndex(String feederId) {
        return feederIndex.getOrDefault(feederId, -1);
    }

    /** Index of a district id, or -1. */
    public int districtIndex(String districtId) {
        return districtIndex.getOrDefault(districtId, -1);
    }

    public List<String> meterIds() {
        return Collections.unmodifiableList(Arrays.asList(meterIds));
    }

    public List<String> feederIds() {
        return Collections.unmodifiableList(Arrays.asList(feederIds));
    }

    public List<String> districtIds() {
        return Collections.unmodifiableList(Arrays.asList(districtIds));
    }

    /** Meters per feeder (a feeder can have none when there are more feeders than households). */
    public int[] metersPerFeeder() {
        int[] counts = new int[feederIds.length];
        for (int feeder : feederOfMeter) {
            counts[feeder]++;
        }
        return counts;
    }

    public int[] metersPerDistrict() {
        int[] counts = new int[districtIds.length];
        for (int feeder : feederOfMeter) {
            counts[districtOfFeeder[feeder]]++;
        }
        return counts;
    }

    private static Map<String, Integer> indexOf(String[] ids) {
        Map<String, Integer> index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
        return index;
    }
}
