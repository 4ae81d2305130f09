package org.karaul.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void shouldCloseNewestFirstAndCarryOnPastAFailingPart() {
        List<String> closed = new ArrayList<>();
        Lifecycle life = new Lifecycle();
        life.add("broker", () -> closed.add("broker"));
        life.add("broken", () -> {
            throw new IllegalStateException("boom");
        });
        life.add("streams", () -> closed.add("streams"));
        life.closeAll();
        life.closeAll();
        assertThat(closed).containsExactly("streams", "broker");
    }
}
