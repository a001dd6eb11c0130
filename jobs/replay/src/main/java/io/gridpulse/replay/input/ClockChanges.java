package io.gridpulse.replay.input;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.HashMap;
import java.util.Map;

/**
 * Local times without an offset are ambiguous in the hour the clocks go back: 02:30 comes twice.
 * Parsing takes the first (summer) one, so a file's second pass through that hour would land on the
 * first and be rejected as duplicates, and its energy lost. Read in file order, per meter, a row
 * whose time goes back into such an hour is the second pass: it is moved to the later offset, as
 * the clock on the wall meant it.
 */
final class ClockChanges {

    private final ZoneId zone;
    private final Map<String, Long> lastStart = new HashMap<>();

    ClockChanges(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * How far to move a row of {@code meterId} starting at {@code startMillis}: 0, or the length of
     * the overlap.
     */
    long shiftFor(String meterId, long startMillis) {
        Long last = lastStart.get(meterId);
        long shift = 0;
        if (last != null && startMillis <= last) {
            Instant start = Instant.ofEpochMilli(startMillis);
            LocalDateTime local = LocalDateTime.ofInstant(start, zone);
            ZoneOffsetTransition transition = zone.getRules().getTransition(local);
            if (transition != null && transition.isOverlap()) {
                long overlap = transition.getDuration().abs().toMillis();
                boolean sameWallClock =
                        LocalDateTime.ofInstant(start.plusMillis(overlap), zone).equals(local);
                if (sameWallClock && startMillis + overlap > last) {
                    shift = overlap;
                }
            }
        }
        lastStart.put(meterId, startMillis + shift);
        return shift;
    }
}
