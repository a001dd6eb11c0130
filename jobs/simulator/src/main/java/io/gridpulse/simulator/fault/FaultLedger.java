package io.gridpulse.simulator.fault;

import io.gridpulse.schema.DeadLetterReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ground truth of a faulty run's defects: every injected fault with its expected outcome, the
 * faults that could not be injected, and the records forwarded. Complete once the run has ended
 * (the simulation flushes the injector); before that it holds the faults decided so far.
 *
 * <p>Every extra record the injector sends provokes exactly one dead letter, so {@code sent() ==
 * cleanReadingsSent() + expectedDeadLetterCount()}: a job that accounts for every input record
 * (accepted or dead-lettered) must reproduce that identity.
 */
public final class FaultLedger {

    /** File name of {@link #writeCsv}, next to the ground-truth CSVs. */
    public static final String CSV_FILE = "faults.csv";

    private final List<InjectedFault> faults = new ArrayList<>();
    private final List<SkippedFault> skipped = new ArrayList<>();
    private final List<Gap> gaps = new ArrayList<>();
    private long sent;
    private long cleanReadingsSent;

    FaultLedger() {}

    void record(InjectedFault fault) {
        faults.add(fault);
    }

    void skip(SkippedFault fault) {
        skipped.add(fault);
    }

    void recordGap(Gap gap) {
        gaps.add(gap);
    }

    void countCleanReading() {
        sent++;
        cleanReadingsSent++;
    }

    void countExtraRecord() {
        sent++;
    }

    /** The injected faults, in the order they were decided (read-only). */
    public List<InjectedFault> faults() {
        return Collections.unmodifiableList(faults);
    }

    /** The injected faults of one kind. */
    public List<InjectedFault> faults(FaultKind kind) {
        return faults.stream().filter(f -> f.kind() == kind).toList();
    }

    /** The fault injected on a meter, if any (a meter has at most one). */
    public Optional<InjectedFault> faultOf(String meterId) {
        return faults.stream().filter(f -> f.meterId().equals(meterId)).findFirst();
    }

    /** Planned faults that were not injected, with the reason (read-only). */
    public List<SkippedFault> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    /** Readings that were never sent, per gap fault (read-only). */
    public List<Gap> gaps() {
        return Collections.unmodifiableList(gaps);
    }

    /** Records forwarded to the sink: readings, extra copies and raw records. */
    public long sent() {
        return sent;
    }

    /** Real readings forwarded, each once (modified registers included, copies and gaps not). */
    public long cleanReadingsSent() {
        return cleanReadingsSent;
    }

    /** Extra records forwarded (copies and raw records): {@code sent() - cleanReadingsSent()}. */
    public long extraRecordsSent() {
        return sent - cleanReadingsSent;
    }

    /** Readings left out by the gaps. */
    public long missingReadings() {
        return gaps.stream().mapToLong(Gap::missingReadings).sum();
    }

    /** Expected dead letters per reason; reasons without any are absent. */
    public Map<DeadLetterReason, Long> expectedDeadLetters() {
        Map<DeadLetterReason, Long> counts = new EnumMap<>(DeadLetterReason.class);
        for (InjectedFault fault : faults) {
            fault.expected()
                    .deadLetterReason()
                    .ifPresent(reason -> counts.merge(reason, 1L, Long::sum));
        }
        return counts;
    }

    public long expectedDeadLetters(DeadLetterReason reason) {
        return expectedDeadLetters().getOrDefault(reason, 0L);
    }

    /** All expected dead letters. */
    public long expectedDeadLetterCount() {
        return faults.stream().mapToLong(f -> f.expected().deadLetters()).sum();
    }

    public int expectedRollovers() {
        return faults.stream().mapToInt(f -> f.expected().rollovers()).sum();
    }

    public int expectedNewEpochs() {
        return faults.stream().mapToInt(f -> f.expected().newEpochs()).sum();
    }

    public int expectedFrozenFlags() {
        return faults.stream().mapToInt(f -> f.expected().frozenFlags()).sum();
    }

    /** One line per planned kind: meters, records and expected outcomes (for the command line). */
    public List<String> summaryLines() {
        return FaultSummary.lines(this);
    }

    /**
     * Writes {@value #CSV_FILE} into the directory (created if missing): one row per injected or
     * skipped fault.
     */
    public void writeCsv(Path dir) {
        try {
            FaultLedgerCsv.write(this, dir.resolve(CSV_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + CSV_FILE + " to " + dir, e);
        }
    }
}
