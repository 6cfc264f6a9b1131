package de.grw.importing;

import de.grw.profile.CompositeSpec;
import de.grw.profile.FieldSpec;
import de.grw.profile.FieldType;
import de.grw.profile.MatchProfile;
import de.grw.profile.YearRange;
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
    /** Whether a column is mapped to a composite (a combined value to split). */
    private final boolean hasCompositeColumns;
    /** The DATE and FLAG fields, in field order, and whether each is a date (else a flag). */
    private final int[] typedFields;
    private final boolean[] typedAsDate;
    /** Per field its plausible years (dates only, else null). */
    private final YearRange[] fieldYears;
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
        boolean composite = false;
        for (int c : columnComposite) {
            composite |= c >= 0;
        }
        hasCompositeColumns = composite;
        fieldYears = new YearRange[fieldCount];
        int typed = 0;
        for (FieldSpec spec : profile.fields()) {
            typed += spec.type() == FieldType.DATE || spec.type() == FieldType.FLAG ? 1 : 0;
        }
        typedFields = new int[typed];
        typedAsDate = new boolean[typed];
        int k = 0;
        for (int f = 0; f < fieldCount; f++) {
            FieldSpec spec = profile.fields().get(f);
            if (spec.type() == FieldType.DATE || spec.type() == FieldType.FLAG) {
                typedFields[k] = f;
                typedAsDate[k++] = spec.type() == FieldType.DATE;
            }
            if (spec.type() == FieldType.DATE) {
                fieldYears[f] = spec.years();
                // made here, not when the first date comes: a branch taken once per file was a recompilation
                parsedDates[f] = new java.util.HashMap<>();
            }
        }
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
     * <p>This runs for every row of every file, and the three kinds of file the import meets (one value per column,
     * combined columns to split, dates in parts) take different branches. It is kept as a short sequence of calls
     * without loops of its own: each step is a method the JIT compiles once on its own, instead of one large method
     * whose loops it compiled again and again as on-stack replacements, and which it threw away and recompiled
     * whenever the next file took a branch the first had not (seconds of compiling in a million-row import). The
     * rare paths (problems, their messages) are separate methods, so they are not compiled into the common one.
     *
     * @param problems receives problems with single values (the row is still imported)
     */
    public String[] assemble(String[] cells, String file, long rowNumber, long line, List<ImportProblem> problems) {
        String[] values = new String[fieldCount];
        String[] dateParts = placeCells(cells, values);
        if (hasCompositeColumns) {
            splitCompositeColumns(cells, values);
        }
        if (compositeTargets.length > 0) {
            fillEvidentlyCombined(values);
        }
        if (typedFields.length > 0) {
            typeValues(values, dateParts, file, rowNumber, line, problems);
        }
        return values;
    }

    /** Puts the cells of plain and numbered columns into the values; returns the date parts' cells, or null. */
    private String[] placeCells(String[] cells, String[] values) {
        String[] dateParts = null;
        int n = Math.min(cells.length, columnField.length);
        for (int i = 0; i < n; i++) {
            String cell = clean(cells[i]);
            if (cell == null) {
                continue;
            }
            int f = columnField[i];
            if (f >= 0) {
                values[f] = values[f] == null ? cell : joined(values[f], cell);
            } else if (columnDateField[i] >= 0) {
                if (dateParts == null) {
                    dateParts = new String[fieldCount * 3];
                }
                dateParts[columnDateField[i] * 3 + columnDatePart[i]] = cell;
            }
        }
        return dateParts;
    }

    /** A numbered column's cell after those before it ({@code fname_c1}, {@code fname_c2}). */
    private static String joined(String before, String cell) {
        return before + " " + cell;
    }

    /** Splits the cells of columns mapped to a combined value ({@code "Müller, Hans"}) into their fields. */
    private void splitCompositeColumns(String[] cells, String[] values) {
        int n = Math.min(cells.length, columnComposite.length);
        for (int i = 0; i < n; i++) {
            int c = columnComposite[i];
            if (c >= 0) {
                String cell = clean(cells[i]);
                if (cell != null) {
                    fillFromSplit(values, c, cell);
                }
            }
        }
    }

    /** Parses the date and flag fields' values, in field order; what cannot be used is reported. */
    private void typeValues(String[] values, String[] dateParts, String file, long rowNumber, long line,
                            List<ImportProblem> problems) {
        for (int k = 0; k < typedFields.length; k++) {
            int f = typedFields[k];
            if (typedAsDate[k]) {
                if (values[f] != null || dateParts != null) {
                    typeDate(values, dateParts, f, file, rowNumber, line, problems);
                }
            } else if (values[f] != null) {
                typeFlag(values, f, file, rowNumber, line, problems);
            }
        }
    }

    private void typeDate(String[] values, String[] dateParts, int f, String file, long rowNumber, long line,
                          List<ImportProblem> problems) {
        String text = values[f];
        ParsedDate parsed = text != null ? parseDate(f, text)
                : DateParser.fromSeparateParts(dateParts[f * 3], dateParts[f * 3 + 1], dateParts[f * 3 + 2],
                        fieldYears[f]);
        values[f] = parsed.iso();
        if (parsed.reason() != null) {
            problems.add(dateProblem(f, text != null ? text : partsText(dateParts, f), parsed, file, rowNumber, line));
        }
    }

    private ImportProblem dateProblem(int f, String shown, ParsedDate parsed, String file, long rowNumber, long line) {
        return new ImportProblem(file, line, rowNumber, ImportProblem.Kind.INVALID_VALUE, columnsOf(f),
                de.grw.common.Text.of("import.value_problem", profile.fields().get(f).name(), parsed.reason()), shown);
    }

    private void typeFlag(String[] values, int f, String file, long rowNumber, long line,
                          List<ImportProblem> problems) {
        Boolean flag = parseFlag(values[f]);
        if (flag == null) {
            problems.add(flagProblem(f, values[f], file, rowNumber, line));
            values[f] = null;
        } else {
            values[f] = flag.toString();
        }
    }

    private ImportProblem flagProblem(int f, String value, String file, long rowNumber, long line) {
        return new ImportProblem(file, line, rowNumber, ImportProblem.Kind.INVALID_VALUE, columnsOf(f),
                de.grw.common.Text.of("import.not_a_flag", profile.fields().get(f).name(), value), value);
    }

    private ParsedDate parseDate(int field, String text) {
        java.util.Map<String, ParsedDate> memo = parsedDates[field];
        ParsedDate parsed = memo.get(text);
        if (parsed == null) {
            parsed = DateParser.parse(text, fieldYears[field]);
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
