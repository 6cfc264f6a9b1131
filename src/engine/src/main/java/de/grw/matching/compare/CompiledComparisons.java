package de.grw.matching.compare;

import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import de.grw.profile.ComparisonSpec;
import de.grw.profile.LevelSpec;
import de.grw.profile.MatchProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparisons of a profile bound to the prepared records of a run. A pair's comparison vector is packed into
 * one {@code long}: four bits per comparison, holding level 0 ("missing": no evidence), 1..k for the profile's
 * levels in order, and k+1 for "else" (no level passed).
 */
public final class CompiledComparisons {
    /** Level index of a pair whose values are missing on a side. */
    public static final int MISSING = 0;

    private final String[] names;
    private final String[][] labels;
    private final PreparedField[][] presence;
    private final BoundTest[][] tests;
    private final PreparedField[][] tfFields;
    private final boolean[][] neutral;
    private final double[][] referenceM;
    private final double[][] referenceU;

    private CompiledComparisons(String[] names, String[][] labels, PreparedField[][] presence, BoundTest[][] tests,
                                PreparedField[][] tfFields, boolean[][] neutral, double[][] referenceM,
                                double[][] referenceU) {
        this.neutral = neutral;
        this.referenceM = referenceM;
        this.referenceU = referenceU;
        this.names = names;
        this.labels = labels;
        this.presence = presence;
        this.tests = tests;
        this.tfFields = tfFields;
    }

    public static CompiledComparisons compile(MatchProfile profile, PreparedRecords records) {
        return template(profile).bind(records);
    }

    /**
     * A profile's comparisons with their level tests created (parameters read, checked), not yet bound to records:
     * the link index binds them to each call's few records without reading the profile again. Immutable.
     */
    public static Template template(MatchProfile profile) {
        List<ComparisonSpec> specs = profile.comparisons();
        int n = specs.size();
        String[] names = new String[n];
        String[][] labels = new String[n][];
        String[][] presence = new String[n][];
        LevelTest[][] tests = new LevelTest[n][];
        String[][] tf = new String[n][];
        boolean[][] neutral = new boolean[n][];
        double[][] refM = new double[n][];
        double[][] refU = new double[n][];
        for (int c = 0; c < n; c++) {
            ComparisonSpec spec = specs.get(c);
            names[c] = spec.name();
            presence[c] = spec.fields().toArray(new String[0]);
            int k = spec.levels().size();
            labels[c] = new String[k + 2];
            tests[c] = new LevelTest[k];
            tf[c] = new String[k + 2];
            neutral[c] = new boolean[k + 2];
            if (spec.reference() != null) {
                refM[c] = new double[k + 2];
                refU[c] = new double[k + 2];
                for (int l = 1; l <= k + 1; l++) {
                    refM[c][l] = spec.reference().m().get(l - 1);
                    refU[c][l] = spec.reference().u().get(l - 1);
                }
            }
            labels[c][0] = "missing";
            labels[c][k + 1] = "else";
            for (int l = 0; l < k; l++) {
                LevelSpec level = spec.levels().get(l);
                labels[c][l + 1] = level.label() == null ? level.test() : level.label();
                try {
                    tests[c][l] = LevelTests.create(level.test(), level.params());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("profile " + profile.name() + ", comparison '" + spec.name()
                            + "', level '" + labels[c][l + 1] + "': " + e.getMessage(), e);
                }
                tf[c][l + 1] = level.tf();
                neutral[c][l + 1] = level.neutral();
            }
        }
        return new Template(profile.name(), names, labels, presence, tests, tf, neutral, refM, refU);
    }

    /** See {@link #template}. */
    public static final class Template {
        private final String profileName;
        private final String[] names;
        private final String[][] labels;
        private final String[][] presence;
        private final LevelTest[][] tests;
        private final String[][] tfFields;
        private final boolean[][] neutral;
        private final double[][] referenceM;
        private final double[][] referenceU;

        private Template(String profileName, String[] names, String[][] labels, String[][] presence,
                         LevelTest[][] tests, String[][] tfFields, boolean[][] neutral, double[][] referenceM,
                         double[][] referenceU) {
            this.profileName = profileName;
            this.names = names;
            this.labels = labels;
            this.presence = presence;
            this.tests = tests;
            this.tfFields = tfFields;
            this.neutral = neutral;
            this.referenceM = referenceM;
            this.referenceU = referenceU;
        }

        /** The comparisons bound to records (prepared under the same profile). */
        public CompiledComparisons bind(PreparedRecords records) {
            int n = names.length;
            PreparedField[][] fields = new PreparedField[n][];
            BoundTest[][] bound = new BoundTest[n][];
            PreparedField[][] tf = new PreparedField[n][];
            for (int c = 0; c < n; c++) {
                fields[c] = new PreparedField[presence[c].length];
                for (int x = 0; x < fields[c].length; x++) {
                    fields[c][x] = records.field(presence[c][x]);
                }
                bound[c] = new BoundTest[tests[c].length];
                tf[c] = new PreparedField[tfFields[c].length];
                for (int l = 0; l < tests[c].length; l++) {
                    try {
                        bound[c][l] = tests[c][l].bind(records);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("profile " + profileName + ", comparison '" + names[c]
                                + "', level '" + labels[c][l + 1] + "': " + e.getMessage(), e);
                    }
                    tf[c][l + 1] = tfFields[c][l + 1] == null ? null : records.field(tfFields[c][l + 1]);
                }
            }
            return new CompiledComparisons(names, labels, fields, bound, tf, neutral, referenceM, referenceU);
        }
    }

    public int count() {
        return names.length;
    }

    public String name(int comparison) {
        return names[comparison];
    }

    /** Number of levels including "missing" and "else". */
    public int levelCount(int comparison) {
        return labels[comparison].length;
    }

    public String label(int comparison, int level) {
        return labels[comparison][level];
    }

    public List<String> labels(int comparison) {
        return List.of(labels[comparison]);
    }

    /**
     * The level whose u probability a term-frequency adjustment of {@code level} refers to: the comparison's first
     * level adjusted on the same field.
     */
    public int tfReferenceLevel(int comparison, int level) {
        PreparedField f = tfFields[comparison][level];
        for (int l = 1; l < level; l++) {
            if (tfFields[comparison][l] == f) {
                return l;
            }
        }
        return level;
    }

    /** Reference m values of a comparison by level (index 0 unused), or {@code null} when it has none. */
    public double[] referenceM(int comparison) {
        return referenceM[comparison];
    }

    /** Reference u values of a comparison by level (index 0 unused), or {@code null} when it has none. */
    public double[] referenceU(int comparison) {
        return referenceU[comparison];
    }

    /** Whether a level carries no evidence by design (weight fixed at 0). */
    public boolean isNeutral(int comparison, int level) {
        return neutral[comparison][level];
    }

    /** The field whose term frequency adjusts this level, or {@code null}. */
    public PreparedField tfField(int comparison, int level) {
        return tfFields[comparison][level];
    }

    /** The level of one comparison for a pair. */
    public int level(int comparison, int a, int b) {
        PreparedField[] fs = presence[comparison];
        boolean comparable = false;
        for (PreparedField f : fs) {
            if (f.id(a) >= 0 && f.id(b) >= 0) {
                comparable = true;
                break;
            }
        }
        if (!comparable) {
            return MISSING;
        }
        BoundTest[] ts = tests[comparison];
        for (int l = 0; l < ts.length; l++) {
            if (ts[l].test(a, b)) {
                return l + 1;
            }
        }
        return ts.length + 1;
    }

    /** The packed comparison vector of a pair. */
    public long pattern(int a, int b) {
        long p = 0;
        for (int c = 0; c < names.length; c++) {
            p |= ((long) level(c, a, b)) << (4 * c);
        }
        return p;
    }

    /** The level of comparison {@code c} in a packed vector. */
    public static int level(long pattern, int c) {
        return (int) (pattern >>> (4 * c)) & 15;
    }

    /** Names of all comparisons, in order. */
    public List<String> names() {
        return new ArrayList<>(List.of(names));
    }
}
