package io.gridpulse.tools.report;

import java.time.Instant;

/** One district's figures for one hour, as measured by GridPulse or as known from ground truth. */
record DistrictHour(
        String district, Instant hourStart, double energyKwh, double peakDemandKw, int meters) {}
