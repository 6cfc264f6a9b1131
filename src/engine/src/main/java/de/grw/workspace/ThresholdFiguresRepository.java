package de.grw.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.journal.CanonicalJson;
import de.grw.matching.cluster.ThresholdSweep;
import de.grw.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a run's {@link ThresholdSweep.Figures} in its statistics ({@code match_runs.stats_json}, key
 * {@value #KEY}) as compact arrays: bins as {@code [from, to, pairs]}, steps as {@code [threshold, pairs, clusters]}.
 */
public final class ThresholdFiguresRepository {
    static final String KEY = "threshold_figures";

    private ThresholdFiguresRepository() {
    }

    /** A run's figures as stored, with what the run was. */
    public record Stored(long runId, String kind, double threshold, ThresholdSweep.Figures figures) {
    }

    static Map<String, Object> toJson(ThresholdSweep.Figures figures) {
        List<List<Number>> bins = new ArrayList<>();
        for (ThresholdSweep.Bin b : figures.bins()) {
            bins.add(List.of(b.from(), b.to(), b.pairs()));
        }
        List<List<Number>> steps = new ArrayList<>();
        for (ThresholdSweep.Step s : figures.steps()) {
            steps.add(List.of(s.threshold(), s.pairs(), s.clusters()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bins", bins);
        out.put("steps", steps);
        return out;
    }

    static Stored read(Connection c, long runId) throws SQLException {
        List<Stored> rows = Sql.list(c, "SELECT threshold, kind, stats_json FROM match_runs WHERE id = ?", rs -> {
            JsonNode f = CanonicalJson.parse(rs.getString(3)).path(KEY);
            if (!f.isObject()) {
                return null;
            }
            List<ThresholdSweep.Bin> bins = new ArrayList<>();
            for (JsonNode b : f.path("bins")) {
                bins.add(new ThresholdSweep.Bin(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asLong()));
            }
            List<ThresholdSweep.Step> steps = new ArrayList<>();
            for (JsonNode s : f.path("steps")) {
                steps.add(new ThresholdSweep.Step(s.get(0).asDouble(), s.get(1).asLong(), s.get(2).asLong()));
            }
            String kind = rs.getString(2);
            return new Stored(runId, kind == null ? "estimated" : kind, rs.getDouble(1),
                    new ThresholdSweep.Figures(bins, steps));
        }, runId);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
