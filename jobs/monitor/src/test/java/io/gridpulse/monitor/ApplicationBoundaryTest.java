package io.gridpulse.monitor;

import io.gridpulse.testkit.ApplicationBoundaries;
import org.junit.jupiter.api.Test;

class ApplicationBoundaryTest {

    @Test
    void shouldImportNoOtherApplication() {
        ApplicationBoundaries.check("monitor");
    }
}
