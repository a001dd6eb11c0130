package io.gridpulse.simulator.fault;

/**
 * A planned fault that was not injected, and why (e.g. GARBAGE when the sink cannot carry raw
 * records). Its meter got no other fault and its readings went out clean.
 */
public record SkippedFault(
        FaultKind kind, String meterId, String feederId, String districtId, String reason) {}
