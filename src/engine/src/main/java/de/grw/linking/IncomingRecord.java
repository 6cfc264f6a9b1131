package de.grw.linking;

import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ColumnTarget;
import de.grw.importing.ImportProblem;
import de.grw.importing.RecordAssembler;
import de.grw.profile.MatchProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An incoming person record as another application sends it: profile field names to values, any subset of the
 * profile's fields. Its values are read exactly as an import reads a row whose columns are mapped to those fields
 * ({@link RecordAssembler}: blanks trimmed, dates parsed to ISO in every German spelling, flags read). Unlike an
 * import, which keeps a row with a bad value and reports it, a link request with an unknown field or a value that
 * cannot be read (an impossible date, a flag that is none) is refused with a message naming field and problem: the
 * calling application is there to correct it, and a silently dropped birth date would change the candidates.
 */
public final class IncomingRecord {
    private IncomingRecord() {
    }

    /** The canonical values, one per profile field ({@code null} where not given or blank). */
    public static String[] canonical(MatchProfile profile, Map<String, String> record) {
        if (record == null || record.values().stream().allMatch(v -> v == null || v.isBlank())) {
            throw new UserFacingException(Text.of("link.empty_record"));
        }
        List<String> columns = new ArrayList<>();
        List<ColumnTarget> targets = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        String[] cells = new String[record.size()];
        for (Map.Entry<String, String> e : record.entrySet()) {
            String field = e.getKey() == null ? "" : e.getKey().strip();
            if (profile.fieldIndex(field) < 0) {
                throw new UserFacingException(Text.of("link.unknown_field", field,
                        String.join(", ", profile.fields().stream().map(f -> f.name()).toList())));
            }
            cells[columns.size()] = e.getValue();
            columns.add(field);
            targets.add(new ColumnTarget.Field(field));
            reasons.add("request");
        }
        RecordAssembler assembler = new RecordAssembler(profile, new ColumnMapping(columns, targets, reasons));
        List<ImportProblem> problems = new ArrayList<>();
        String[] values = assembler.assemble(cells, "request", 1, 1, problems);
        for (ImportProblem p : problems) {
            if (p.kind() != ImportProblem.Kind.NOTICE) {
                throw new UserFacingException(Text.of("link.bad_value", p.text()));
            }
        }
        return values;
    }
}
