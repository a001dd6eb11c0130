package io.gridpulse.dashboard.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.dashboard.catalogue.QueryParameters.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParametersTest {

    private static final Instant TO = Instant.parse("2026-01-13T00:00:00Z");
    private static final Instant FROM = TO.minus(Duration.ofDays(1));

    @Test
    void shouldRenderVariablesAndMacrosAsGrafanaWould() {
        QueryParameters parameters = new QueryParameters("D01", "D01-F02", null, FROM, TO);

        assertThat(parameters.render(QueryCatalogue.FEEDER_DEMAND))
                .contains("\"feeder\" = 'D01-F02'")
                .contains(
                        "time >= "
                                + FROM.toEpochMilli()
                                + "ms and time < "
                                + TO.toEpochMilli()
                                + "ms")
                .doesNotContain("$");
        assertThat(parameters.render(QueryCatalogue.DEAD_LETTERS_OVER_TIME))
                .contains("GROUP BY time(15m)");
    }

    @Test
    void shouldChooseAnIntervalThatKeepsChartsWithinTheirBuckets() {
        assertThat(new QueryParameters(null, null, null, FROM, TO).interval())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(
                        new QueryParameters(null, null, null, TO.minus(Duration.ofDays(30)), TO)
                                .interval())
                .isEqualTo(Duration.ofHours(3));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "D01' OR 1=1 --",
                "D01'; DROP DATABASE gridpulse",
                "a\\'b",
                "D01\" OR \"x",
                "/.*/",
                "D01 ",
                "../etc",
                "<script>alert(1)</script>",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "D01\nSELECT"
            })
    void shouldRefuseAnythingThatIsNotAnId(String hostile) {
        assertThatThrownBy(() -> new QueryParameters(hostile, null, null, null, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("not a valid district id")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(hostile));
    }

    @Test
    void shouldEscapeQuotesAsASecondWall() {
        assertThat(QueryParameters.quoteInner("a'b\\c")).isEqualTo("a\\'b\\\\c");
    }

    @Test
    void shouldRefuseARangeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new QueryParameters(null, null, null, TO, FROM))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("must start before it ends");
    }

    @Test
    void shouldSayWhichValueAQueryLacks() {
        assertThatThrownBy(() -> QueryParameters.none().render(QueryCatalogue.DISTRICT_DEMAND))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("district_demand needs a district");
    }
}
