/**
 * Fault mode of the simulator: defects injected into the clean readings on purpose, with a ledger
 * of what the job should make of each.
 *
 * <p>{@link io.gridpulse.simulator.fault.FaultInjector} decorates the real {@link
 * io.gridpulse.simulator.ReadingSink}. {@link io.gridpulse.simulator.fault.FaultConfig} says which
 * {@link io.gridpulse.simulator.fault.FaultKind kinds} to inject on how many meters; a seeded plan
 * picks the meters (each meter gets at most one kind) and the times, so a seed always yields the
 * same defects. Every defect is recorded in the {@link io.gridpulse.simulator.fault.FaultLedger}
 * with its {@link io.gridpulse.simulator.fault.ExpectedOutcome}, computed with the job's thresholds
 * ({@link io.gridpulse.simulator.fault.JobLimits}).
 *
 * <p>Defects never change what the households consumed: the simulation's {@link
 * io.gridpulse.simulator.GroundTruth} stays the energy truth, and the ledger says where the job's
 * energy can legitimately differ from it (estimated or deferred intervals).
 */
package io.gridpulse.simulator.fault;
