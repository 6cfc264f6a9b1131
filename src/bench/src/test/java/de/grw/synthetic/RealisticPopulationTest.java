package de.grw.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The realistic population ({@link Population#REALISTIC}, the default) as files: what the registers show. */
@Tag("slow")
class RealisticPopulationTest {
    private static final int RECORDS = 50_000;

    @TempDir
    static Path dir;

    private static GenerationReport report;
    /** (source|record id) -> {person, household, relation}. */
    private static final Map<String, String[]> truth = new HashMap<>();
    private static List<CSVRecord> melde;
    private static List<CSVRecord> sozial;
    private static List<CSVRecord> kfz;

    @BeforeAll
    static void generate() throws IOException {
        report = new PopulationGenerator().generate(GeneratorConfig.of(5, RECORDS, dir));
        List<String> lines = Files.readAllLines(dir.resolve("truth.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("source,record_id,person_id,household_id,relation");
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            truth.put(c[0] + "|" + c[1], new String[] {c[2], c[3], c[4]});
        }
        melde = PopulationGeneratorTest.parse(Files.readString(dir.resolve("melderegister.csv"), StandardCharsets.UTF_8).substring(1), ';');
        sozial = PopulationGeneratorTest.parse(new String(Files.readAllBytes(dir.resolve("sozialamt.csv")), Charset.forName("windows-1252")),
                ';');
        kfz = PopulationGeneratorTest.parse(Files.readString(dir.resolve("kfz_halter.csv"), StandardCharsets.UTF_8), ',');
    }

    @Test
    void isTheDefaultAndSaysSo() {
        assertThat(GeneratorConfig.of(1, 1, dir).population()).isEqualTo(Population.REALISTIC);
        assertThat(report.population()).isEqualTo(Population.REALISTIC);
        assertThat(report.totalRecords()).isEqualTo(RECORDS);
        assertThat(melde.size() + sozial.size() + kfz.size()).isEqualTo(RECORDS);
        assertThat(report.features()).containsKeys("twin births", "juniors", "kfz records without birth date",
                "postal codes missing", "postal codes mistyped", "names with geb.");
    }

    @Test
    void truthNamesPersonHouseholdAndRelationOfEveryRecord() {
        Pattern person = Pattern.compile("P\\d{7,}");
        Pattern household = Pattern.compile("H\\d{7,}");
        Map<String, String> householdOf = new HashMap<>();
        Map<String, String> relationOf = new HashMap<>();
        Set<String> relations = new HashSet<>();
        for (String[] t : truth.values()) {
            assertThat(person.matcher(t[0]).matches()).as(t[0]).isTrue();
            assertThat(household.matcher(t[1]).matches()).as(t[1]).isTrue();
            assertThat(householdOf.computeIfAbsent(t[0], k -> t[1])).as("one household per person").isEqualTo(t[1]);
            assertThat(relationOf.computeIfAbsent(t[0], k -> t[2])).as("one relation per person").isEqualTo(t[2]);
            relations.add(t[2]);
        }
        assertThat(relations).containsExactlyInAnyOrder("head", "spouse", "partner", "child", "twin", "junior",
                "parent", "other");
        assertThat(truth).hasSize(RECORDS);
    }

    @Test
    void aboutOnePointSevenFiveRecordsPerPersonAndSeveralVehicles() {
        Set<String> persons = new HashSet<>();
        truth.values().forEach(t -> persons.add(t[0]));
        assertThat(RECORDS / (double) persons.size()).isBetween(1.6, 1.9);
        Map<String, Integer> vehicles = perPerson("kfz_halter", kfz);
        long keepers = vehicles.size();
        long several = vehicles.values().stream().filter(n -> n >= 2).count();
        assertThat(several / (double) keepers).isBetween(0.17, 0.30); // 22% keep several, plus duplicates
        assertThat(perPerson("melderegister", melde).size() / (double) persons.size()).isBetween(0.93, 1.0);
    }

    @Test
    void vehicleRecordsOftenLackTheBirthDateAndPostalCodesAreMissingOrMistyped() {
        long withoutDate = kfz.stream().filter(r -> r.get(3).isEmpty()).count();
        assertThat(withoutDate / (double) kfz.size()).isBetween(0.25, 0.36);
        long kfzNoPlz = kfz.stream().filter(r -> r.get(6).isEmpty()).count();
        long sozialNoPlz = sozial.stream().filter(r -> r.get(4).isEmpty()).count();
        assertThat(kfzNoPlz / (double) kfz.size()).isBetween(0.01, 0.04);
        assertThat(sozialNoPlz / (double) sozial.size()).isBetween(0.015, 0.06);
        // a mistyped postal code: the same street, house number and town as the person's registration, another code
        Map<String, CSVRecord> registered = new HashMap<>();
        for (CSVRecord r : melde) {
            registered.put(truth.get("melderegister|" + r.get(0))[0], r);
        }
        int mistyped = 0;
        for (CSVRecord r : kfz) {
            CSVRecord m = registered.get(truth.get("kfz_halter|" + r.get(0))[0]);
            if (m != null && !r.get(6).isEmpty() && !r.get(6).equals(m.get(11)) && r.get(5).equals(m.get(10))
                    && r.get(7).equalsIgnoreCase(m.get(12))) {
                mistyped++;
            }
        }
        assertThat(mistyped).isGreaterThan(kfz.size() / 200);
    }

    @Test
    void twinsShareNameBirthDateAndAddressAndAThirdAreBoyAndGirl() {
        Map<String, List<CSVRecord>> twinsByHousehold = new HashMap<>();
        for (CSVRecord r : melde) {
            String[] t = truth.get("melderegister|" + r.get(0));
            if (t[2].equals("twin")) {
                twinsByHousehold.computeIfAbsent(t[1], k -> new ArrayList<>()).add(r);
            }
        }
        int pairs = 0;
        int opposite = 0;
        for (List<CSVRecord> g : twinsByHousehold.values()) {
            Map<String, CSVRecord> byPerson = new HashMap<>();
            g.forEach(r -> byPerson.putIfAbsent(truth.get("melderegister|" + r.get(0))[0], r));
            if (byPerson.size() != 2) {
                continue;
            }
            List<CSVRecord> two = new ArrayList<>(byPerson.values());
            CSVRecord a = two.get(0);
            CSVRecord b = two.get(1);
            if (!a.get(9).equals(b.get(9)) || !a.get(6).equals(b.get(6))) {
                continue; // a duplicate record with an error in the address or date
            }
            pairs++;
            assertThat(a.get(3)).isNotEqualTo(b.get(3));
            opposite += a.get(5).equals(b.get(5)) ? 0 : 1;
        }
        assertThat(pairs).isGreaterThan(40);
        assertThat(opposite / (double) pairs).isBetween(0.18, 0.52);
    }

    @Test
    void juniorsShareTheirFathersGivenNameAndAddress() {
        Map<String, CSVRecord> heads = new HashMap<>();
        List<CSVRecord> juniors = new ArrayList<>();
        for (CSVRecord r : melde) {
            String[] t = truth.get("melderegister|" + r.get(0));
            if (t[2].equals("head")) {
                heads.put(t[1], r);
            } else if (t[2].equals("junior")) {
                juniors.add(r);
            }
        }
        int checked = 0;
        int sameName = 0;
        for (CSVRecord junior : juniors) {
            CSVRecord father = heads.get(truth.get("melderegister|" + junior.get(0))[1]);
            if (father == null || !father.get(9).equals(junior.get(9)) || junior.get(6).isEmpty()
                    || father.get(6).isEmpty()) {
                continue; // not in this register, or a duplicate record with an error
            }
            checked++;
            // 2% of the register's records carry a clerical error (a typo, upper case), so nearly all, not all
            sameName += PersonMaker.firstGivenName(junior.get(3)).equalsIgnoreCase(
                    PersonMaker.firstGivenName(father.get(3))) ? 1 : 0;
            assertThat(junior.get(5)).isIn("m", "");
            int gap = Integer.parseInt(junior.get(6).substring(6)) - Integer.parseInt(father.get(6).substring(6));
            assertThat(gap).isBetween(15, 57);
        }
        assertThat(checked).isGreaterThan(15);
        assertThat(sameName).isGreaterThanOrEqualTo(checked * 9 / 10);
    }

    @Test
    void marriedNamesShowAsGebInTheSozialamtAndAsBirthNamesInTheRegister() {
        long geb = sozial.stream().filter(r -> r.get(1).contains(" geb. ")).count();
        assertThat(geb).isGreaterThan(sozial.size() / 100);
        long birthNames = melde.stream().filter(r -> !r.get(2).isEmpty()).count();
        assertThat(birthNames / (double) melde.size()).isBetween(0.15, 0.35);
        long doubleNames = melde.stream().filter(r -> r.get(1).indexOf('-') > 0).count();
        assertThat(doubleNames).isGreaterThan(melde.size() / 100);
    }

    @Test
    void sameSeedSameBytesAndNotTheClassicFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        new PopulationGenerator().generate(GeneratorConfig.of(9, 3_000, a));
        new PopulationGenerator().generate(GeneratorConfig.of(9, 3_000, b));
        for (String file : List.of("melderegister.csv", "sozialamt.csv", "kfz_halter.csv", "truth.csv")) {
            assertThat(Files.readAllBytes(b.resolve(file))).as(file).isEqualTo(Files.readAllBytes(a.resolve(file)));
        }
        new PopulationGenerator().generate(GeneratorConfig.of(9, 3_000, b).withPopulation(Population.CLASSIC));
        assertThat(Files.readAllBytes(b.resolve("melderegister.csv")))
                .isNotEqualTo(Files.readAllBytes(a.resolve("melderegister.csv")));
    }

    private static Map<String, Integer> perPerson(String source, List<CSVRecord> rows) {
        Map<String, Integer> result = new HashMap<>();
        for (CSVRecord r : rows) {
            result.merge(truth.get(source + "|" + r.get(0))[0], 1, Integer::sum);
        }
        return result;
    }
}
