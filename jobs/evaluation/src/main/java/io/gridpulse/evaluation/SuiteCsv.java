package io.gridpulse.evaluation;

import io.gridpulse.schema.AnomalyType;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Every suite run's counts, one row per run and anomaly type, written as the runs finish (so that a
 * table can be recomputed, also from a suite stopped early). tp/fp count found anomalies,
 * detected/fn injected ones: precision = tp / (tp + fp), recall = detected / injected; explained
 * SUSTAINED_HIGHs (an injected HIGH_BASE_LOAD's first hours) are neither. The clean household-days
 * and their false alerts belong to the run and repeat on its rows.
 */
final class SuiteCsv implements Closeable {

    static final String FILE = "suite.csv";

    static final String HEADER =
            "seed,season,mix,interval,type,injected,detected,fn,found,explained,tp,fp,"
                    + "clean_household_days,clean_false_alerts";

    private final BufferedWriter out;

    SuiteCsv(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.newLine();
    }

    void write(SuiteCell cell, long seed, Tally run) throws IOException {
        for (AnomalyType type : AnomalyType.values()) {
            Scorecard.Row row = run.row(type);
            out.write(
                    String.format(
                            Locale.ROOT,
                            "%d,%s,%s,%s,%s,%d,%d,%d,%d,%d,%d,%d,%.3f,%d",
                            seed,
                            cell.season(),
                            cell.mix().name(),
                            cell.interval(),
                            type,
                            row.injected(),
                            row.detected(),
                            row.falseNegatives(),
                            row.found(),
                            row.explained(),
                            row.truePositives(),
                            row.falsePositives(),
                            run.cleanHouseholdDays(),
                            run.cleanFalseAlerts()));
            out.newLine();
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
