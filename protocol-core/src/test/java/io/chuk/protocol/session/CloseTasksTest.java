package io.chuk.protocol.session;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CloseTasksTest {

    @Test
    void tasksRunInTheOrderTheyCameThroughTheRunner() {
        CloseTasks tasks = new CloseTasks();
        List<String> ran = new ArrayList<>();
        tasks.runAll(task -> ran.add("none yet"));
        assertEquals(List.of(), ran, "no tasks, nothing handed to the runner");

        tasks.add(() -> ran.add("first"));
        tasks.add(() -> ran.add("second"));
        tasks.runAll(task -> {
            ran.add("runner");
            task.run();
        });
        assertEquals(List.of("runner", "first", "runner", "second"), ran);
    }
}
