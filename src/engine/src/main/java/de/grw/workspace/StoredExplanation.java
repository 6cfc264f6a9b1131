package de.grw.workspace;

import de.grw.matching.model.Contribution;
import java.util.List;

/**
 * How a match run keeps a pair's explanation in {@code cluster_pairs.explanation_json}: a compact line instead of
 * the JSON, turned back into exactly that JSON where the store is read ({@link #json}), so that every reader (review,
 * queue, server, desktop, command line) sees the same explanation as before.
 *
 * <p>Why (issue 12): every new cluster stores its pairs with their explanation, about 1.2 KB of JSON per pair, most
 * of it the same keys again ({@code {"comparison":...,"level":...,"weight":...,"tf":...}} for each of about 15
 * comparisons). An incremental run inserts as many new clusters as a full re-match, so the bytes written for them
 * weigh on both; the compact line is about a third of the JSON.
 *
 * <p><b>Format.</b> {@code ~PRIOR;LINE;LINE...}, each line {@code COMPARISON,LEVEL,WEIGHT} with {@code t} after the
 * weight when it is term-frequency adjusted and {@code ,VERSUS} at the end when the pair is weighed against other
 * than {@link Contribution#OTHERS}. PRIOR and WEIGHT are the text the JSON holds ({@link Double#toString} of the
 * value rounded to three decimals), the names are copied as they are. A name that is not a plain word
 * ({@code [A-Za-z0-9_.-]+}) or a weight that is not a plain number (digits, point, sign, exponent) makes {@link #encode} write the JSON itself, and
 * {@link #json} passes anything that does not start with {@code ~} through unchanged (the JSON that runs before
 * schema 17's code stored, and such fallbacks): no migration of stored rows is needed.
 */
public final class StoredExplanation {
    private static final char MARK = '~';

    private StoredExplanation() {
    }

    /** The stored form of a pair's explanation: its prior weight and its lines, as the review shows them. */
    public static String encode(double prior, List<Contribution> lines) {
        String p = Double.toString(round(prior));
        if (!number(p)) {
            return jsonOf(prior, lines);
        }
        StringBuilder sb = new StringBuilder(24 + lines.size() * 28);
        sb.append(MARK).append(p);
        for (Contribution c : lines) {
            String w = Double.toString(round(c.weight()));
            boolean versus = !Contribution.OTHERS.equals(c.versus());
            if (!word(c.comparison()) || !word(c.level())
                    || !number(w) || (versus && !word(c.versus()))) {
                return jsonOf(prior, lines);
            }
            sb.append(';').append(c.comparison()).append(',').append(c.level()).append(',').append(w);
            if (c.tfAdjusted()) {
                sb.append('t');
            }
            if (versus) {
                sb.append(',').append(c.versus());
            }
        }
        return sb.toString();
    }

    /**
     * The explanation as JSON ({@code {"prior":..,"comparisons":[{"comparison":..,"level":..,"weight":..,"tf":..
     * [,"versus":..]},..]}}), the form every reader parses; exactly the text match runs stored before the compact
     * form. Stored JSON is returned as it is.
     */
    public static String json(String stored) {
        if (stored == null || stored.isEmpty() || stored.charAt(0) != MARK) {
            return stored;
        }
        String[] parts = stored.substring(1).split(";", -1);
        StringBuilder json = new StringBuilder(64 + parts.length * 72);
        json.append("{\"prior\":").append(parts[0]).append(",\"comparisons\":[");
        for (int i = 1; i < parts.length; i++) {
            String[] f = parts[i].split(",", -1);
            if (f.length < 3 || f.length > 4) {
                throw new IllegalArgumentException("unreadable stored explanation line: " + parts[i]);
            }
            boolean tf = f[2].endsWith("t");
            String weight = tf ? f[2].substring(0, f[2].length() - 1) : f[2];
            json.append(i > 1 ? "," : "").append("{\"comparison\":\"").append(f[0]).append("\",\"level\":\"")
                    .append(f[1]).append("\",\"weight\":").append(weight).append(",\"tf\":").append(tf);
            if (f.length == 4) {
                json.append(",\"versus\":\"").append(f[3]).append('"');
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }

    /** The JSON as match runs wrote it before the compact form (and still do for names that are not plain words). */
    static String jsonOf(double prior, List<Contribution> lines) {
        StringBuilder json = new StringBuilder(512);
        json.append("{\"prior\":").append(round(prior)).append(",\"comparisons\":[");
        boolean first = true;
        for (Contribution contribution : lines) {
            json.append(first ? "" : ",").append("{\"comparison\":\"").append(contribution.comparison())
                    .append("\",\"level\":\"").append(contribution.level()).append("\",\"weight\":")
                    .append(round(contribution.weight())).append(",\"tf\":")
                    .append(contribution.tfAdjusted());
            if (!Contribution.OTHERS.equals(contribution.versus())) {
                json.append(",\"versus\":\"").append(contribution.versus()).append('"');
            }
            json.append('}');
            first = false;
        }
        return json.append("]}").toString();
    }

    /** Whether a name is a plain word, {@code [A-Za-z0-9_.-]+} (a loop: a pattern per name cost more than the line). */
    static boolean word(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_'
                    || ch == '.' || ch == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Whether a weight's text is a plain number as {@link Double#toString} writes finite values. */
    static boolean number(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!((ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == 'E')) {
                return false;
            }
        }
        return true;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
