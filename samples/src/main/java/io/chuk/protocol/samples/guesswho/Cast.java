package io.chuk.protocol.samples.guesswho;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The 24 characters of the original game, in its order. */
public final class Cast {

    public static final List<Person> ALL = List.of(
            new Person("Alex", "male", "black", "short", false, false, false),
            new Person("Alfred", "male", "none", "bald", false, true, false),
            new Person("Anita", "female", "blonde", "long", false, false, false),
            new Person("Anne", "female", "black", "short", false, false, false),
            new Person("Bernard", "male", "brown", "short", false, true, true),
            new Person("Bill", "male", "none", "bald", false, true, false),
            new Person("Charles", "male", "blonde", "short", false, true, false),
            new Person("Claire", "female", "red", "short", true, false, false),
            new Person("David", "male", "blonde", "short", false, true, false),
            new Person("Eric", "male", "blonde", "short", false, false, true),
            new Person("Frans", "male", "red", "short", false, false, false),
            new Person("George", "male", "white", "short", false, false, true),
            new Person("Herman", "male", "none", "bald", false, false, false),
            new Person("Joe", "male", "blonde", "short", true, false, false),
            new Person("Maria", "female", "brown", "long", false, false, true),
            new Person("Max", "male", "black", "short", false, true, false),
            new Person("Paul", "male", "white", "short", true, false, false),
            new Person("Peter", "male", "white", "short", false, false, false),
            new Person("Philip", "male", "black", "short", false, true, false),
            new Person("Richard", "male", "none", "bald", false, true, false),
            new Person("Robert", "male", "brown", "short", false, false, false),
            new Person("Sam", "male", "none", "bald", true, false, false),
            new Person("Susan", "female", "white", "long", false, false, false),
            new Person("Tom", "male", "none", "bald", true, false, false));

    private Cast() {
    }

    /** The character called {@code name}, ignoring case. */
    public static Optional<Person> named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
