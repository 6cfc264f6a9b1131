package de.grw.matching.cluster;

import java.util.Arrays;

/**
 * Links that compete for one record. Fellegi-Sunter weighs every pair on its own; but when a record X links to A and
 * to B, and A and B can never be one person (a contradiction keeps them apart), X is at most one of them. A vehicle
 * record without birth date that names "Michael Mehler" at the address where father and son Michael Mehler live fits
 * both equally well; taken one by one each link looks certain, taken together each is a coin toss. The probability
 * that X is A is then {@code o_A / (1 + o_A + sum o_C)}, with {@code o} the odds of X's links and {@code C} running
 * over the partners kept apart from A; a link that falls below the threshold so is left out, and X stays on its own
 * for a clerk to decide instead of joining one of the two at random.
 */
public final class AmbiguousLinks {
    /** Partners looked at per record, strongest first (bounds the work on a record with very many links). */
    static final int MAX_PARTNERS = 64;

    private AmbiguousLinks() {
    }

    /**
     * @param recordCount records in the run
     * @param first       first record of each link
     * @param second      second record of each link
     * @param weight      match weight of each link (log2 odds)
     * @param minWeight   weight from which a link counts
     * @param apart       whether two records can never share a cluster
     * @return per link: whether it survives its competitors
     */
    public static boolean[] keep(int recordCount, int[] first, int[] second, float[] weight, double minWeight,
                                 PairConstraint apart) {
        // the incidence lists and each record's judgement are methods of their own: the JIT compiled this method as
        // an on-stack replacement at each of its long loops, each time the whole of it (five times at a million)
        int links = first.length;
        boolean[] keep = new boolean[links];
        Arrays.fill(keep, true);
        int[] start = new int[recordCount + 1];
        int[] incident = incidence(recordCount, first, second, start);
        double minOdds = Math.pow(2, minWeight);
        Partners partners = new Partners();
        for (int x = 0; x < recordCount; x++) {
            int n = start[x + 1] - start[x];
            if (n >= 2) {
                partners.judge(x, incident, start[x], n, first, second, weight, minOdds, apart, keep);
            }
        }
        return keep;
    }

    /** Each record's links ({@code incident[start[x] .. start[x+1]-1]}, in link order); fills {@code start}. */
    private static int[] incidence(int recordCount, int[] first, int[] second, int[] start) {
        int links = first.length;
        int[] degree = new int[recordCount];
        for (int i = 0; i < links; i++) {
            degree[first[i]]++;
            degree[second[i]]++;
        }
        for (int r = 0; r < recordCount; r++) {
            start[r + 1] = start[r] + degree[r];
        }
        int[] fill = Arrays.copyOf(start, recordCount);
        int[] incident = new int[2 * links];
        for (int i = 0; i < links; i++) {
            incident[fill[first[i]]++] = i;
            incident[fill[second[i]]++] = i;
        }
        return incident;
    }

    /** One record's links judged against each other, in arrays reused from record to record. */
    private static final class Partners {
        private long[] order = new long[0];
        private double[] odds = new double[0];
        private int[] partner = new int[0];
        private boolean[] apartPair = new boolean[0];

        /** Clears {@code keep} for record {@code x}'s links ({@code n} of them from {@code from}) that lose. */
        void judge(int x, int[] incident, int from, int n, int[] first, int[] second, float[] weight, double minOdds,
                   PairConstraint apart, boolean[] keep) {
            // strongest first (ties in link order): weight's sortable bits inverted, link index below them
            if (order.length < n) {
                order = new long[n];
            }
            for (int k = 0; k < n; k++) {
                int link = incident[from + k];
                int bits = Float.floatToIntBits(weight[link]);
                bits ^= (bits >> 31) & 0x7fffffff;
                order[k] = ((long) ~bits << 32) | link;
            }
            Arrays.sort(order, 0, n);
            int m = Math.min(n, MAX_PARTNERS);
            if (odds.length < m) {
                odds = new double[m];
                partner = new int[m];
                apartPair = new boolean[m * m];
            }
            for (int k = 0; k < m; k++) {
                int link = (int) order[k];
                odds[k] = Math.pow(2, weight[link]);
                partner[k] = other(first, second, link, x);
            }
            // whether two partners can never be one person, each pair of them asked once
            for (int j = 0; j < m; j++) {
                for (int k = j + 1; k < m; k++) {
                    boolean no = apart.cannotLink(partner[j], partner[k]);
                    apartPair[j * m + k] = no;
                    apartPair[k * m + j] = no;
                }
            }
            for (int j = 0; j < m; j++) {
                double competing = 0;
                for (int k = 0; k < m; k++) {
                    if (k != j && apartPair[j * m + k]) {
                        competing += odds[k];
                    }
                }
                if (competing > 0 && odds[j] / (1 + competing) < minOdds) {
                    keep[(int) order[j]] = false;
                }
            }
        }
    }

    private static int other(int[] first, int[] second, int link, int x) {
        return first[link] == x ? second[link] : first[link];
    }
}
