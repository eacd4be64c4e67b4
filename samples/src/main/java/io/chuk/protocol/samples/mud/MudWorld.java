package io.chuk.protocol.samples.mud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The sample's world: two rooms joined north-south. Immutable. */
final class MudWorld {

    /** One room; {@code exits} maps a direction to a room number. */
    record Place(int num, String name, String description, Map<String, Integer> exits) {

        /** The room as GMCP's {@code Room.Info} describes it, in a fixed order. */
        Map<String, Object> roomInfo() {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("num", num);
            info.put("name", name);
            info.put("area", "Town");
            info.put("exits", new TreeMap<>(exits));
            return info;
        }

        /** The directory room its occupants share (for {@code say}). */
        String roomName() {
            return "mud-room-" + num;
        }
    }

    static final Place SQUARE = new Place(1, "The Square", "A cobbled square. A library stands to the north.",
            Map.of("n", 2));
    static final Place LIBRARY = new Place(2, "The Library", "Shelves of dusty books. The square lies south.",
            Map.of("s", 1));
    static final List<Place> PLACES = List.of(SQUARE, LIBRARY);

    private MudWorld() {
    }

    static Place place(int num) {
        return PLACES.stream().filter(p -> p.num() == num).findFirst().orElseThrow();
    }

    /** {@code north}/{@code n} as {@code n}, {@code south}/{@code s} as {@code s}; empty for anything else. */
    static Optional<String> direction(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "n", "north" -> Optional.of("n");
            case "s", "south" -> Optional.of("s");
            default -> Optional.empty();
        };
    }
}
