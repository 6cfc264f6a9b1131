package de.grw.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * One part of a blocking key: a field passed through a registered key transform. With {@code fields}, the part
 * takes the keys of several fields at once (a record's given-name initial and family-name initial, say), so the part
 * agrees when any of them agrees.
 *
 * @param field     the field
 * @param fields    further fields whose keys count for this part too (may be empty)
 * @param transform registered transform name (e.g. {@code phonetic}, {@code year}, {@code prefix})
 * @param length    parameter for transforms that take one (e.g. prefix length), else 0
 */
public record KeyPartSpec(String field, List<String> fields, String transform, int length) {
    public KeyPartSpec {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** The field and the further fields, without repetition. */
    public List<String> allFields() {
        List<String> all = new ArrayList<>();
        if (field != null) {
            all.add(field);
        }
        for (String f : fields) {
            if (!all.contains(f)) {
                all.add(f);
            }
        }
        return all;
    }
}
