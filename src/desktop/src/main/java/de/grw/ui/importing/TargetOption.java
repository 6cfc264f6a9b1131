package de.grw.ui.importing;

import de.grw.importing.ColumnTarget;
import de.grw.profile.CompositeSpec;
import de.grw.profile.FieldSpec;
import de.grw.profile.FieldType;
import de.grw.profile.MatchProfile;
import de.grw.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;

/**
 * One choice in a column's target list: a field of the profile, a part of a date, a combined column or "keep, do
 * not compare".
 *
 * @param code  the target as a mapping file writes it ({@code family_name}, {@code birth_date.year},
 *              {@code full_name}, {@code extra})
 * @param label the text the user sees
 */
public record TargetOption(String code, String label) {
    /** The code of columns that are kept with the record but not compared. */
    public static final String EXTRA = "extra";

    @Override
    public String toString() {
        return label;
    }

    /** All choices of a profile, in the profile's field order; "keep, do not compare" first. */
    public static List<TargetOption> all(MatchProfile profile, I18n i18n) {
        String language = i18n.locale().getLanguage();
        List<TargetOption> out = new ArrayList<>();
        out.add(new TargetOption(EXTRA, i18n.get("target.extra")));
        for (FieldSpec f : profile.fields()) {
            out.add(new TargetOption(f.name(), f.label(language)));
            if (f.type() == FieldType.DATE) {
                for (String part : List.of("year", "month", "day")) {
                    out.add(new TargetOption(f.name() + "." + part, i18n.get("target.datePart", f.label(language),
                            i18n.get("target.part." + part))));
                }
            }
        }
        for (CompositeSpec c : profile.composites()) {
            String key = "target.composite." + c.name();
            String label = i18n.bundle().containsKey(key) ? i18n.get(key) : i18n.get("target.composite", c.name());
            out.add(new TargetOption(c.name(), label));
        }
        return out;
    }

    /** The mapping-file code of an engine target. */
    public static String code(ColumnTarget target) {
        if (target instanceof ColumnTarget.Field f) {
            return f.field();
        }
        if (target instanceof ColumnTarget.DatePart d) {
            return d.field() + "." + d.part();
        }
        if (target instanceof ColumnTarget.Composite c) {
            return c.composite();
        }
        return EXTRA;
    }

    /** The choice with a code among the options, or {@code null}. */
    public static TargetOption find(List<TargetOption> options, String code) {
        for (TargetOption o : options) {
            if (o.code().equals(code)) {
                return o;
            }
        }
        return null;
    }
}
