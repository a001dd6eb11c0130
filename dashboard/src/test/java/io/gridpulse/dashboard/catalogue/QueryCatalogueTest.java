package io.gridpulse.dashboard.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.dashboard.catalogue.CatalogueQuery.Placeholder;
import org.junit.jupiter.api.Test;

class QueryCatalogueTest {

    @Test
    void shouldHaveUniqueIds() {
        assertThat(QueryCatalogue.ALL).extracting(CatalogueQuery::id).doesNotHaveDuplicates();
    }

    @Test
    void shouldQuoteEveryVariableAsAStringLiteral() {
        for (CatalogueQuery query : QueryCatalogue.ALL) {
            for (Placeholder p : query.placeholders()) {
                if (p == Placeholder.DISTRICT
                        || p == Placeholder.FEEDER
                        || p == Placeholder.METER) {
                    assertThat(query.influxQl()).as(query.id()).contains("'" + p.token() + "'");
                }
            }
        }
    }

    @Test
    void shouldBoundEveryQueryOverPointsThatGrowWithTimeByTheTimeRange() {
        // Anomalies and tag values are few; everything per quarter hour or day must be bounded by
        // the range.
        for (CatalogueQuery query : QueryCatalogue.ALL) {
            String text = query.influxQl();
            if (text.startsWith("SELECT")
                    && !text.contains("FROM \"anomaly\"")
                    && query != QueryCatalogue.NEWEST_QUARTER) {
                assertThat(query.placeholders()).as(query.id()).contains(Placeholder.TIME_FILTER);
            }
        }
    }
}
