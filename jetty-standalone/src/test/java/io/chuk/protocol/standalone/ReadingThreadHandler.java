package io.chuk.protocol.standalone;

import io.chuk.protocol.handlers.LineHandler;
import io.chuk.protocol.handlers.NonBlocking;

import java.util.Arrays;

/**
 * Says on which kind of thread its callbacks run. The welcome is {@code welcome selector} when the
 * connection was set up by the selector thread that registered it, {@code welcome pool} otherwise;
 * each line is answered with {@code selector} when Jetty's selecting thread ran the read itself
 * (produce-consume), {@code handed-off} otherwise, followed by {@code via-jakarta} when the line
 * came through the Jakarta layer's message dispatch (WebSocket text frames should not).
 */
@NonBlocking
public class ReadingThreadHandler extends LineHandler {

    @Override
    public void sendWelcome() {
        sendLine("welcome " + (onStack("ManagedSelector$SelectorProducer", "processUpdates") ? "selector" : "pool"));
    }

    @Override
    public void processLine(String line) {
        sendLine(line + " " + (onStack("AdaptiveExecutionStrategy", "pcRunTask") ? "selector" : "handed-off")
                + (onStack("JakartaWebSocketFrameHandler", "onFrame") ? " via-jakarta" : ""));
    }

    private static boolean onStack(String classSuffix, String method) {
        return Arrays.stream(Thread.currentThread().getStackTrace())
                .anyMatch(frame -> frame.getClassName().endsWith(classSuffix) && frame.getMethodName().equals(method));
    }
}
