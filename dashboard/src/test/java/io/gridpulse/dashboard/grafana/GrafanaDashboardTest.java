package io.gridpulse.dashboard.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.dashboard.catalogue.CatalogueQuery;
import io.gridpulse.dashboard.catalogue.QueryCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrafanaDashboardTest {

    private static final Path CHECKED_IN =
            Path.of(System.getProperty("user.dir")).resolve(GrafanaDashboard.FILE);

    @Test
    void shouldBeWhatTheCatalogueGenerates() throws Exception {
        assertThat(Files.readString(CHECKED_IN))
                .as(
                        "%s is out of date with the query catalogue; regenerate it with%n  java -cp \"dashboard/target/classes:"
                                + "$(cat .run/classpath/dashboard.txt)\" %s dashboard/%s",
                        CHECKED_IN, GrafanaDashboard.class.getName(), GrafanaDashboard.FILE)
                .isEqualTo(GrafanaDashboard.render());
    }

    @Test
    void shouldHaveAPanelForEveryCatalogueQueryMeantForGrafana() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(CHECKED_IN.toFile());
        Set<String> panelQueries = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                CatalogueQuery query = QueryCatalogue.byId(target.path("refId").asText());
                assertThat(target.path("query").asText())
                        .as(query.id())
                        .isEqualTo(query.influxQl());
                panelQueries.add(query.id());
            }
        }
        assertThat(panelQueries)
                .containsExactlyInAnyOrderElementsOf(
                        QueryCatalogue.ALL.stream()
                                .filter(CatalogueQuery::grafana)
                                .map(CatalogueQuery::id)
                                .toList());
    }
}
