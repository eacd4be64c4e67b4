package io.chuk.protocol.standalone;

import io.chuk.protocol.samples.guesswho.Cast;
import io.chuk.protocol.samples.guesswho.GuessWhoHandler;

/** Guess Who whose secret is always Claire, so a test can play to a known win or loss. */
public class FixedSecretGuessWhoHandler extends GuessWhoHandler {
    public FixedSecretGuessWhoHandler() {
        super(() -> Cast.named("Claire").orElseThrow());
    }
}
