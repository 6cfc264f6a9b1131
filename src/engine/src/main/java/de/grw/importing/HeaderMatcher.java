package de.grw.importing;

import de.grw.normalising.GermanText;
import de.grw.profile.CompositeSpec;
import de.grw.profile.FieldSpec;
import de.grw.profile.MatchProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Suggests a column mapping from header names, German and English, insensitive to case, umlaut spelling, blanks
 * and punctuation ({@code Geb.-Datum}, {@code GEBURTSDATUM}, {@code date_of_birth} all match {@code birth_date}).
 */
public final class HeaderMatcher {
    /** A trailing component number such as {@code _1}, {@code 2}, {@code _c1}. */
    /** A name of dot-separated parts without blanks, as flattened nested JSON gives it. */
    private static final Pattern DOTTED = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)+");
    private static final Pattern COMPONENT_SUFFIX = Pattern.compile("^(.*?[A-Za-zÄÖÜäöüß])[\\s_.-]*c?(\\d{1,2})$");
    /** Words that name whose data a column holds, e.g. {@code Halter Nachname}, {@code person_surname}. */
    private static final List<String> ROLE_PREFIXES = List.of("halter", "person", "personen", "pers", "kunde",
            "kunden", "antragsteller", "antragstellerin", "buerger", "einwohner", "inhaber", "client", "customer",
            "patient", "member", "mitglied", "leistungsempfaenger", "empfaenger", "bewohner", "hh", "fahrzeughalter");

    private HeaderMatcher() {
    }

    /** The comparable key of a header: search form without blanks ({@code "Geb.-Datum"} -> {@code "gebdatum"}). */
    public static String key(String header) {
        String form = GermanText.searchForm(header);
        return form == null ? "" : form.replace(" ", "");
    }

    public static ColumnMapping suggest(List<String> columns, MatchProfile profile) {
        Map<String, ColumnTarget> index = aliasIndex(profile);
        int n = columns.size();
        ColumnTarget[] targets = new ColumnTarget[n];
        String[] reasons = new String[n];
        boolean[] numbered = new boolean[n];
        for (int i = 0; i < n; i++) {
            String k = key(columns.get(i));
            ColumnTarget t = lookup(index, k);
            if (t != null) {
                targets[i] = t;
                reasons[i] = "(header matches '" + k + "')";
            }
        }
        for (int i = 0; i < n; i++) {
            // a combined-column alias met by chance ("name.Vorname" reads as "Name Vorname") yields to the nested key
            if (targets[i] == null || targets[i] instanceof ColumnTarget.Composite) {
                dotted(columns.get(i), index, i, targets, reasons, numbered);
            }
        }
        for (int i = 0; i < n; i++) {
            if (targets[i] != null) {
                continue;
            }
            var m = COMPONENT_SUFFIX.matcher(columns.get(i).trim());
            if (m.matches()) {
                ColumnTarget t = lookup(index, key(m.group(1)));
                if (t instanceof ColumnTarget.Field) {
                    targets[i] = t;
                    numbered[i] = true;
                    reasons[i] = "(part " + Integer.parseInt(m.group(2)) + " of a numbered column group)";
                }
            }
        }
        resolveComposites(columns, profile, targets, reasons);
        resolveDuplicates(columns, targets, reasons, numbered);
        List<ColumnTarget> t = new ArrayList<>(n);
        List<String> r = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            t.add(targets[i] == null ? new ColumnTarget.Extra() : targets[i]);
            r.add(reasons[i] == null ? "(no matching field)" : reasons[i]);
        }
        return new ColumnMapping(columns, t, r);
    }

    /**
     * A dotted name, as flattened nested JSON gives it ({@code adresse.strasse}, {@code name.Familienname},
     * {@code vornamen.2}, {@code adressen.1.strasse}): the parts before the last name part are taken like a role
     * prefix. A number at the end (an array of values, {@code vornamen.2}) makes it part of a numbered column group,
     * which is joined; a number in the middle (an array of objects, two addresses) does not: the first such column
     * of a field is used, the others are kept unmapped. Tried only when the whole name matches nothing.
     */
    private static void dotted(String column, Map<String, ColumnTarget> index, int i, ColumnTarget[] targets,
                               String[] reasons, boolean[] numbered) {
        String name = column.trim();
        if (!DOTTED.matcher(name).matches()) {
            return;
        }
        List<String> words = new ArrayList<>();
        String[] parts = name.split("\\.");
        for (String part : parts) {
            if (!part.chars().allMatch(Character::isDigit)) {
                words.add(part);
            }
        }
        boolean number = parts[parts.length - 1].chars().allMatch(Character::isDigit);
        if (words.isEmpty()) {
            return;
        }
        String last = words.get(words.size() - 1);
        ColumnTarget t = lookup(index, key(last));
        if (t == null || number && !(t instanceof ColumnTarget.Field)
                || targets[i] != null && !(t instanceof ColumnTarget.Field)) {
            return;
        }
        targets[i] = t;
        numbered[i] = number;
        reasons[i] = "(nested key '" + key(last) + "')";
    }

    private static ColumnTarget lookup(Map<String, ColumnTarget> index, String k) {
        if (k.isEmpty()) {
            return null;
        }
        ColumnTarget t = index.get(k);
        if (t != null) {
            return t;
        }
        for (String prefix : ROLE_PREFIXES) {
            if (k.length() >= prefix.length() + 2 && k.startsWith(prefix)) {
                t = index.get(k.substring(prefix.length()));
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    static Map<String, ColumnTarget> aliasIndex(MatchProfile profile) {
        Map<String, ColumnTarget> index = new HashMap<>();
        for (FieldSpec f : profile.fields()) {
            ColumnTarget target = new ColumnTarget.Field(f.name());
            index.putIfAbsent(key(f.name()), target);
            for (String a : f.aliases()) {
                index.putIfAbsent(key(a), target);
            }
            for (var part : f.parts().entrySet()) {
                for (String a : part.getValue()) {
                    index.putIfAbsent(key(a), new ColumnTarget.DatePart(f.name(), part.getKey()));
                }
            }
        }
        for (CompositeSpec c : profile.composites()) {
            ColumnTarget target = new ColumnTarget.Composite(c.name());
            index.putIfAbsent(key(c.name()), target);
            for (String a : c.aliases()) {
                index.putIfAbsent(key(a), target);
            }
        }
        return index;
    }

    /**
     * A combined column beside separate columns for some of its parts holds the remaining part: "Name" beside
     * "Vorname" is the family name, "Anschrift" beside "Hausnummer" is the street.
     */
    private static void resolveComposites(List<String> columns, MatchProfile profile, ColumnTarget[] targets,
                                          String[] reasons) {
        Set<String> direct = new HashSet<>();
        for (ColumnTarget t : targets) {
            if (t instanceof ColumnTarget.Field f) {
                direct.add(f.field());
            }
        }
        for (int i = 0; i < targets.length; i++) {
            if (!(targets[i] instanceof ColumnTarget.Composite c)) {
                continue;
            }
            CompositeSpec spec = profile.composites().stream().filter(s -> s.name().equals(c.composite()))
                    .findFirst().orElseThrow();
            List<String> main = spec.targets().subList(0, Math.min(2, spec.targets().size()));
            List<String> uncovered = main.stream().filter(f -> !direct.contains(f)).toList();
            if (uncovered.size() == main.size()) {
                continue; // a genuine combined column
            }
            if (uncovered.isEmpty()) {
                targets[i] = null;
                reasons[i] = "(combined column, but its parts have columns of their own)";
            } else {
                String field = uncovered.get(0);
                targets[i] = new ColumnTarget.Field(field);
                direct.add(field);
                reasons[i] = "(combined header beside separate columns: holds " + field + ")";
            }
        }
    }

    /** Two columns for one field: numbered groups are joined; otherwise the first column wins. */
    private static void resolveDuplicates(List<String> columns, ColumnTarget[] targets, String[] reasons,
                                          boolean[] numbered) {
        Map<ColumnTarget, Integer> first = new HashMap<>();
        for (int i = 0; i < targets.length; i++) {
            ColumnTarget t = targets[i];
            if (t == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(t, i);
            if (earlier == null) {
                continue;
            }
            boolean joinable = t instanceof ColumnTarget.Field && (numbered[i] || numbered[earlier]);
            if (!joinable) {
                targets[i] = null;
                reasons[i] = "(also looks like " + t.describe() + "; column \"" + columns.get(earlier)
                        + "\" is used)";
            }
        }
    }
}
