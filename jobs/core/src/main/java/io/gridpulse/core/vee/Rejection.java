package io.gridpulse.core.vee;

import io.gridpulse.schema.DeadLetterReason;

/** Why a reading was not accepted: a reason code for machines and a message for people. */
public record Rejection(DeadLetterReason reason, String message) {}
