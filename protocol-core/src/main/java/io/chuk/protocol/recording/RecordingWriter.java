package io.chuk.protocol.recording;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one thread that writes every recording's file, so sessions never wait for a disk. Events
 * are admitted while fewer than {@link #MAX_QUEUED_EVENTS} events and {@link #MAX_QUEUED_CHARS}
 * characters wait, across all sessions; a session whose event is refused stops recording. Opening
 * and finishing a file always get through (two items per session). Each file is kept within its
 * {@code record_max_bytes}, the final marker included. Files are flushed whenever the queue runs
 * empty, and closed when their session ends.
 */
final class RecordingWriter implements AutoCloseable {

    static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.recording");

    static final int MAX_QUEUED_EVENTS = 10_000;
    static final long MAX_QUEUED_CHARS = 4L * 1024 * 1024;
    /** How long a stop waits for the queue to be written. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private sealed interface Item permits Open, Event, Finish, Stop {
    }

    private record Open(SessionRecording recording, Path file, byte[] header, int maxBytes) implements Item {
    }

    private record Event(SessionRecording recording, double seconds, String code, String data) implements Item {
    }

    private record Finish(SessionRecording recording, double seconds, String marker) implements Item {
    }

    private record Stop() implements Item {
    }

    /** An open file and what has been written to it. */
    private static final class Target {
        final Path file;
        final OutputStream out;
        final int maxBytes;
        long written;
        boolean dirty;

        Target(Path file, OutputStream out, int maxBytes) {
            this.file = file;
            this.out = out;
            this.maxBytes = maxBytes;
        }
    }

    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final AtomicLong queuedChars = new AtomicLong();
    /** Only touched by the writer thread. */
    private final Map<SessionRecording, Target> open = new HashMap<>();
    /** The file names being written: recordings not yet finished. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final int maxQueuedEvents;
    private final long maxQueuedChars;
    private final Thread thread;

    RecordingWriter() {
        this(MAX_QUEUED_EVENTS, MAX_QUEUED_CHARS);
    }

    /** A writer with other queue bounds (a test's zero shows what a full queue does). */
    RecordingWriter(int maxQueuedEvents, long maxQueuedChars) {
        this.maxQueuedEvents = maxQueuedEvents;
        this.maxQueuedChars = maxQueuedChars;
        thread = new Thread(this::run, "chuk-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether {@code name} is a recording still being written. */
    boolean isActive(String name) {
        return active.contains(name);
    }

    void open(SessionRecording recording, Path file, byte[] header, int maxBytes) {
        active.add(file.getFileName().toString());
        queue.add(new Open(recording, file, header, maxBytes));
    }

    /** Queues an event; false if the queue is at its bound (the event is not queued). */
    boolean event(SessionRecording recording, double seconds, String code, String data) {
        // Both counts are taken (no short circuit), so both are given back on refusal.
        if (queuedEvents.incrementAndGet() > maxQueuedEvents
                | queuedChars.addAndGet(data.length()) > maxQueuedChars) {
            queuedEvents.decrementAndGet();
            queuedChars.addAndGet(-data.length());
            return false;
        }
        queue.add(new Event(recording, seconds, code, data));
        return true;
    }

    /** Writes {@code marker} (unless null) as the last event, then closes the file. */
    void finish(SessionRecording recording, double seconds, String marker) {
        queue.add(new Finish(recording, seconds, marker));
    }

    /** Writes everything queued, closes every file and ends the thread, waiting at most {@link #CLOSE_TIMEOUT}. */
    @Override
    public void close() {
        queue.add(new Stop());
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Recordings not written within {} s; {} event(s) lost", CLOSE_TIMEOUT.toSeconds(),
                    queuedEvents.get());
        }
    }

    private void run() {
        while (true) {
            Item item;
            try {
                item = queue.poll();
                if (item == null) {
                    flushAll();
                    item = queue.take();
                }
            } catch (InterruptedException e) {
                closeAll();
                return;
            }
            if (item instanceof Stop) {
                closeAll();
                return;
            }
            try {
                handle(item);
            } catch (RuntimeException e) {
                LOG.warn("Recording writer failed on {}", item, e);
            }
        }
    }

    private void handle(Item item) {
        if (item instanceof Open o) {
            try {
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(o.file(),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
                Target target = new Target(o.file(), out, o.maxBytes());
                open.put(o.recording(), target);
                write(target, o.header());
            } catch (IOException e) {
                fail(o.recording(), o.file(), e);
            }
        } else if (item instanceof Event e) {
            queuedEvents.decrementAndGet();
            queuedChars.addAndGet(-e.data().length());
            Target target = open.get(e.recording());
            if (target != null) {
                append(e.recording(), target, e);
            }
        } else if (item instanceof Finish f) {
            Target target = open.get(f.recording());
            if (target != null) {
                if (f.marker() != null) {
                    writeOrFail(f.recording(), target, Asciicast.event(f.seconds(), Asciicast.MARKER, f.marker()));
                }
                close(f.recording());
            }
        }
    }

    /** Writes an event, or the size marker and the end if the event would pass the file's bound. */
    private void append(SessionRecording recording, Target target, Event event) {
        byte[] line = Asciicast.event(event.seconds(), event.code(), event.data());
        String marker = "recording stopped: the file reached record_max_bytes (" + target.maxBytes + " bytes)";
        byte[] end = Asciicast.event(event.seconds(), Asciicast.MARKER, marker);
        if (target.written + line.length + end.length <= target.maxBytes) {
            writeOrFail(recording, target, line);
            return;
        }
        recording.stopped();
        LOG.warn("Session {}: {}", recording.sessionId(), marker);
        writeOrFail(recording, target, end);
        close(recording);
    }

    private void writeOrFail(SessionRecording recording, Target target, byte[] bytes) {
        if (!open.containsKey(recording)) {
            return;
        }
        try {
            write(target, bytes);
        } catch (IOException e) {
            fail(recording, target.file, e);
        }
    }

    private static void write(Target target, byte[] bytes) throws IOException {
        target.out.write(bytes);
        target.written += bytes.length;
        target.dirty = true;
    }

    private void fail(SessionRecording recording, Path file, IOException e) {
        LOG.warn("Session {}: cannot write the recording {}; recording stopped: {}", recording.sessionId(), file,
                e.toString());
        recording.stopped();
        close(recording);
        active.remove(file.getFileName().toString());
    }

    private void close(SessionRecording recording) {
        Target target = open.remove(recording);
        if (target == null) {
            return;
        }
        try {
            target.out.close();
        } catch (IOException e) {
            LOG.warn("Session {}: closing the recording {} failed: {}", recording.sessionId(), target.file,
                    e.toString());
        }
        active.remove(target.file.getFileName().toString());
    }

    private void flushAll() {
        for (Map.Entry<SessionRecording, Target> entry : Map.copyOf(open).entrySet()) {
            Target target = entry.getValue();
            if (target.dirty) {
                try {
                    target.out.flush();
                    target.dirty = false;
                } catch (IOException e) {
                    fail(entry.getKey(), target.file, e);
                }
            }
        }
    }

    private void closeAll() {
        for (SessionRecording recording : Map.copyOf(open).keySet()) {
            close(recording);
        }
    }
}
