package org.karaul.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void shouldCountTheRecordsAfterTheWarmUpFromTheLastWarmUpRecordsTime() {
        // read out of order, as records of three partitions are
        Window w = Window.after(new long[] {130, 100, 110, 500, 120, 300}, 2);

        assertThat(w.items()).isEqualTo(4);
        assertThat(w.startMs()).isEqualTo(110);
        assertThat(w.ms()).isEqualTo(390);
    }

    @Test
    void shouldRunFromTheFirstRecordWithoutAWarmUp() {
        Window w = Window.after(new long[] {40, 10, 25}, 0);

        assertThat(w.items()).isEqualTo(3);
        assertThat(w.ms()).isEqualTo(30);
    }

    @Test
    void shouldBeEmptyWhenNoRecordCameAfterTheWarmUp() {
        assertThat(Window.after(new long[] {1, 2}, 2)).isEqualTo(Window.EMPTY);
        assertThatThrownBy(() -> Window.after(new long[] {1}, -1)).hasMessageContaining("-1");
    }
}
