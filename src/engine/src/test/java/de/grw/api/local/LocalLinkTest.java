package de.grw.api.local;

import static de.grw.workspace.TestWorkspaces.ADMIN;
import static de.grw.workspace.TestWorkspaces.ADMIN_PASSWORD;
import static de.grw.workspace.TestWorkspaces.CLERK;
import static de.grw.workspace.TestWorkspaces.CLERK_PASSWORD;
import static de.grw.workspace.TestWorkspaces.SUPERVISOR;
import static de.grw.workspace.TestWorkspaces.SUPERVISOR_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.api.AccessEntry;
import de.grw.api.SignedIn;
import de.grw.common.UserFacingException;
import de.grw.linking.LinkViews.LinkAnswer;
import de.grw.linking.LinkViews.LinkedPerson;
import de.grw.profile.MatchProfile;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.rights.Role;
import de.grw.store.Workspace;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-time linking through the service interfaces on the matched sample workspace: an API account links, searches
 * and reads golden records with a case reference and nothing else; answers are masked for a blocked person and
 * logged per call; the index follows a merge approved after it was built.
 */
class LocalLinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "fachverfahren";
    private static final String API_PASSWORD = "Schnittstelle-2026";

    @TempDir
    Path dir;
    private Path file;
    private LocalWorkbench workbench;

    @BeforeEach
    void open() {
        file = TestWorkspaces.copyTo(dir);
        workbench = LocalWorkbench.open(file);
        try (SignedIn admin = workbench.signIn(ADMIN, ADMIN_PASSWORD.toCharArray())) {
            admin.users().add(API, Role.API, API_PASSWORD.toCharArray());
        }
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private SignedIn api() {
        return workbench.signIn(API, API_PASSWORD.toCharArray());
    }

    /** A stored record's values by field name, read over a connection of its own. */
    private Map<String, String> record(String where) {
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            MatchProfile profile = de.grw.workspace.WorkspaceProfile.profile(w);
            String json = (String) TestWorkspaces.rows(w, "SELECT values_json FROM records WHERE " + where
                    + " ORDER BY id LIMIT 1").get(0).get(0);
            String[] values = JSON.readValue(json, String[].class);
            Map<String, String> out = new LinkedHashMap<>();
            for (int f = 0; f < values.length; f++) {
                if (values[f] != null && !profile.fields().get(f).name().equals("record_id")) {
                    out.put(profile.fields().get(f).name(), values[f]);
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long recordId(String where) {
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            return ((Number) TestWorkspaces.rows(w, "SELECT id FROM records WHERE " + where + " ORDER BY id LIMIT 1")
                    .get(0).get(0)).longValue();
        }
    }

    @Test
    void anApiAccountLinksWithACaseReferenceAndEveryCallIsLogged() {
        // a record of a cluster the batch proposed: its partners come back as candidates
        long member;
        List<Long> members;
        try (SignedIn clerk = workbench.signIn(CLERK, CLERK_PASSWORD.toCharArray())) {
            QueueEntry q = clerk.review().queue(EnumSet.of(ClusterStatus.OPEN), 1).get(0);
            members = clerk.review().memberIds(q.clusterId());
            member = members.get(0);
        }
        Map<String, String> values = record("id = " + member);
        try (SignedIn api = api()) {
            assertThat(api.role()).isEqualTo(Role.API);
            assertThat(api.permissions()).containsExactly(Permission.LINK);
            LinkAnswer answer = api.link().link(values, "AZ-51/2026");
            assertThat(answer.suggestion()).isIn("link", "review");
            assertThat(answer.candidates()).isNotEmpty();
            List<Long> found = answer.candidates().stream().flatMap(p -> p.records().stream())
                    .map(r -> r.record()).toList();
            assertThat(found).contains(member).containsAnyElementsOf(members.subList(1, members.size()));
            LinkedPerson best = answer.candidates().get(0);
            assertThat(best.records().get(0).explanation()).isNotEmpty()
                    .allSatisfy(l -> assertThat(l.text()).isNotBlank());
            assertThat(best.values()).isNotEmpty();

            assertThatThrownBy(() -> api.link().link(values, "")).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("case reference");
            assertThatThrownBy(() -> api.link().link(Map.of("nachname", "Müller"), "AZ-1"))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("nachname");
            LinkAnswer search = api.link().search(values.get("family_name"), values.get("given_names"),
                    values.get("birth_date"), "AZ-52/2026");
            assertThat(search.candidates()).isNotEmpty();
        }
        try (SignedIn supervisor = workbench.signIn(SUPERVISOR, SUPERVISOR_PASSWORD.toCharArray())) {
            List<AccessEntry> log = supervisor.accessLog().query(null, API, 0);
            assertThat(log).extracting(AccessEntry::action).containsExactly("SEARCH", "LINK");
            AccessEntry link = log.get(1);
            assertThat(link.caseRef()).isEqualTo("AZ-51/2026");
            assertThat(link.recordIds()).contains(member);
        }
    }

    @Test
    void anApiAccountDoesNothingButLinkAndAnAdministratorCannotLink() {
        try (SignedIn api = api()) {
            assertThatThrownBy(() -> api.review().queue(EnumSet.of(ClusterStatus.OPEN), 1))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> api.review().show(1, "AZ-1")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> api.accessLog().query(null, null, 0)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> api.users().list()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> api.matching().run(null, false, de.grw.common.ProgressListener.NONE,
                    de.grw.common.CancellationToken.NONE)).isInstanceOf(AccessDeniedException.class);
        }
        try (SignedIn admin = workbench.signIn(ADMIN, ADMIN_PASSWORD.toCharArray())) {
            assertThatThrownBy(() -> admin.link().link(Map.of("family_name", "Müller"), "AZ-1"))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aBlockedPersonIsMaskedForTheApiAccountAndShownToASupervisor() {
        long blocked = recordId("blocked = 1");
        Map<String, String> values = record("id = " + blocked);
        try (SignedIn api = api()) {
            LinkedPerson person = api.link().link(values, "AZ-7").candidates().stream()
                    .filter(p -> p.records().stream().anyMatch(r -> r.record() == blocked)).findFirst()
                    .orElseThrow();
            assertThat(person.masked()).isTrue();
            assertThat(person.values().get("family_name")).isEqualTo("***");
            assertThat(person.values().values()).doesNotContain(values.get("family_name"));
            // the same person unblocked in another register, answered beside it, is masked too
            LinkAnswer all = api.link().link(values, "AZ-7");
            assertThat(all.candidates()).hasSizeGreaterThan(1).allMatch(LinkedPerson::masked);
            assertThat(all.candidates()).allSatisfy(p -> assertThat(p.values().values())
                    .doesNotContain(values.get("family_name"), values.get("street")));
        }
        try (SignedIn supervisor = workbench.signIn(SUPERVISOR, SUPERVISOR_PASSWORD.toCharArray())) {
            LinkedPerson person = supervisor.link().link(values, "AZ-7").candidates().stream()
                    .filter(p -> p.records().stream().anyMatch(r -> r.record() == blocked)).findFirst()
                    .orElseThrow();
            assertThat(person.masked()).isFalse();
            assertThat(person.values().get("family_name")).isEqualTo(values.get("family_name"));
        }
    }

    @Test
    void theIndexFollowsAMergeApprovedAfterItWasBuilt() {
        long member;
        try (SignedIn clerk = workbench.signIn(CLERK, CLERK_PASSWORD.toCharArray())) {
            QueueEntry q = clerk.review().queue(EnumSet.of(ClusterStatus.OPEN), 1).get(0);
            member = clerk.review().memberIds(q.clusterId()).get(0);
        }
        Map<String, String> values = record("id = " + member);
        try (SignedIn api = api()) {
            LinkAnswer before = api.link().link(values, "AZ-9");
            assertThat(before.candidates()).filteredOn(p -> p.records().stream().anyMatch(r -> r.record() == member))
                    .singleElement().satisfies(p -> assertThat(p.golden()).isNull());
        }
        DecisionView merge;
        try (SignedIn clerk = workbench.signIn(CLERK, CLERK_PASSWORD.toCharArray())) {
            QueueEntry q = clerk.review().queue(EnumSet.of(ClusterStatus.OPEN), 1).get(0);
            merge = clerk.review().propose(q.clusterId(), new MergeCommand(clerk.review().memberIds(q.clusterId()),
                    Map.of()), "gleiche Person", "AZ-12/2026");
        }
        String golden;
        try (SignedIn supervisor = workbench.signIn(SUPERVISOR, SUPERVISOR_PASSWORD.toCharArray())) {
            supervisor.approval().approve(merge.id(), "geprüft");
            golden = supervisor.review().goldenRecordOf(merge.id()).orElseThrow();
        }
        try (SignedIn api = api()) {
            LinkAnswer after = api.link().link(values, "AZ-9");
            LinkedPerson person = after.candidates().stream()
                    .filter(p -> p.records().stream().anyMatch(r -> r.record() == member)).findFirst().orElseThrow();
            assertThat(person.golden()).isEqualTo(golden);
            assertThat(after.candidates()).filteredOn(p -> golden.equals(p.golden())).hasSize(1);
            assertThat(api.link().golden(golden, "AZ-9").id()).isEqualTo(golden);
            assertThatThrownBy(() -> api.link().golden(golden, " ")).isInstanceOf(UserFacingException.class);
        }
        // the merge undone: the records stand alone again
        try (SignedIn supervisor = workbench.signIn(SUPERVISOR, SUPERVISOR_PASSWORD.toCharArray())) {
            supervisor.review().revert(merge.id(), "doch zwei Personen", "AZ-13/2026");
        }
        try (SignedIn api = api()) {
            assertThat(api.link().link(values, "AZ-9").candidates()).allSatisfy(p -> assertThat(p.golden()).isNull());
        }
    }

    @Test
    void aWorkspaceWithoutAModelSaysToMatchFirst() {
        try (LocalWorkbench fresh = LocalWorkbench.create(dir.resolve("neu.grw"), "person-de", "admin",
                ADMIN_PASSWORD.toCharArray())) {
            try (SignedIn admin = fresh.signIn("admin", ADMIN_PASSWORD.toCharArray())) {
                admin.imports().importFile(de.grw.api.Upload.of(Path.of("samples", "melderegister.csv")),
                        de.grw.api.FileImport.named("melderegister"), de.grw.common.ProgressListener.NONE,
                        de.grw.common.CancellationToken.NONE);
                admin.users().add(API, Role.API, API_PASSWORD.toCharArray());
            }
            try (SignedIn api = fresh.signIn(API, API_PASSWORD.toCharArray())) {
                assertThatThrownBy(() -> api.link().link(Map.of("family_name", "Müller"), "AZ-1"))
                        .isInstanceOf(UserFacingException.class).hasMessageContaining("grw match");
            }
        }
    }

    @Test
    void aRecordAppendedAfterTheIndexWasBuiltIsACandidateAtOnce() throws Exception {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(Path.of("samples", "melderegister.csv"));
        String header = lines.get(0);
        String row = lines.get(1);
        String key = row.substring(0, row.indexOf(';'));
        Map<String, String> values = record("record_key = '" + key + "'");
        try (SignedIn api = api()) {
            assertThat(api.link().link(values, "AZ-3").candidates()).flatExtracting(LinkedPerson::records)
                    .noneMatch(r -> r.recordKey().equals("900000001"));
        }
        byte[] feed = (header + "\n" + "900000001" + row.substring(row.indexOf(';')) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (SignedIn admin = workbench.signIn(ADMIN, ADMIN_PASSWORD.toCharArray())) {
            admin.imports().appendFile(de.grw.api.Upload.of("zuzug-2026-12-05.csv", feed),
                    de.grw.api.FileImport.named("melderegister"), de.grw.common.ProgressListener.NONE,
                    de.grw.common.CancellationToken.NONE);
        }
        try (SignedIn api = api()) {
            LinkAnswer after = api.link().link(values, "AZ-3");
            assertThat(after.candidates()).flatExtracting(LinkedPerson::records)
                    .anySatisfy(r -> {
                        assertThat(r.recordKey()).isEqualTo("900000001");
                        assertThat(r.probability()).isGreaterThanOrEqualTo(0.99);
                    });
        }
    }
}
