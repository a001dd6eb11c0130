package io.gridpulse.simulator.fault;

import io.gridpulse.schema.DeadLetterReason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * One line per fault kind in a ledger, e.g. {@code fault FROZEN: 5 meters (M000483, ...), 2 new
 * epochs, 5 frozen flags, energy DEFERRED x3 LOST x2 (2489.7 Wh lost)}.
 */
final class FaultSummary {

    private FaultSummary() {}

    static List<String> lines(FaultLedger ledger) {
        List<String> lines = new ArrayList<>();
        for (FaultKind kind : FaultKind.values()) {
            List<InjectedFault> faults = ledger.faults(kind);
            List<SkippedFault> skipped =
                    ledger.skipped().stream().filter(f -> f.kind() == kind).toList();
            if (!faults.isEmpty() || !skipped.isEmpty()) {
                lines.add(line(kind, faults, skipped, ledger));
            }
        }
        return lines;
    }

    private static String line(
            FaultKind kind,
            List<InjectedFault> faults,
            List<SkippedFault> skipped,
            FaultLedger ledger) {
        StringBuilder text =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "fault %-23s %d meter%s",
                                kind + ":",
                                faults.size(),
                                faults.size() == 1 ? "" : "s"));
        if (!faults.isEmpty()) {
            text.append(" (")
                    .append(faults.get(0).meterId())
                    .append(faults.size() > 1 ? ", ..." : "")
                    .append(')');
            Map<DeadLetterReason, Long> deadLetters =
                    faults.stream()
                            .map(InjectedFault::expected)
                            .flatMap(e -> e.deadLetterReason().stream())
                            .collect(
                                    Collectors.groupingBy(
                                            r -> r,
                                            () -> new EnumMap<>(DeadLetterReason.class),
                                            Collectors.counting()));
            deadLetters.forEach(
                    (reason, count) ->
                            text.append(", ")
                                    .append(count)
                                    .append(" dead letters ")
                                    .append(reason));
            appendSum(text, faults, ExpectedOutcome::rollovers, "rollovers", false);
            appendSum(text, faults, ExpectedOutcome::newEpochs, "new epochs", false);
            appendSum(
                    text,
                    faults,
                    ExpectedOutcome::frozenFlags,
                    "frozen flags",
                    kind == FaultKind.FROZEN);
            long missing =
                    ledger.gaps().stream()
                            .filter(g -> g.kind() == kind)
                            .mapToLong(Gap::missingReadings)
                            .sum();
            if (missing > 0) {
                text.append(", ").append(missing).append(" readings not sent");
            }
            text.append(", energy ").append(energyEffects(faults));
        }
        if (!skipped.isEmpty()) {
            text.append(", ")
                    .append(skipped.size())
                    .append(" skipped: ")
                    .append(skipped.get(0).reason());
        }
        return text.toString();
    }

    private static void appendSum(
            StringBuilder text,
            List<InjectedFault> faults,
            ToIntFunction<ExpectedOutcome> count,
            String what,
            boolean always) {
        int sum = faults.stream().map(InjectedFault::expected).mapToInt(count).sum();
        if (sum > 0 || always) {
            text.append(", ").append(sum).append(' ').append(what);
        }
    }

    /**
     * {@code EXACT}, or e.g. {@code DEFERRED x3 LOST x2 (2489.7 Wh lost)} when the faults of a kind
     * differ.
     */
    private static String energyEffects(List<InjectedFault> faults) {
        Map<EnergyEffect, Long> effects =
                faults.stream()
                        .map(f -> f.expected().energy())
                        .collect(
                                Collectors.groupingBy(
                                        e -> e,
                                        () -> new EnumMap<>(EnergyEffect.class),
                                        Collectors.counting()));
        String text =
                effects.size() == 1
                        ? effects.keySet().iterator().next().name()
                        : effects.entrySet().stream()
                                .map(e -> e.getKey() + " x" + e.getValue())
                                .collect(Collectors.joining(" "));
        double lostWh = faults.stream().mapToDouble(f -> f.expected().lostEnergyWh()).sum();
        return lostWh > 0 ? text + String.format(Locale.ROOT, " (%.1f Wh lost)", lostWh) : text;
    }
}
