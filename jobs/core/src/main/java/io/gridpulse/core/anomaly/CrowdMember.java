package io.gridpulse.core.anomaly;

/** One meter's anomaly of a crowd-prone type, as {@link DistrictCrowds} remembers it. A POJO. */
public class CrowdMember {

    public String type;
    public String meterId;
    public long detectedAt;

    public CrowdMember() {}

    CrowdMember(String type, String meterId, long detectedAt) {
        this.type = type;
        this.meterId = meterId;
        this.detectedAt = detectedAt;
    }
}
