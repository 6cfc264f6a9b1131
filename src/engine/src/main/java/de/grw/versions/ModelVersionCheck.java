package de.grw.versions;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.journal.JournalEntry;
import de.grw.workspace.ModelRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the store's model versions and activations with the journal, for {@code verify}: the triggers stop a
 * mistake, not the owner of the file, so a version's parameters changed in the file or an activation added, changed
 * or removed there (say, to flip the active version without four eyes) shows here. The journal is the reference: its
 * hash chain is checked on its own.
 * <ul>
 *   <li>every version trained since schema 15 has a {@code model.estimated} entry whose {@code model_sha256} is the
 *       SHA-256 of the stored parameters (and the stored {@code model_sha256} column);</li>
 *   <li>the activations since schema 15, in order, are exactly the journal's {@code model.activated} and {@code
 *       model.reverted} entries (same versions, same order), so the active version is the journal's.</li>
 * </ul>
 */
public final class ModelVersionCheck {
    private ModelVersionCheck() {
    }

    /** What is wrong, if anything. */
    public static Optional<String> check(Connection c) throws SQLException {
        Map<Integer, String> journalled = new HashMap<>();
        List<Integer> journalActivations = new ArrayList<>();
        for (JournalEntry e : Journal.all(c)) {
            boolean estimated = e.action().equals(JournalAction.MODEL_ESTIMATED.code());
            boolean activated = e.action().equals(JournalAction.MODEL_ACTIVATED.code())
                    || e.action().equals(JournalAction.MODEL_REVERTED.code());
            if (!estimated && !activated) {
                continue;
            }
            JsonNode p = CanonicalJson.parse(e.payload());
            if (estimated && p.hasNonNull("model_sha256")) {
                journalled.put(p.path("version").asInt(), p.path("model_sha256").asText());
            } else if (activated) {
                journalActivations.add(p.path("version").asInt());
            }
        }
        List<String> problems = new ArrayList<>();
        for (Object[] m : ModelVersionRepository.sealed(c)) {
            int version = (Integer) m[0];
            String actual = ModelRepository.sha256((byte[]) m[2]);
            String sealed = journalled.get(version);
            if (m[1] != null && sealed == null) {
                problems.add("model version " + version + " is not in the journal");
            } else if (sealed != null && (!sealed.equals(actual) || !sealed.equals(m[1]))) {
                problems.add("model version " + version + ": its parameters are not those the journal sealed");
            }
        }
        List<Integer> stored = ModelVersionRepository.activatedVersions(c);
        if (!stored.equals(journalActivations)) {
            Integer inStore = ModelRepository.activeVersion(c);
            Integer inJournal = journalActivations.isEmpty() ? null
                    : journalActivations.get(journalActivations.size() - 1);
            problems.add("model activations differ from the journal (store: versions " + stored + ", journal: "
                    + journalActivations + "); the active model version is " + inStore
                    + (java.util.Objects.equals(inStore, inJournal) ? "" : ", the journal says " + inJournal));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }
}
