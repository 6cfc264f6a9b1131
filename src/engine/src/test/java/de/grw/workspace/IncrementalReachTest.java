package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.Contribution;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an incremental run compares a new record with must be exactly what a full re-match compares it with, even
 * where that depends on records no new record shares a block with: a pair proposed only by the sliding window over
 * an oversized block (its neighbours depend on every record of the block), and the term-frequency adjustment of a
 * frequent family name (its count is over all records, most of them in blocks without a new record). An incremental
 * path that read, normalised or counted only a subset of the existing records (those near a new one) would propose
 * other window pairs or score the frequent name with another weight, and fail here.
 */
class IncrementalReachTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FAMILY = {"Albers", "Brandt", "Claasen", "Dietz", "Ebert", "Fuchs", "Graf",
        "Hahn", "Jansen", "Keller", "Lorenz", "Maurer", "Nagel", "Otten", "Pohl", "Quast", "Roth", "Seidel"};
    private static final String[] GIVEN = {"Anna", "Ben", "Carla", "David", "Eva", "Felix", "Greta", "Hanno",
        "Ida", "Jonas", "Karin", "Lukas", "Mia", "Nils", "Olga", "Paul"};
    private static final String[] POSTAL = {"10115", "20095", "80331", "50667"};
    private static final String MELDE = "Ordnungsmerkmal;Familienname;Geburtsname;Vornamen;Doktorgrad;Geschlecht;"
            + "Geburtsdatum;Geburtsort;Staatsangehörigkeit;Straße;Hausnummer;PLZ;Wohnort;Steuer-ID;Auskunftssperre";
    private static final String KFZ = "halter_nr,nachname,vorname,geburtsdatum,strasse,hausnr,plz,ort";

    @TempDir
    Path dir;

    /** The person profile with two rules: the postal code (oversized blocks, windowed) and the names, no all-pairs. */
    private Path profile() throws Exception {
        ObjectNode p = (ObjectNode) JSON.readTree(IncrementalReachTest.class.getResourceAsStream(
                "/profiles/person-de.json"));
        ArrayNode rules = JSON.createArrayNode();
        rules.add(JSON.readTree("{\"name\":\"postal\",\"parts\":[{\"field\":\"postal_code\",\"transform\":"
                + "\"exact\"}]}"));
        rules.add(JSON.readTree("{\"name\":\"names\",\"parts\":[{\"field\":\"family_name\",\"transform\":\"exact\"},"
                + "{\"field\":\"given_names\",\"transform\":\"exact\"}]}"));
        p.set("blocking", rules);
        p.set("limits", JSON.readTree("{\"maxBlockSize\":6,\"window\":3,\"compareAllBelowPairs\":0}"));
        Path file = dir.resolve("profile.json");
        Files.writeString(file, JSON.writeValueAsString(p), StandardCharsets.UTF_8);
        return file;
    }

    private record Row(String family, String given, String birth, String street, String house, String postal,
                       String city) {
    }

    /** The existing records: Müller is frequent (in every postal code), Zyszkowski once, at the end of 10115. */
    private static List<Row> existing() {
        Random random = new Random(12);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            String family = i % 4 == 0 ? "Müller" : FAMILY[random.nextInt(FAMILY.length)];
            rows.add(new Row(family, GIVEN[random.nextInt(GIVEN.length)], (1950 + random.nextInt(50)) + "-0"
                    + (1 + random.nextInt(9)) + "-1" + random.nextInt(10), "Weg " + random.nextInt(20),
                    String.valueOf(1 + random.nextInt(90)), POSTAL[i % POSTAL.length], "Stadt"));
        }
        rows.add(new Row("Zyszkowski", "Anna Maria", "1971-03-14", "Lindenweg", "17", "10115", "Stadt"));
        return rows;
    }

    private static String melde(List<Row> rows) {
        StringBuilder sb = new StringBuilder(MELDE).append('\n');
        int k = 0;
        for (Row r : rows) {
            String[] d = r.birth().split("-");
            sb.append(100000 + k++).append(';').append(r.family()).append(";;").append(r.given()).append(";;;")
                    .append(d[2]).append('.').append(d[1]).append('.').append(d[0]).append(";;deutsch;")
                    .append(r.street()).append(';').append(r.house()).append(';').append(r.postal()).append(';')
                    .append(r.city()).append(";;\n");
        }
        return sb.toString();
    }

    private static String kfz(List<Row> rows) {
        StringBuilder sb = new StringBuilder(KFZ).append('\n');
        int k = 0;
        for (Row r : rows) {
            sb.append(400000 + k++).append(',').append(r.family().toUpperCase(java.util.Locale.ROOT)).append(',')
                    .append(r.given().toUpperCase(java.util.Locale.ROOT)).append(',').append(r.birth()).append(',')
                    .append(r.street().toUpperCase(java.util.Locale.ROOT)).append(',').append(r.house()).append(',')
                    .append(r.postal()).append(",STADT\n");
        }
        return sb.toString();
    }

    /**
     * The feed: Zyszkowski again, her given names written together (no names block with her: only the window over
     * 10115 pairs the two), and copies of existing Müllers (whose weight depends on how frequent Müller is overall).
     */
    private static List<Row> feed(List<Row> existing) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Zyszkowski", "Annamaria", "1971-03-14", "Lindenweg", "17", "10115", "Stadt"));
        for (int i = 0; i < 160; i += 16) {
            rows.add(existing.get(i));
        }
        for (int i = 2; i < 160; i += 23) {
            rows.add(existing.get(i));
        }
        return rows;
    }

    /** A workspace with the existing records matched (the model estimated), then the feed imported. */
    private Workspace prepared(String name) throws Exception {
        Path sub = Files.createDirectories(dir.resolve(name));
        Workspace w = WorkspaceSetup.create(sub.resolve("ws.grw"), Clock.systemUTC(), profile().toString());
        Session admin = TestWorkspaces.createWithUsers(w);
        List<Row> old = existing();
        Path melde = sub.resolve("melderegister.csv");
        Files.writeString(melde, melde(old), StandardCharsets.UTF_8);
        TestWorkspaces.importFile(w, admin, melde, null);
        assertThat(TestWorkspaces.match(w, admin).kind()).isEqualTo(WorkspaceMatcher.Kind.ESTIMATED);
        Path kfz = sub.resolve("kfz_halter.csv");
        Files.writeString(kfz, kfz(feed(old)), StandardCharsets.UTF_8);
        TestWorkspaces.importFile(w, admin, kfz, null);
        return w;
    }

    /** Per pair with a feed record (by source and record key): its weight and whether the family name was adjusted. */
    private static Map<String, Object[]> pairsWithNew(MatchResult result) {
        RecordTable t = result.records().table();
        Map<String, Object[]> out = new TreeMap<>();
        for (int p = 0; p < result.pairCount(); p++) {
            int a = result.first(p);
            int b = result.second(p);
            if (!t.sourceName(a).equals("kfz_halter") && !t.sourceName(b).equals("kfz_halter")) {
                continue;
            }
            String key = t.sourceName(a) + ":" + t.recordId(a) + "|" + t.sourceName(b) + ":" + t.recordId(b);
            boolean familyAdjusted = result.explain(p).stream().anyMatch(c -> c.comparison().equals("family_name")
                    && c.tfAdjusted());
            out.put(key, new Object[] {result.weight(p), familyAdjusted, result.probability(p)});
        }
        return out;
    }

    @Test
    void aNewRecordIsComparedAndScoredAsAFullRematchDoesThroughWindowsAndTermFrequencies() throws Exception {
        Map<String, Object[]> incremental;
        Map<String, Object[]> full;
        long incrementalLeftOut;
        try (Workspace w = prepared("a")) {
            Session admin = TestWorkspaces.fixture(w).admin();
            WorkspaceMatcher.Result r = TestWorkspaces.match(w, admin);
            assertThat(r.kind()).isEqualTo(WorkspaceMatcher.Kind.INCREMENTAL);
            assertThat(r.newRecords()).isEqualTo(feed(existing()).size());
            incremental = pairsWithNew(r.result());
            incrementalLeftOut = r.result().candidates().pairsLeftOut();
        }
        try (Workspace w = prepared("b")) {
            Session admin = TestWorkspaces.fixture(w).admin();
            // the reference reads, normalises and keys every record afresh (no snapshot, no kept values or keys):
            // kept values that differed would otherwise go into both runs alike and pass unseen
            WorkspaceMatcher.Result r = new WorkspaceMatcher(w, false).runFull(admin, null, ProgressListener.NONE,
                    CancellationToken.NONE);
            assertThat(r.kind()).isEqualTo(WorkspaceMatcher.Kind.FULL);
            full = pairsWithNew(r.result());
        }
        // oversized blocks were windowed, and the pair of the two Zyszkowskis is one of the window's
        assertThat(incrementalLeftOut).isPositive();
        String zyszkowski = "melderegister:100160|kfz_halter:400000";
        assertThat(full).containsKey(zyszkowski);
        assertThat((double) full.get(zyszkowski)[2]).as("the Zyszkowskis are linked").isGreaterThan(0.5);
        // the frequent family name's agreements are adjusted by its frequency over all records
        long mullers = full.entrySet().stream().filter(e -> (boolean) e.getValue()[1]).count();
        assertThat(mullers).isGreaterThan(5);

        // exactly the pairs of the full re-match, each with the same weight
        assertThat(incremental.keySet()).containsExactlyElementsOf(full.keySet());
        full.forEach((pair, v) -> assertThat((double) incremental.get(pair)[0]).as(pair).isEqualTo((double) v[0]));
    }
}
