package io.chuk.protocol.samples.guesswho;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/** The 13 yes/no questions, typed exactly as shown (lower case, with the question mark). */
public enum Question {
    MAN("is it a man?", p -> p.gender().equals("male")),
    WOMAN("is it a woman?", p -> p.gender().equals("female")),
    GLASSES("do they have glasses?", Person::glasses),
    HAT("do they have a hat?", Person::hat),
    FACIAL_HAIR("do they have facial hair?", Person::facialHair),
    BLACK_HAIR("do they have black hair?", p -> p.hairColor().equals("black")),
    BLONDE_HAIR("do they have blonde hair?", p -> p.hairColor().equals("blonde")),
    BROWN_HAIR("do they have brown hair?", p -> p.hairColor().equals("brown")),
    RED_HAIR("do they have red hair?", p -> p.hairColor().equals("red")),
    WHITE_HAIR("do they have white hair?", p -> p.hairColor().equals("white")),
    BALD("are they bald?", Person::isBald),
    SHORT_HAIR("do they have short hair?", p -> p.hairType().equals("short")),
    LONG_HAIR("do they have long hair?", p -> p.hairType().equals("long"));

    private final String text;
    private final Predicate<Person> test;

    Question(String text, Predicate<Person> test) {
        this.text = text;
        this.test = test;
    }

    public String text() {
        return text;
    }

    /** The true answer for {@code person}. */
    public boolean answerFor(Person person) {
        return test.test(person);
    }

    /** The question whose text is exactly {@code text} (already trimmed and lower-cased). */
    public static Optional<Question> parse(String text) {
        return Arrays.stream(values()).filter(q -> q.text.equals(text)).findFirst();
    }
}
