package de.grw.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.UserFacingException;
import de.grw.linking.LinkViews.LinkAnswer;
import de.grw.linking.LinkViews.LinkedPerson;
import de.grw.normalising.Normalisers;
import de.grw.profile.MatchProfile;
import de.grw.review.DecisionKind;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.StoreKind;
import de.grw.users.UserService;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.WorkspaceProfile;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Storing a linked record (issue 12) on the matched sample workspace, on SQLite and PostgreSQL: a new person is stored
 * as a single record normalised as an import stores it, and the index knows it at once; a known person enters the
 * review queue with its candidates (every record of a candidate golden record) and is merged only after a clerk's
 * proposal and a supervisor's approval; without the right, with an unknown source, a key the source holds or a bad
 * value nothing is stored.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class LinkStoreTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "melderegister";

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;
    private TestWorkspaces.Fixture f;
    private LinkService link;
    private Session apiStore;
    private Session api;

    @BeforeEach
    void open() {
        f = TestWorkspaces.open(store, dir);
        link = new LinkService(f.workspace());
        UserService users = new UserService(f.workspace());
        users.addUser(f.admin(), "fachverfahren", Role.API_STORE, "Schnittstelle-2026".toCharArray());
        users.addUser(f.admin(), "auskunft", Role.API, "Abfrage-2026-x".toCharArray());
        apiStore = users.login("fachverfahren", "Schnittstelle-2026".toCharArray());
        api = users.login("auskunft", "Abfrage-2026-x".toCharArray());
    }

    @AfterEach
    void close() {
        link.close();
        f.close();
    }

    private long count(String sql, Object... params) {
        return TestWorkspaces.count(f.workspace(), sql, params);
    }

    /** A stored record's values by field name (without its record id), as a caller would send them. */
    private Map<String, String> values(long recordId) throws Exception {
        MatchProfile profile = WorkspaceProfile.profile(f.workspace());
        String json = (String) TestWorkspaces.rows(f.workspace(), "SELECT values_json FROM records WHERE id = ?",
                recordId).get(0).get(0);
        String[] values = JSON.readValue(json, String[].class);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            String name = profile.fields().get(i).name();
            if (values[i] != null && !name.equals("record_id") && !name.equals("blocking_notice")) {
                out.put(name, values[i]);
            }
        }
        return out;
    }

    private JsonNode lastJournal(String action) throws Exception {
        List<List<Object>> rows = TestWorkspaces.rows(f.workspace(), "SELECT payload FROM journal WHERE action = ? "
                + "ORDER BY seq DESC", action);
        return rows.isEmpty() ? null : JSON.readTree((String) rows.get(0).get(0));
    }

    private static Map<String, String> newPerson() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("record_id", "FV-2026-0001");
        r.put("family_name", " Quendelbrink ");
        r.put("given_names", "Xaveria Lioba");
        r.put("birth_date", "5.3.1961");
        r.put("sex", "w");
        r.put("street", "Pappelallee");
        r.put("house_number", "17a");
        r.put("postal_code", "10437");
        r.put("city", "Berlin");
        return r;
    }

    @Test
    void aNewPersonIsStoredAsASingleRecordNormalisedAsAnImportAndIsACandidateAtOnce() throws Exception {
        long before = count("SELECT count(*) FROM records");
        long clusters = count("SELECT count(*) FROM clusters");
        LinkAnswer answer = link.link(apiStore, newPerson(), "AZ-100/2026", SOURCE);

        assertThat(answer.suggestion()).isEqualTo("new");
        assertThat(answer.candidates()).isEmpty();
        assertThat(answer.storedRecord()).isNotNull();
        assertThat(answer.queuedCluster()).isNull();
        assertThat(count("SELECT count(*) FROM records")).isEqualTo(before + 1);
        assertThat(count("SELECT count(*) FROM clusters")).isEqualTo(clusters);

        List<Object> row = TestWorkspaces.rows(f.workspace(), "SELECT s.name, r.record_key, r.values_json, "
                + "r.normalised_json, r.cells_json, r.blocked FROM records r JOIN sources s ON s.id = r.source_id "
                + "WHERE r.id = ?", answer.storedRecord()).get(0);
        assertThat(row.get(0)).isEqualTo(SOURCE);
        assertThat(row.get(1)).isEqualTo("FV-2026-0001");
        MatchProfile profile = WorkspaceProfile.profile(f.workspace());
        String[] values = JSON.readValue((String) row.get(2), String[].class);
        String[] normalised = JSON.readValue((String) row.get(3), String[].class);
        int family = profile.fieldIndex("family_name");
        int birth = profile.fieldIndex("birth_date");
        // read as an import reads a row: trimmed, the date in ISO; normalised by the profile's normalisers
        assertThat(values[family]).isEqualTo("Quendelbrink");
        assertThat(values[birth]).isEqualTo("1961-03-05");
        assertThat(normalised[family]).isEqualTo(Normalisers.get(profile.fields().get(family).normaliser())
                .normalise("Quendelbrink"));
        assertThat(normalised[birth]).isEqualTo(Normalisers.get(profile.fields().get(birth).normaliser())
                .normalise("1961-03-05")).isNotNull();
        // the cells in the source's columns (Ordnungsmerkmal;Familienname;...;Geburtsdatum;...)
        List<String> cells = List.of(JSON.readValue((String) row.get(4), String[].class));
        assertThat(cells).hasSize(15).startsWith("FV-2026-0001", "Quendelbrink");
        assertThat(cells.get(6)).isEqualTo("5.3.1961");
        assertThat(((Number) row.get(5)).intValue()).isZero();

        JsonNode journal = lastJournal("source.record_stored");
        assertThat(journal.path("source").asText()).isEqualTo(SOURCE);
        assertThat(journal.path("record").asLong()).isEqualTo(answer.storedRecord());
        assertThat(journal.path("suggestion").asText()).isEqualTo("new");
        assertThat(journal.has("cluster")).isFalse();
        assertThat(journal.path("case").asText()).isEqualTo("AZ-100/2026");
        assertThat(journal.toString()).doesNotContain("Quendelbrink", "1961");

        // the index learned it: the same person linked again finds the stored record
        Map<String, String> again = newPerson();
        again.remove("record_id");
        LinkAnswer second = link.link(api, again, "AZ-101/2026");
        assertThat(second.suggestion()).isEqualTo("link");
        assertThat(second.candidates()).flatExtracting(LinkedPerson::records)
                .anySatisfy(r -> {
                    assertThat(r.record()).isEqualTo(answer.storedRecord());
                    assertThat(r.recordKey()).isEqualTo("FV-2026-0001");
                    assertThat(r.source()).isEqualTo(SOURCE);
                });
    }

    @Test
    void aStoredRecordIsAddedToTheIndexNotRebuiltAndScoresAsARebuiltIndexWould() throws Exception {
        LinkIndex before = link.index();
        int size = before.size();
        LinkAnswer stored = link.link(apiStore, newPerson(), "AZ-110/2026", SOURCE);
        Map<String, String> again = newPerson();
        again.remove("record_id");
        again.put("given_names", "Xaveria");
        // the next call, in another thread, answers from the same index with the record added
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        LinkAnswer next;
        try {
            next = other.submit(() -> link.link(api, again, "AZ-111/2026")).get();
        } finally {
            other.shutdownNow();
        }
        assertThat(link.index()).isSameAs(before);
        assertThat(before.size()).isEqualTo(size + 1);
        assertThat(before.addedCount()).isEqualTo(1);
        assertThat(before.indexOf(stored.storedRecord())).isEqualTo(size);
        // a service that builds its index now, over the workspace with the record, scores it alike
        try (LinkService rebuilt = new LinkService(f.workspace())) {
            LinkAnswer want = rebuilt.link(api, again, "AZ-112/2026");
            assertThat(rebuilt.index().addedCount()).isZero();
            assertThat(rebuilt.index().size()).isEqualTo(size + 1);
            assertThat(next.candidates()).flatExtracting(LinkedPerson::records).extracting(r -> r.record())
                    .contains(stored.storedRecord());
            assertThat(next.candidates()).flatExtracting(LinkedPerson::records)
                    .extracting(r -> r.record() + " " + r.probability())
                    .isEqualTo(want.candidates().stream().flatMap(p -> p.records().stream())
                            .map(r -> r.record() + " " + r.probability()).toList());
            assertThat(next.suggestion()).isEqualTo(want.suggestion());
        }
    }

    @Test
    void aKnownPersonEntersTheQueueWithItsGoldenRecordAndIsMergedOnlyWithFourEyes() throws Exception {
        // a golden record from an approved merge of the first open cluster
        var q = f.review().queue(f.clerk(), EnumSet.of(ClusterStatus.OPEN), 1).get(0);
        List<Long> members = TestWorkspaces.members(f.workspace(), q.clusterId());
        DecisionView merge = f.review().propose(f.clerk(), q.clusterId(), new MergeCommand(members, Map.of()),
                "gleiche Person", "AZ-1/2026");
        f.review().approve(f.supervisor(), merge.id(), "geprüft");
        String golden = (String) TestWorkspaces.rows(f.workspace(), "SELECT golden_id FROM golden_members WHERE "
                + "record_id = ? AND removed_by IS NULL", members.get(0)).get(0).get(0);
        long goldenBefore = count("SELECT count(*) FROM golden_members WHERE removed_by IS NULL");

        Map<String, String> values = values(members.get(0));
        values.put("record_id", "FV-2026-0002");
        LinkAnswer answer = link.link(apiStore, values, "AZ-200/2026", SOURCE);

        assertThat(answer.suggestion()).isIn("link", "review");
        assertThat(answer.candidates()).extracting(LinkedPerson::golden).contains(golden);
        assertThat(answer.storedRecord()).isNotNull();
        assertThat(answer.queuedCluster()).isNotNull();
        long stored = answer.storedRecord();
        long cluster = answer.queuedCluster();
        // an open cluster of the stored record and every record of the candidate golden record, with scored pairs
        assertThat(TestWorkspaces.rows(f.workspace(), "SELECT status, size FROM clusters WHERE id = ?", cluster)
                .get(0).get(0)).isEqualTo("OPEN");
        List<Long> clusterMembers = TestWorkspaces.members(f.workspace(), cluster);
        assertThat(clusterMembers).contains(stored).containsAll(members);
        assertThat(count("SELECT count(*) FROM cluster_pairs WHERE cluster_id = ? AND record_b = ?", cluster, stored))
                .isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM cluster_pairs WHERE cluster_id = ? AND record_b <> ?", cluster,
                stored)).isZero();
        // never merged by itself
        assertThat(count("SELECT count(*) FROM golden_members WHERE record_id = ?", stored)).isZero();
        assertThat(count("SELECT count(*) FROM golden_members WHERE removed_by IS NULL")).isEqualTo(goldenBefore);
        // in the clerk's queue, with the pair's explanation as a match run stores it
        assertThat(f.review().queue(f.clerk(), EnumSet.of(ClusterStatus.OPEN), 10_000))
                .anySatisfy(e -> assertThat(e.clusterId()).isEqualTo(cluster));
        var view = f.review().show(f.clerk(), cluster, "AZ-201/2026");
        assertThat(view.members()).extracting(m -> m.id()).contains(stored);
        JsonNode journal = lastJournal("source.record_stored");
        assertThat(journal.path("cluster").asLong()).isEqualTo(cluster);
        assertThat(journal.path("candidates").toString()).contains(golden);

        // a clerk proposes, a supervisor approves: then the stored record belongs to the golden record
        DecisionView join = f.review().propose(f.clerk(), cluster, new MergeCommand(clusterMembers, Map.of()),
                "Zuzug derselben Person", "AZ-202/2026");
        assertThat(join.kind()).isEqualTo(DecisionKind.MERGE);
        assertThat(count("SELECT count(*) FROM golden_members WHERE record_id = ?", stored)).isZero();
        assertThatThrownBy(() -> f.review().approve(f.clerk(), join.id(), "selbst"))
                .isInstanceOf(AccessDeniedException.class);
        f.review().approve(f.supervisor(), join.id(), "geprüft");
        assertThat(TestWorkspaces.rows(f.workspace(), "SELECT golden_id FROM golden_members WHERE record_id = ? AND "
                + "removed_by IS NULL", stored)).containsExactly(List.of(golden));
    }

    @Test
    void withoutTheRightToStoreNothingIsStoredButLinkingWorks() throws Exception {
        long records = count("SELECT count(*) FROM records");
        long journal = count("SELECT count(*) FROM journal");
        assertThatThrownBy(() -> link.link(api, newPerson(), "AZ-300/2026", SOURCE))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("auskunft");
        assertThatThrownBy(() -> link.link(f.admin(), newPerson(), "AZ-300/2026", SOURCE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(count("SELECT count(*) FROM records")).isEqualTo(records);
        assertThat(count("SELECT count(*) FROM journal")).isEqualTo(journal);
        assertThat(count("SELECT count(*) FROM access_log WHERE user_name = 'auskunft'")).isZero();
        LinkAnswer only = link.link(api, newPerson(), "AZ-300/2026", null);
        assertThat(only.storedRecord()).isNull();
        assertThat(only.queuedCluster()).isNull();
        assertThat(count("SELECT count(*) FROM records")).isEqualTo(records);
        // a clerk may store (clerks may import)
        assertThat(link.link(f.clerk(), newPerson(), "AZ-301/2026", SOURCE).storedRecord()).isNotNull();
    }

    @Test
    void anUnknownSourceAKeyPresentOrABadValueStoresNothing() throws Exception {
        long records = count("SELECT count(*) FROM records");
        long journal = count("SELECT count(*) FROM journal");
        assertThatThrownBy(() -> link.link(apiStore, newPerson(), "AZ-400/2026", "einwohner"))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(((UserFacingException) e).text().key()).isEqualTo("link.store_no_source"))
                .hasMessageContaining("einwohner").hasMessageContaining(SOURCE);
        String present = (String) TestWorkspaces.rows(f.workspace(), "SELECT r.record_key FROM records r JOIN "
                + "sources s ON s.id = r.source_id WHERE s.name = ? ORDER BY r.id", SOURCE).get(0).get(0);
        Map<String, String> known = newPerson();
        known.put("record_id", present);
        assertThatThrownBy(() -> link.link(apiStore, known, "AZ-401/2026", SOURCE))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(((UserFacingException) e).text().key())
                        .isEqualTo("link.store_key_present"));
        Map<String, String> bad = newPerson();
        bad.put("birth_date", "31.02.1961");
        assertThatThrownBy(() -> link.link(apiStore, bad, "AZ-402/2026", SOURCE))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(((UserFacingException) e).text().key()).isEqualTo("link.bad_value"));
        assertThat(count("SELECT count(*) FROM records")).isEqualTo(records);
        assertThat(count("SELECT count(*) FROM journal")).isEqualTo(journal);
        // without a record id the record gets a key of its own; twice the same person is two records
        Map<String, String> keyless = newPerson();
        keyless.remove("record_id");
        LinkAnswer first = link.link(apiStore, keyless, "AZ-403/2026", SOURCE);
        LinkAnswer second = link.link(apiStore, keyless, "AZ-404/2026", SOURCE);
        assertThat(second.storedRecord()).isNotEqualTo(first.storedRecord());
        assertThat(second.queuedCluster()).isNotNull();
        assertThat(TestWorkspaces.members(f.workspace(), second.queuedCluster()))
                .containsExactly(first.storedRecord(), second.storedRecord());
        assertThat(TestWorkspaces.rows(f.workspace(), "SELECT record_key FROM records WHERE id = ?",
                first.storedRecord()).get(0).get(0).toString()).startsWith("link-");
    }

    @Test
    void callersRacingToStoreOneKeyStoreItOnce() throws Exception {
        long records = count("SELECT count(*) FROM records");
        link.link(api, newPerson(), "AZ-500/2026"); // the index built before the race
        int callers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                String caseRef = "AZ-50" + i + "/2026";
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        return "stored " + link.link(apiStore, newPerson(), caseRef, SOURCE).storedRecord();
                    } catch (UserFacingException e) {
                        return e.text().key();
                    }
                }));
            }
            go.countDown();
            List<String> results = new java.util.ArrayList<>();
            for (var o : outcomes) {
                results.add(o.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn(r -> r.startsWith("stored ")).hasSize(1);
            assertThat(results).filteredOn(r -> !r.startsWith("stored ")).hasSize(callers - 1)
                    .allMatch("link.store_key_present"::equals);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM records")).isEqualTo(records + 1);
        assertThat(count("SELECT count(*) FROM journal WHERE action = 'source.record_stored'")).isEqualTo(1);
    }
}
