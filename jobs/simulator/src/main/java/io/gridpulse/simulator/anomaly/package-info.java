/**
 * Anomaly mode of the simulator: labelled anomalies of every type the stream job detects, injected
 * after a warm-up, with a ledger for evaluating the detection (precision and recall).
 *
 * <p>{@link io.gridpulse.simulator.anomaly.AnomalyInjector} works inside the simulation loop (it is
 * the {@link io.gridpulse.simulator.HouseholdEffects} of {@link
 * io.gridpulse.simulator.Simulation#run( io.gridpulse.simulator.ReadingSink,
 * io.gridpulse.simulator.HouseholdEffects)}): anomalies change what the households really use, so
 * the {@link io.gridpulse.simulator.GroundTruth} includes them, except METER_SILENT, a
 * communication failure that only holds back readings. {@link
 * io.gridpulse.simulator.anomaly.AnomalyConfig} says which {@link
 * io.gridpulse.simulator.anomaly.AnomalyKind kinds} on how many meters after how long a warm-up; a
 * seeded plan picks the meters, feeders and times, so a seed always yields the same anomalies.
 * Every anomaly is recorded in the {@link io.gridpulse.simulator.anomaly.AnomalyLedger} ({@code
 * anomalies.csv}, read back with {@link io.gridpulse.simulator.anomaly.AnomalyLedgerCsv#read}).
 */
package io.gridpulse.simulator.anomaly;
