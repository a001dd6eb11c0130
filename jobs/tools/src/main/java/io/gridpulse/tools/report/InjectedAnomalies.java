package io.gridpulse.tools.report;

import io.gridpulse.simulator.anomaly.AnomalyLedger;
import io.gridpulse.simulator.anomaly.AnomalyLedgerCsv;
import io.gridpulse.simulator.anomaly.InjectedAnomaly;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's anomaly ledger ({@value AnomalyLedger#CSV_FILE}): what it injected, one anomaly
 * per row, read with the simulator's own reader.
 */
final class InjectedAnomalies {

    static final String FILE = AnomalyLedger.CSV_FILE;
    private static final Pattern NEVER_REPORTED =
            Pattern.compile("([0-9]+(?:\\.[0-9]+)?) Wh used meanwhile are never" + " reported");

    private InjectedAnomalies() {}

    static List<InjectedAnomaly> read(Path truthDir) {
        return AnomalyLedgerCsv.read(truthDir.resolve(FILE));
    }

    /**
     * Energy used but never reported, per district: a meter silent to the end of the run
     * (METER_SILENT, whose detail then says "the N Wh used meanwhile are never reported"). The
     * ground truth has it; no reading ever will.
     */
    static Map<String, Double> neverReportedKwhByDistrict(List<InjectedAnomaly> anomalies) {
        Map<String, Double> kwh = new TreeMap<>();
        for (InjectedAnomaly anomaly : anomalies) {
            Matcher matcher = NEVER_REPORTED.matcher(anomaly.detail());
            if (matcher.find()) {
                kwh.merge(
                        anomaly.districtId(),
                        Double.parseDouble(matcher.group(1)) / 1000,
                        Double::sum);
            }
        }
        return kwh;
    }
}
