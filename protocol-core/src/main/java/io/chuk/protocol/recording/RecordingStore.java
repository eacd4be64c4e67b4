package io.chuk.protocol.recording;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recordings in the recording directories, for a dashboard: {@link #list} describes them,
 * {@link #open} reads one. Only names of the recorder's own form
 * ({@code 20260101T120000Z_server_<uuid>.cast}) of a regular file (not a link) directly in one of
 * the directories are served, so no name can reach another file.
 */
public final class RecordingStore {

    static final String EXTENSION = ".cast";
    static final String ENV_SERVER = "CHUK_SERVER";
    static final String ENV_TRANSPORT = "CHUK_TRANSPORT";
    static final String ENV_SESSION = "CHUK_SESSION";

    /** The most recordings {@link #list} describes: the newest ones. */
    public static final int MAX_LISTED = 1000;
    /** The most of a file read for its header. */
    private static final int MAX_HEADER_BYTES = 4096;
    private static final int MAX_SERVER_NAME = 64;
    private static final Pattern NAME = Pattern.compile(
            "(\\d{8}T\\d{6}Z)_([A-Za-z0-9.-]{1," + MAX_SERVER_NAME + "})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
                    + Pattern.quote(EXTENSION));
    private static final JsonFactory JSON = new JsonFactory();

    /** One recording: {@code finished} is false while its session is still being recorded. */
    public record Recording(String name, String sessionId, String server, String transport, Instant startTime,
                            long size, boolean finished) {
    }

    private final List<Path> directories;
    private final Predicate<String> active;

    /**
     * @param directories where recordings are written
     * @param active      whether a file name is a recording still being written
     */
    public RecordingStore(List<Path> directories, Predicate<String> active) {
        this.directories = directories.stream().map(d -> d.toAbsolutePath().normalize()).distinct().toList();
        this.active = active;
    }

    /** The server name as it appears in a file name: letters, digits, {@code .} and {@code -} only, at most 64. */
    static String safeServerName(String server) {
        String safe = server.replaceAll("[^A-Za-z0-9.-]", "-");
        return safe.isEmpty() ? "-" : safe.length() > MAX_SERVER_NAME ? safe.substring(0, MAX_SERVER_NAME) : safe;
    }

    /** Whether {@code name} has the form of a recording's file name (and so no path in it). */
    public static boolean isRecordingName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The newest {@link #MAX_LISTED} recordings, newest first. */
    public List<Recording> list() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path directory : directories) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                    entry -> isRecordingName(entry.getFileName().toString()))) {
                entries.forEach(files::add);
            } catch (NoSuchFileException e) {
                // nothing recorded there yet
            }
        }
        // The names start with the start time, so the name orders by age.
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        List<Recording> recordings = new ArrayList<>();
        for (Path file : files) {
            if (recordings.size() == MAX_LISTED) {
                break;
            }
            describe(file).ifPresent(recordings::add);
        }
        return recordings;
    }

    /**
     * The content of the recording called {@code name}.
     *
     * @throws IllegalArgumentException if {@code name} is not a recording's file name
     * @throws NoSuchFileException      if there is no such recording
     */
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(find(name), LinkOption.NOFOLLOW_LINKS);
    }

    /** The size in bytes of the recording called {@code name} right now; see {@link #open}. */
    public long size(String name) throws IOException {
        return Files.size(find(name));
    }

    private Path find(String name) throws IOException {
        if (!isRecordingName(name)) {
            throw new IllegalArgumentException("not a recording name: " + name);
        }
        for (Path directory : directories) {
            Path file = directory.resolve(name);
            if (file.getParent().equals(directory) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return file;
            }
        }
        throw new NoSuchFileException(name);
    }

    private Optional<Recording> describe(Path file) {
        String name = file.getFileName().toString();
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BasicFileAttributes attributes;
        Map<String, String> header;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            header = header(file);
        } catch (IOException e) {
            return Optional.empty(); // gone meanwhile, or unreadable: not listed
        }
        Instant start = header.containsKey("timestamp")
                ? Instant.ofEpochSecond(Long.parseLong(header.get("timestamp")))
                : attributes.creationTime().toInstant();
        return Optional.of(new Recording(name, matcher.group(3), header.getOrDefault(ENV_SERVER, matcher.group(2)),
                header.getOrDefault(ENV_TRANSPORT, "unknown"), start, attributes.size(), !active.test(name)));
    }

    /** The header's timestamp and the recorder's env variables; what cannot be read is left out. */
    private static Map<String, String> header(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            start = in.readNBytes(MAX_HEADER_BYTES);
        }
        int end = 0;
        while (end < start.length && start[end] != '\n') {
            end++;
        }
        Map<String, String> values = new HashMap<>();
        try (JsonParser parser = JSON.createParser(new String(start, 0, end, StandardCharsets.UTF_8))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return values;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("timestamp") && value == JsonToken.VALUE_NUMBER_INT) {
                    values.put("timestamp", Long.toString(parser.getLongValue()));
                } else if (field.equals("env") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String variable = parser.currentName();
                        if (parser.nextToken() == JsonToken.VALUE_STRING) {
                            values.put(variable, parser.getText());
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            // a header cut short or not ours: the file name still says enough
        }
        return values;
    }
}
