package io.chuk.protocol.standalone;

import io.chuk.protocol.handlers.LineHandler;
import io.chuk.protocol.handlers.NonBlocking;

import java.util.Arrays;

/**
 * Answers each line with how the thread running {@code processLine} got the read: {@code selector}
 * when Jetty's selecting thread ran the read itself (produce-consume), {@code handed-off} otherwise.
 */
@NonBlocking
public class ReadingThreadHandler extends LineHandler {

    @Override
    public void processLine(String line) {
        boolean onSelector = Arrays.stream(Thread.currentThread().getStackTrace())
                .anyMatch(frame -> frame.getClassName().endsWith("AdaptiveExecutionStrategy")
                        && frame.getMethodName().equals("pcRunTask"));
        sendLine(line + " " + (onSelector ? "selector" : "handed-off"));
    }
}
