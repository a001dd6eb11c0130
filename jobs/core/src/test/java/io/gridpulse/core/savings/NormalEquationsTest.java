package io.gridpulse.core.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalEquationsTest {

    @Test
    void shouldSolveAnExactSystemAndLeaveAnUntouchedColumnUndetermined() {
        // y = 2 a + 3 b over rows (a, b) = (1, 0), (0, 1), (1, 1); column 2 never used
        NormalEquations equations = new NormalEquations(3);
        equations.add(new int[] {0}, new double[] {1}, 1, 2);
        equations.add(new int[] {1}, new double[] {1}, 1, 3);
        equations.add(new int[] {0, 1}, new double[] {1, 1}, 2, 5);

        double[] solution = equations.solve();

        assertThat(solution[0]).isCloseTo(2, within(1e-6));
        assertThat(solution[1]).isCloseTo(3, within(1e-6));
        assertThat(solution[2]).isNaN();
    }

    @Test
    void shouldSurviveCollinearColumns() {
        // two identical columns: any split of their sum fits; the prediction must still be right
        NormalEquations equations = new NormalEquations(2);
        for (int i = 1; i <= 5; i++) {
            equations.add(new int[] {0, 1}, new double[] {i, i}, 2, 4.0 * i);
        }
        double[] solution = equations.solve();
        assertThat(solution[0] + solution[1]).isCloseTo(4, within(1e-4));
    }
}
