package io.gridpulse.evaluation;

import io.gridpulse.simulator.HouseholdMix;
import java.time.Duration;
import java.time.LocalDate;

/**
 * One cell of the suite's table: a season start, a household mix and a reading interval; its runs
 * differ only in their seed.
 */
record SuiteCell(LocalDate season, HouseholdMix mix, Duration interval) {

    /** E.g. {@code 2026-07-13 cooling-heavy PT1M}. */
    String label() {
        return season + " " + mix.name() + " " + interval;
    }
}
