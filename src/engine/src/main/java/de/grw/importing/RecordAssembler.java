package de.grw.importing;

import de.grw.profile.CompositeSpec;
import de.grw.profile.FieldSpec;
import de.grw.profile.FieldType;
import de.grw.profile.MatchProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the cells of one row into canonical field values according to a column mapping: joins numbered columns,
 * combines date parts, splits combined columns and parses dates and flags. Values that cannot be used are
 * reported as problems and left empty; the original cells are never changed.
 */
public final class RecordAssembler {
    private final MatchProfile profile;
    private final ColumnMapping mapping;
    private final int fieldCount;
    private final int[] columnField;      // field index for Field targets, else -1
    private final int[] columnDateField;  // field index for DatePart targets, else -1
    private final int[] columnDatePart;   // 0 year, 1 month, 2 day
    private final int[] columnComposite;  // composite index, else -1
    private final int[][] compositeTargets;
    private final Splitter[] splitters;
    private final int idField;
    /**
     * Dates parsed before, by cell text (birth dates repeat: a million records hold some 30,000): parsing is a pure
     * function of the text and the field's year range, so each distinct text is parsed once. Bounded; one per field.
     */
    private final java.util.Map<String, ParsedDate>[] parsedDates;
    private static final int DATE_MEMO_LIMIT = 100_000;

    public RecordAssembler(MatchProfile profile, ColumnMapping mapping) {
        this.profile = profile;
        @SuppressWarnings("unchecked")
        java.util.Map<String, ParsedDate>[] memo = new java.util.Map[profile.fields().size()];
        this.parsedDates = memo;
        this.mapping = mapping;
        this.fieldCount = profile.fields().size();
        int n = mapping.columns().size();
        columnField = new int[n];
        columnDateField = new int[n];
        columnDatePart = new int[n];
        columnComposite = new int[n];
        List<CompositeSpec> composites = profile.composites();
        compositeTargets = new int[composites.size()][];
        splitters = new Splitter[composites.size()];
        for (int c = 0; c < composites.size(); c++) {
            CompositeSpec spec = composites.get(c);
            compositeTargets[c] = spec.targets().stream().mapToInt(profile::fieldIndex).toArray();
            splitters[c] = Splitters.get(spec.splitter());
        }
        for (int i = 0; i < n; i++) {
            columnField[i] = -1;
            columnDateField[i] = -1;
            columnComposite[i] = -1;
            ColumnTarget t = mapping.targets().get(i);
            if (t instanceof ColumnTarget.Field f) {
                columnField[i] = profile.fieldIndex(f.field());
            } else if (t instanceof ColumnTarget.DatePart d) {
                columnDateField[i] = profile.fieldIndex(d.field());
                columnDatePart[i] = d.part().equals("year") ? 0 : d.part().equals("month") ? 1 : 2;
            } else if (t instanceof ColumnTarget.Composite c) {
                for (int k = 0; k < composites.size(); k++) {
                    if (composites.get(k).name().equals(c.composite())) {
                        columnComposite[i] = k;
                    }
                }
            }
        }
        idField = profile.idField().map(f -> profile.fieldIndex(f.name())).orElse(-1);
    }

    public ColumnMapping mapping() {
        return mapping;
    }

    /** Index of the record-id field in the value array, or -1. */
    public int idField() {
        return idField;
    }

    /**
     * Assembles the canonical values of one row.
     *
     * @param problems receives problems with single values (the row is still imported)
     */
    public String[] assemble(String[] cells, String file, long rowNumber, long line, List<ImportProblem> problems) {
        String[] values = new String[fieldCount];
        String[] dateParts = null;
        for (int i = 0; i < cells.length && i < columnField.length; i++) {
            String cell = clean(cells[i]);
            if (cell == null) {
                continue;
            }
            if (columnField[i] >= 0) {
                int f = columnField[i];
                values[f] = values[f] == null ? cell : values[f] + " " + cell;
            } else if (columnDateField[i] >= 0) {
                if (dateParts == null) {
                    dateParts = new String[fieldCount * 3];
                }
                dateParts[columnDateField[i] * 3 + columnDatePart[i]] = cell;
            }
        }
        for (int i = 0; i < cells.length && i < columnComposite.length; i++) {
            int c = columnComposite[i];
            String cell = clean(cells[i]);
            if (c < 0 || cell == null) {
                continue;
            }
            fillFromSplit(values, c, cell);
        }
        fillEvidentlyCombined(values);
        for (int f = 0; f < fieldCount; f++) {
            FieldSpec spec = profile.fields().get(f);
            if (spec.type() == FieldType.DATE) {
                ParsedDate parsed;
                String shown;
                if (values[f] != null) {
                    shown = values[f];
                    parsed = parseDate(f, values[f], spec);
                } else if (dateParts != null) {
                    shown = partsText(dateParts, f);
                    parsed = DateParser.fromSeparateParts(dateParts[f * 3], dateParts[f * 3 + 1], dateParts[f * 3 + 2],
                            spec.years());
                } else {
                    continue;
                }
                values[f] = parsed.iso();
                if (parsed.problem() != null) {
                    problems.add(new ImportProblem(file, line, rowNumber, ImportProblem.Kind.INVALID_VALUE,
                            columnsOf(f), de.grw.common.Text.of("import.value_problem", spec.name(), parsed.reason()),
                            shown));
                }
            } else if (spec.type() == FieldType.FLAG && values[f] != null) {
                Boolean flag = parseFlag(values[f]);
                if (flag == null) {
                    problems.add(new ImportProblem(file, line, rowNumber, ImportProblem.Kind.INVALID_VALUE,
                            columnsOf(f), de.grw.common.Text.of("import.not_a_flag", spec.name(), values[f]), values[f]));
                    values[f] = null;
                } else {
                    values[f] = flag.toString();
                }
            }
        }
        return values;
    }

    private ParsedDate parseDate(int field, String text, FieldSpec spec) {
        java.util.Map<String, ParsedDate> memo = parsedDates[field];
        if (memo == null) {
            memo = new java.util.HashMap<>();
            parsedDates[field] = memo;
        }
        ParsedDate parsed = memo.get(text);
        if (parsed == null) {
            parsed = DateParser.parse(text, spec.years());
            if (memo.size() < DATE_MEMO_LIMIT) {
                memo.put(text, parsed);
            }
        }
        return parsed;
    }

    private void fillFromSplit(String[] values, int composite, String cell) {
        int[] targets = compositeTargets[composite];
        String[] parts = splitters[composite].split(cell, targets.length);
        for (int k = 0; k < targets.length; k++) {
            if (values[targets[k]] == null && parts[k] != null && !parts[k].isBlank()) {
                values[targets[k]] = parts[k];
            }
        }
    }

    private void fillEvidentlyCombined(String[] values) {
        for (int c = 0; c < compositeTargets.length; c++) {
            int[] targets = compositeTargets[c];
            String first = values[targets[0]];
            if (first == null || !splitters[c].evidentlyCombined(first)) {
                continue;
            }
            boolean othersEmpty = true;
            for (int k = 1; k < Math.min(2, targets.length); k++) {
                othersEmpty &= values[targets[k]] == null;
            }
            if (othersEmpty) {
                values[targets[0]] = null;
                fillFromSplit(values, c, first);
                if (values[targets[0]] == null) {
                    values[targets[0]] = first;
                }
            }
        }
    }

    private String partsText(String[] dateParts, int f) {
        return (dateParts[f * 3 + 2] == null ? "?" : dateParts[f * 3 + 2]) + "."
                + (dateParts[f * 3 + 1] == null ? "?" : dateParts[f * 3 + 1]) + "."
                + (dateParts[f * 3] == null ? "?" : dateParts[f * 3]);
    }

    private String columnsOf(int field) {
        String name = profile.fields().get(field).name();
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < mapping.columns().size(); i++) {
            ColumnTarget t = mapping.targets().get(i);
            if ((t instanceof ColumnTarget.Field f && f.field().equals(name))
                    || (t instanceof ColumnTarget.DatePart d && d.field().equals(name))) {
                cols.add(mapping.columns().get(i));
            }
        }
        return String.join("/", cols);
    }

    private static String clean(String cell) {
        if (cell == null) {
            return null;
        }
        String t = cell.strip();
        return t.isEmpty() ? null : t;
    }

    static Boolean parseFlag(String value) {
        switch (value.trim().toLowerCase(Locale.GERMAN)) {
            case "ja": case "j": case "yes": case "y": case "x": case "1": case "true": case "wahr": case "gesperrt":
            case "sperre":
                return Boolean.TRUE;
            case "nein": case "n": case "no": case "0": case "false": case "falsch": case "-":
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
