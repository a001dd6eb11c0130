package io.gridpulse.monitor;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.description.Description;
import org.apache.flink.configuration.description.HtmlFormatter;
import org.apache.flink.configuration.description.TextElement;
import org.apache.flink.util.TimeUtils;

/**
 * docs/configuration.md, written from the option classes themselves (key, default, description), so
 * the reference cannot drift from the code: {@code ConfigurationReferenceTest} fails when the file
 * is stale, and rewrites it when run with {@code -Dgridpulse.write-reference=true}.
 */
public final class ConfigurationReference {

    static final Path FILE = Path.of("docs", "configuration.md");

    private static final Map<String, String> TITLES =
            Map.of(
                    "KafkaOptions", "Kafka topics and consumer group",
                    "KafkaClientSettings", "Kafka client settings (security)",
                    "DeploymentOptions", "Deployment: resume and single instance",
                    "PipelineOptions", "Readings: interval, time zones, watermarks",
                    "VeeOptions", "Reading rules (validation, estimation, editing)",
                    "AnomalyOptions", "Anomaly detection",
                    "SavingsOptions", "Live savings",
                    "InfluxOptions", "InfluxDB");

    private ConfigurationReference() {}

    /** Writes the reference into the repository at {@code repository}. */
    static void write(Path repository) throws IOException {
        Files.writeString(repository.resolve(FILE), render(), StandardCharsets.UTF_8);
    }

    static String render() {
        StringBuilder out = new StringBuilder();
        out.append(
                """
        # Configuration reference

        Generated from the option classes by `ConfigurationReference` (the build fails when this file is stale: run
        `ConfigurationReferenceTest` with `-Dgridpulse.write-reference=true` to rewrite it). Every option is read from
        `flink-conf/config.yaml` (or a cluster's `config.yaml`) and overridden by `--key value` arguments of
        `scripts/run-monitor` and `scripts/submit`, e.g. `scripts/run-monitor --kafka.bounded true`; `scripts/replay`
        takes them as `--set key=value`. A key under a GridPulse prefix that is not listed here is refused (exit 2).
        Secrets (`influx.password`, Kafka passwords and JAAS configurations) are refused on command lines: see
        [operations.md](operations.md). Flink's own settings (checkpoints, state backend, restarts, metrics) are in
        `flink-conf/config.yaml` with comments.
        """);
        for (Class<?> options : JobOptions.GRIDPULSE) {
            out.append("\n## ")
                    .append(TITLES.getOrDefault(options.getSimpleName(), options.getSimpleName()))
                    .append("\n\n");
            out.append("| key | default | meaning |\n|---|---|---|\n");
            for (ConfigOption<?> option : JobOptions.declaredBy(options)) {
                out.append("| `")
                        .append(option.key())
                        .append("` | ")
                        .append(defaultOf(option))
                        .append(" | ")
                        .append(text(option.description()).replace("|", "\\|"))
                        .append(formerly(option))
                        .append(" |\n");
            }
        }
        out.append(
                "\n`kafka.properties.<key>`: any Kafka client property, passed to every Kafka client of the job"
                        + " (see `kafka.properties-file`).\n");
        return out.toString();
    }

    private static String defaultOf(ConfigOption<?> option) {
        if (!option.hasDefaultValue()) {
            return "none";
        }
        Object value = option.defaultValue();
        String shown =
                value instanceof Duration duration
                        ? TimeUtils.formatWithHighestUnit(duration)
                        : value instanceof Enum<?> constant
                                ? constant.name().toLowerCase(Locale.ROOT).replace('_', '-')
                                : value instanceof Double number
                                        ? BigDecimal.valueOf(number)
                                                .stripTrailingZeros()
                                                .toPlainString()
                                        : value instanceof Map<?, ?> map && map.isEmpty()
                                                ? ""
                                                : String.valueOf(value);
        return shown.isEmpty() ? "empty" : "`" + shown + "`";
    }

    /** The deprecated keys an option is still read from, so old configurations can be found. */
    private static String formerly(ConfigOption<?> option) {
        List<String> old = new ArrayList<>();
        option.fallbackKeys().forEach(key -> old.add("`" + key.getKey() + "`"));
        return old.isEmpty() ? "" : " Formerly " + String.join(", ", old) + " (still read).";
    }

    private static String text(Description description) {
        boolean plain =
                description.getBlocks().stream()
                        .allMatch(
                                block ->
                                        block instanceof TextElement text
                                                && text.getElements().isEmpty());
        return plain
                ? description.getBlocks().stream()
                        .map(block -> ((TextElement) block).getFormat())
                        .collect(Collectors.joining(" "))
                : new HtmlFormatter().format(description);
    }
}
