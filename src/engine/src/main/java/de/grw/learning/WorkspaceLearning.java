package de.grw.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.matching.model.ModelParameters;
import de.grw.matching.model.PatternWeights;
import de.grw.store.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Training from a workspace's decisions without reading its records: a labelled pair's comparison vector is taken
 * from the scored pairs stored with the decision's cluster ({@code cluster_pairs}: each line names the comparison and
 * its level), its unsupervised weight is computed from that vector (without term frequencies, which need the
 * records). A labelled pair the workspace holds no scored pair for (two members of a merge that blocking never
 * compared) teaches nothing and is counted in {@link Examples#withoutVector}. The cost is one indexed read per
 * decided cluster, whatever the workspace's size.
 */
public final class WorkspaceLearning {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkspaceLearning.class);

    private WorkspaceLearning() {
    }

    /**
     * The examples of a workspace's labels.
     *
     * @param examples      one per labelled pair with a stored comparison vector
     * @param labels        the labels they came from (all, in {@link Labels} order)
     * @param withoutVector labelled pairs without a stored comparison vector
     * @param decisions     the decisions that gave the examples (ascending, distinct): those that trained
     */
    public record Examples(List<LabelledExample> examples, List<LabelledPair> labels, int withoutVector,
                           List<Long> decisions) {
        public Examples {
            examples = List.copyOf(examples);
            labels = List.copyOf(labels);
            decisions = List.copyOf(decisions);
        }
    }

    /** The decisions in effect as training examples for a model (one read transaction). */
    public static Examples examples(Workspace workspace, ModelParameters base) {
        return workspace.read(c -> examples(c, base));
    }

    /** As {@link #examples(Workspace, ModelParameters)}, inside the caller's transaction. */
    public static Examples examples(Connection c, ModelParameters base) throws SQLException {
        return examples(c, base, null);
    }

    /**
     * As {@link #examples(Connection, ModelParameters)}, with only the labels of the decisions in {@code only}
     * ({@code null}: all in effect).
     */
    public static Examples examples(Connection c, ModelParameters base, java.util.Set<Long> only)
            throws SQLException {
        List<LabelledPair> labels = Labels.fromDecisions(c);
        if (only != null) {
            labels = labels.stream().filter(p -> only.contains(p.decisionId())).toList();
        }
        Map<Long, Long> clusterOf = LabelRepository.clusterOfDecisions(c);
        Map<Long, Map<Long, Long>> patternsByCluster = new HashMap<>();
        PatternWeights weights = new PatternWeights(base);
        List<LabelledExample> out = new ArrayList<>();
        int missing = 0;
        java.util.SortedSet<Long> decisions = new java.util.TreeSet<>();
        for (LabelledPair p : labels) {
            Long cluster = clusterOf.get(p.decisionId());
            Long pattern = null;
            if (cluster != null) {
                Map<Long, Long> patterns = patternsByCluster.get(cluster);
                if (patterns == null) {
                    patterns = patternsOf(c, cluster, base);
                    patternsByCluster.put(cluster, patterns);
                }
                pattern = patterns.get(p.key());
            }
            if (pattern == null) {
                missing++;
                continue;
            }
            out.add(new LabelledExample(pattern, weights.weight(pattern), p.match()));
            decisions.add(p.decisionId());
        }
        if (missing > 0) {
            LOG.info("{} of {} labelled pairs have no stored comparison and do not train", missing, labels.size());
        }
        return new Examples(out, labels, missing, new ArrayList<>(decisions));
    }

    /** Trains the workspace's model with its decisions (see {@link LabelledTraining}); no candidates, no threshold. */
    public static Training train(Workspace workspace, ModelParameters base, LearningSettings settings) {
        return LabelledTraining.train(base, examples(workspace, base).examples(), (Candidates) null, settings);
    }

    /** The comparison vectors of a cluster's stored pairs, by pair key, read back from their explanations. */
    private static Map<Long, Long> patternsOf(Connection c, long cluster, ModelParameters base) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        for (LabelRepository.StoredPair row : LabelRepository.pairsOfCluster(c, cluster)) {
            Long pattern = pattern(row.explanationJson(), base);
            if (pattern != null) {
                out.put(new LabelledPair(row.recordA(), row.recordB(), true, 0).key(), pattern);
            }
        }
        return out;
    }

    /** A comparison vector from a stored explanation; {@code null} if it names a comparison or level not known. */
    static Long pattern(String explanationJson, ModelParameters base) {
        try {
            JsonNode root = JSON.readTree(explanationJson);
            long pattern = 0;
            for (JsonNode line : root.path("comparisons")) {
                int k = base.comparisons().indexOf(line.path("comparison").asText());
                if (k < 0) {
                    continue; // the difference-count line, not a comparison
                }
                int level = base.labels().get(k).indexOf(line.path("level").asText());
                if (level < 0) {
                    return null;
                }
                pattern |= ((long) level) << (4 * k);
            }
            return pattern;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
