package io.chuk.protocol.samples.guesswho;

/**
 * One character of the board. Attributes are the original's words, because the {@code list}
 * table prints them as they are; a bald character's hair colour is {@code none}.
 */
public record Person(String name, String gender, String hairColor, String hairType,
                     boolean glasses, boolean facialHair, boolean hat) {

    public boolean isBald() {
        return hairType.equals("bald");
    }
}
