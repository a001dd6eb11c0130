package io.gridpulse.monitor;

import io.gridpulse.core.anomaly.AnomalyOptions;
import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.core.influx.InfluxOptions;
import io.gridpulse.core.io.KafkaClientSettings;
import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.savings.live.SavingsOptions;
import io.gridpulse.core.vee.VeeOptions;
import io.gridpulse.monitor.deployment.DeploymentOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;

/**
 * The monitor job's own options. A key under one of their prefixes that no option declares is a
 * typo or an option this version does not have: the job refuses it rather than run without it
 * ({@code --kafka.security.protocol SSL} used to be accepted and ignored). Flink's own keys
 * (execution., state., rest., and Flink's pipeline. options) are left to Flink; GridPulse's keys
 * that used to be under pipeline. are still accepted there.
 */
final class JobOptions {

    /** GridPulse's option classes, in the order the configuration reference lists them. */
    static final List<Class<?>> GRIDPULSE =
            List.of(
                    KafkaOptions.class,
                    KafkaClientSettings.class,
                    DeploymentOptions.class,
                    PipelineOptions.class,
                    VeeOptions.class,
                    AnomalyOptions.class,
                    SavingsOptions.class,
                    InfluxOptions.class);

    /** GridPulse's option classes, and Flink's that share the {@code pipeline.} prefix. */
    private static final List<Class<?>> DECLARING =
            Stream.concat(
                            GRIDPULSE.stream(),
                            Stream.of(
                                    org.apache.flink.configuration.PipelineOptions.class,
                                    org.apache.flink.configuration.PipelineOptionsInternal.class))
                    .toList();

    private static final List<String> PREFIXES =
            List.of(
                    "kafka.",
                    "influx.",
                    "pipeline.",
                    "reading.",
                    "district.",
                    "vee.",
                    "anomaly.",
                    "savings.",
                    "deployment.",
                    "meter.");

    private JobOptions() {}

    /** Every key the monitor job's option classes declare. */
    static Set<String> known() {
        Set<String> keys = new TreeSet<>();
        for (Class<?> options : DECLARING) {
            for (ConfigOption<?> option : declaredBy(options)) {
                keys.add(option.key());
                // the names an option had before are still read (Flink warns about them)
                option.fallbackKeys().forEach(fallback -> keys.add(fallback.getKey()));
            }
        }
        return keys;
    }

    /** The options a class declares as public static fields, in declaration order. */
    static List<ConfigOption<?>> declaredBy(Class<?> options) {
        List<ConfigOption<?>> declared = new ArrayList<>();
        for (Field field : options.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && ConfigOption.class.isAssignableFrom(field.getType())) {
                try {
                    declared.add((ConfigOption<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return declared;
    }

    /** The keys under a GridPulse prefix that no option declares, sorted. */
    static List<String> unknown(Collection<String> keys) {
        Set<String> known = known();
        return keys.stream()
                .filter(key -> PREFIXES.stream().anyMatch(key::startsWith))
                // Kafka client properties are checked against Kafka's own keys
                // (KafkaClientSettings).
                .filter(key -> !key.startsWith(KafkaClientSettings.PREFIX))
                .filter(key -> !known.contains(key))
                .sorted()
                .distinct()
                .toList();
    }
}
