package io.chuk.protocol.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal client (such as {@code telnet}) running in a detached tmux window of a fixed
 * size, on its own tmux server: keys are typed with {@code send-keys}, and the screen is read
 * back as the user would see it with {@code capture-pane}.
 */
final class TmuxTerminal implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final String socket = "chuk-test-" + UUID.randomUUID();

    TmuxTerminal(String command, int width, int height) throws IOException, InterruptedException {
        tmux("new-session", "-d", "-x", String.valueOf(width), "-y", String.valueOf(height),
                "env TERM=xterm-256color " + command);
    }

    /** Types {@code text} literally (no key names), as a person would. */
    void type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-l", text);
    }

    /** Presses Enter. */
    void enter() throws IOException, InterruptedException {
        tmux("send-keys", "Enter");
    }

    /** The visible screen, one string per row, trailing blanks removed. */
    List<String> screen() throws IOException, InterruptedException {
        String text = tmux("capture-pane", "-p");
        return text.lines().map(String::stripTrailing).toList();
    }

    /** The screen's last row that is not blank (where the cursor's line usually is). */
    String lastLine() throws IOException, InterruptedException {
        List<String> rows = screen();
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (!rows.get(i).isBlank()) {
                return rows.get(i);
            }
        }
        return "";
    }

    /** Waits until the screen satisfies {@code condition}; returns it. */
    List<String> awaitScreen(Predicate<List<String>> condition, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<String> rows = screen();
            if (condition.test(rows)) {
                return rows;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("screen never showed " + what + ":\n" + String.join("\n", rows));
            }
            Thread.onSpinWait();
        }
    }

    /** Waits until some row of the screen contains {@code text}. */
    List<String> awaitText(String text) throws IOException, InterruptedException {
        return awaitScreen(rows -> rows.stream().anyMatch(row -> row.contains(text)), "'" + text + "'");
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = "tmux";
        command[1] = "-L";
        command[2] = socket;
        System.arraycopy(args, 0, command, 3, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    }
}
