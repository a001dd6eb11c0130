package io.gridpulse.evaluation;

import io.gridpulse.testkit.ApplicationBoundaries;
import org.junit.jupiter.api.Test;

class ApplicationBoundaryTest {

    @Test
    void shouldImportNoOtherApplication() {
        ApplicationBoundaries.check("evaluation");
    }
}
