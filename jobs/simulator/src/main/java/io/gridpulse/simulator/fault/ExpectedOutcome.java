package io.gridpulse.simulator.fault;

import io.gridpulse.schema.DeadLetterReason;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the job should make of one injected fault, with its default settings (or those in {@link
 * JobLimits}).
 *
 * @param deadLetter reason of the one dead letter the fault provokes; null if it provokes none
 * @param rollovers register rollovers the job should repair
 * @param newEpochs new register epochs the job should start
 * @param frozenFlags frozen-register flags the job should raise
 * @param energy how the meter's energy compares with the ground truth
 * @param lostEnergyWh energy the job should be short of for this meter, in Wh (only with {@link
 *     EnergyEffect#LOST})
 */
public record ExpectedOutcome(
        DeadLetterReason deadLetter,
        int rollovers,
        int newEpochs,
        int frozenFlags,
        EnergyEffect energy,
        double lostEnergyWh) {

    public ExpectedOutcome {
        Objects.requireNonNull(energy, "energy");
    }

    /**
     * The job rejects the fault's extra record with this reason; the meter's energy is untouched.
     */
    public static ExpectedOutcome rejected(DeadLetterReason reason) {
        return new ExpectedOutcome(
                Objects.requireNonNull(reason, "reason"), 0, 0, 0, EnergyEffect.EXACT, 0.0);
    }

    /** The job accepts what it gets without a dead letter, rollover, new epoch or flag. */
    public static ExpectedOutcome accepted(EnergyEffect energy) {
        return new ExpectedOutcome(null, 0, 0, 0, energy, 0.0);
    }

    /** Dead letters the fault provokes: 0 or 1. */
    public int deadLetters() {
        return deadLetter == null ? 0 : 1;
    }

    public Optional<DeadLetterReason> deadLetterReason() {
        return Optional.ofNullable(deadLetter);
    }

    /**
     * A short description, e.g. {@code dead letter LATE} or {@code 1 new epoch, energy ESTIMATED}.
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (deadLetter != null) {
            text.append("dead letter ").append(deadLetter);
        } else {
            text.append("accepted");
        }
        appendCount(text, rollovers, "rollover");
        appendCount(text, newEpochs, "new epoch");
        appendCount(text, frozenFlags, "frozen flag");
        text.append(", energy ").append(energy);
        if (energy == EnergyEffect.LOST) {
            text.append(String.format(Locale.ROOT, " (%.3f Wh)", lostEnergyWh));
        }
        return text.toString();
    }

    private static void appendCount(StringBuilder text, int count, String what) {
        if (count > 0) {
            text.append(", ").append(count).append(' ').append(what).append(count == 1 ? "" : "s");
        }
    }
}
