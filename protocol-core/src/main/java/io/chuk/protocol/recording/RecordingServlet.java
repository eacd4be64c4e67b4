package io.chuk.protocol.recording;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.chuk.protocol.monitor.MonitorToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;

/**
 * The recordings over HTTP, for the dashboard; mount it at {@code <dashboard_path>/recordings/*}:
 * {@code GET .../recordings} answers the list as JSON
 * ({@code {"recordings": [{"name", "session_id", "server", "transport", "start_time", "size", "finished"}]}},
 * {@code start_time} in epoch seconds), {@code GET .../recordings/<name>} the file as
 * {@code application/x-asciicast}. With a {@code monitor_token} the request must present it as
 * the monitor's viewers do (401 without, 403 wrong): recordings show what users saw, and typed.
 */
public final class RecordingServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.recording");
    public static final String CAST_TYPE = "application/x-asciicast";
    private static final JsonFactory JSON = new JsonFactory();

    private final transient RecordingStore store;
    private final transient MonitorToken token;

    /**
     * @param store        the recordings ({@code ProtocolRuntime.recorder().store()})
     * @param monitorToken the entry's {@code monitor_token}, or {@code null} for none
     */
    public RecordingServlet(RecordingStore store, String monitorToken) {
        this.store = store;
        this.token = monitorToken == null ? null : new MonitorToken(monitorToken);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("GET")) {
            response.setHeader("Allow", "GET");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (token != null) {
            int verdict = token.check(request.getHeader("Authorization"), request.getParameter("token"));
            if (verdict != MonitorToken.ALLOWED) {
                LOG.warn("Recording access refused for {} ({})", request.getRemoteAddr(),
                        verdict == MonitorToken.MISSING ? "no token" : "wrong token");
                if (verdict == MonitorToken.MISSING) {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"monitor\"");
                }
                response.sendError(verdict);
                return;
            }
        }
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            list(response);
        } else {
            send(path.substring(1), request, response);
        }
    }

    private void list(HttpServletResponse response) throws IOException {
        var recordings = store.list();
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try (JsonGenerator out = JSON.createGenerator(response.getOutputStream())) {
            out.writeStartObject();
            out.writeArrayFieldStart("recordings");
            for (RecordingStore.Recording recording : recordings) {
                out.writeStartObject();
                out.writeStringField("name", recording.name());
                out.writeStringField("session_id", recording.sessionId());
                out.writeStringField("server", recording.server());
                out.writeStringField("transport", recording.transport());
                out.writeNumberField("start_time", recording.startTime().getEpochSecond());
                out.writeNumberField("size", recording.size());
                out.writeBooleanField("finished", recording.finished());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    private void send(String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!RecordingStore.isRecordingName(name)) {
            LOG.warn("Recording request from {} refused: not a recording name", request.getRemoteAddr());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Not a recording name");
            return;
        }
        try (InputStream in = store.open(name)) {
            response.setContentType(CAST_TYPE);
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
        } catch (NoSuchFileException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such recording");
        }
    }
}
