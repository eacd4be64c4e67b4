package io.chuk.protocol.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code pages.mjs}: a scenario on the browser pages in headless Chromium (Debian's
 * {@code /usr/bin/chromium}, driven by {@code playwright-core} from npm, both installed on first
 * use), for the tests of every host that serves the pages. A scenario may ask its caller to act
 * (a line ending in {@code ?}, such as {@code STOPPED?}); {@link #awaitQuestion} and {@link #answer}
 * take turns with it, and {@link #result} is its final {@code OK …} or {@code FAIL …} line.
 */
public final class BrowserPages implements AutoCloseable {

    static final String PLAYWRIGHT = "playwright-core@1.65.1";
    /** The scenario scripts, under {@code browser/} next to this class. */
    static final List<String> SCRIPTS = List.of("pages.mjs", "dashboard.mjs");
    private static final long TIMEOUT_SECONDS = 120;

    private final Process process;
    private final BufferedReader output;
    private final Writer input;
    private final List<String> seen = new ArrayList<>();

    private BrowserPages(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Starts {@code scenario} on the page at {@code url}; screenshots go to {@code screenshots}. */
    public static BrowserPages start(Path work, String scenario, String url, Path screenshots) throws Exception {
        return start(work, "pages.mjs", scenario, url, screenshots);
    }

    /** Starts {@code scenario} of another script of {@link #SCRIPTS} (such as the dashboard's). */
    public static BrowserPages start(Path work, String script, String scenario, String url, Path screenshots) throws Exception {
        install(work);
        Files.createDirectories(screenshots);
        Process process = new ProcessBuilder("node", script, scenario, url, screenshots.toAbsolutePath().toString())
                .directory(work.toFile()).redirectErrorStream(true).start();
        return new BrowserPages(process);
    }

    /** Runs {@code scenario} to its end and returns its result line. */
    public static String run(Path work, String scenario, String url, Path screenshots) throws Exception {
        try (BrowserPages pages = start(work, scenario, url, screenshots)) {
            return pages.result();
        }
    }

    /** Waits for the scenario to print {@code question}; fails with everything it printed otherwise. */
    public void awaitQuestion(String question) throws IOException {
        String line;
        while ((line = output.readLine()) != null) {
            seen.add(line);
            if (line.equals(question)) {
                return;
            }
        }
        throw new AssertionError("the browser scenario ended before asking " + question + ": " + seen);
    }

    /** Lets the scenario go on after a question. */
    public void answer() throws IOException {
        input.write("go\n");
        input.flush();
    }

    /** The scenario's last line ({@code OK …} or {@code FAIL …}), once it has ended. */
    public String result() throws Exception {
        String line;
        while ((line = output.readLine()) != null) {
            seen.add(line);
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the browser scenario did not end: " + seen);
        }
        return seen.isEmpty() ? "FAIL no output" : seen.get(seen.size() - 1) + (seen.size() > 1 ? "\n" + seen : "");
    }

    @Override
    public void close() {
        process.destroy();
    }

    /** Chromium, playwright-core and the scenarios in {@code work}, each unless already there. */
    public static synchronized void install(Path work) throws Exception {
        Files.createDirectories(work);
        if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            exec(Path.of("."), "bash", Path.of("..", "scripts", "ensure-client-tools.sh").toString());
        }
        if (!Files.isDirectory(work.resolve("node_modules").resolve("playwright-core"))) {
            exec(work, "npm", "install", "--silent", "--no-audit", "--no-fund", "--no-save", PLAYWRIGHT);
        }
        for (String name : SCRIPTS) {
            try (InputStream script = BrowserPages.class.getResourceAsStream("browser/" + name)) {
                Files.copy(script, work.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void exec(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + log);
        }
    }
}
