package de.grw.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.CancelledException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classic population ({@link Population#CLASSIC}): its files, rates and bytes as before issue 11. */
@Tag("slow")
class PopulationGeneratorTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final int RECORDS = 20_000;

    @TempDir
    static Path dir;

    private static GenerationReport report;
    /** (source, record id) -> person id, from truth.csv. */
    private static Map<String, String> truth;
    private static List<CSVRecord> melde;
    private static List<CSVRecord> sozial;
    private static List<CSVRecord> kfz;

    @BeforeAll
    static void generate() throws IOException {
        report = new PopulationGenerator().generate(classic(42, RECORDS, dir));
        truth = new HashMap<>();
        for (CSVRecord row : parse(Files.readString(dir.resolve("truth.csv"), StandardCharsets.UTF_8), ',')) {
            String previous = truth.put(row.get(0) + "|" + row.get(1), row.get(2));
            assertThat(previous).as("truth row for %s %s", row.get(0), row.get(1)).isNull();
        }
        melde = parse(utf8(bytes("melderegister.csv")).substring(1), ';');
        sozial = parse(new String(bytes("sozialamt.csv"), CP1252), ';');
        kfz = parse(utf8(bytes("kfz_halter.csv")), ',');
    }

    // ------------------------------------------------------------------------------------------------ counts

    @Test
    void writesExactlyTheRequestedNumberOfRecords() {
        assertThat(melde.size() + sozial.size() + kfz.size()).isEqualTo(RECORDS);
        assertThat(report.totalRecords()).isEqualTo(RECORDS);
        assertThat(report.recordsPerSource()).containsExactly(Map.entry("melderegister", (long) melde.size()),
                Map.entry("sozialamt", (long) sozial.size()), Map.entry("kfz_halter", (long) kfz.size()));
        assertThat(report.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("melderegister.csv", "sozialamt.csv", "kfz_halter.csv", "truth.csv");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no staging leftovers").containsExactlyInAnyOrder("melderegister.csv", "sozialamt.csv",
                            "kfz_halter.csv", "truth.csv");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sourceSizesFollowTheCoverage() {
        // 85% / 25% / 45% of adults of the persons, about 1.52 records per person
        assertThat(melde.size() / (double) RECORDS).isBetween(0.53, 0.63);
        assertThat(sozial.size() / (double) RECORDS).isBetween(0.13, 0.21);
        assertThat(kfz.size() / (double) RECORDS).isBetween(0.21, 0.29);
        double persons = report.persons();
        assertThat(personsIn("melderegister", melde) / persons).isBetween(0.80, 0.90);
        assertThat(personsIn("sozialamt", sozial) / persons).isBetween(0.20, 0.30);
    }

    // ------------------------------------------------------------------------------------------------ truth

    @Test
    void truthCoversEveryRecordExactlyOnce() {
        Set<String> keys = new HashSet<>();
        addKeys(keys, "melderegister", melde);
        addKeys(keys, "sozialamt", sozial);
        addKeys(keys, "kfz_halter", kfz);
        assertThat(keys).hasSize(RECORDS);
        assertThat(truth.keySet()).isEqualTo(keys);
        Pattern person = Pattern.compile("P\\d{7,}");
        assertThat(truth.values()).allMatch(p -> person.matcher(p).matches());
    }

    private static void addKeys(Set<String> keys, String source, List<CSVRecord> rows) {
        for (CSVRecord row : rows) {
            assertThat(keys.add(source + "|" + row.get(0))).as("record id %s unique in %s", row.get(0), source)
                    .isTrue();
        }
    }

    @Test
    void duplicatesExistWithinAndAcrossSources() {
        for (String source : List.of("melderegister", "sozialamt", "kfz_halter")) {
            List<CSVRecord> rows = source.equals("melderegister") ? melde : source.equals("sozialamt") ? sozial : kfz;
            Map<String, Integer> perPerson = recordsPerPerson(source, rows);
            long twice = perPerson.values().stream().filter(n -> n >= 2).count();
            assertThat(twice / (double) perPerson.size()).as("share of persons twice in %s", source)
                    .isBetween(0.015, 0.05);
            assertThat(report.duplicatesPerSource().get(source)).isEqualTo(twice);
        }
        Map<String, Set<String>> sourcesPerPerson = new HashMap<>();
        truth.forEach((key, person) -> sourcesPerPerson.computeIfAbsent(person, p -> new HashSet<>())
                .add(key.substring(0, key.indexOf('|'))));
        long inAll = sourcesPerPerson.values().stream().filter(s -> s.size() == 3).count();
        long inTwo = sourcesPerPerson.values().stream().filter(s -> s.size() >= 2).count();
        assertThat(inTwo).isGreaterThan(RECORDS / 5);
        assertThat(inAll).isGreaterThan(RECORDS / 50);
    }

    @Test
    void duplicatesAreNotWrittenNextToEachOther() {
        int adjacent = 0;
        int duplicated = 0;
        Map<String, Integer> lastLine = new HashMap<>();
        for (int i = 0; i < melde.size(); i++) {
            String person = truth.get("melderegister|" + melde.get(i).get(0));
            Integer previous = lastLine.put(person, i);
            if (previous != null) {
                duplicated++;
                if (i - previous == 1) {
                    adjacent++;
                }
            }
        }
        assertThat(duplicated).isGreaterThan(100);
        assertThat(adjacent).isLessThan(duplicated / 20);
    }

    @Test
    void everyKindOfErrorOccurs() {
        assertThat(report.errorCounts()).hasSize(ErrorType.values().length);
        assertThat(report.errorCounts()).allSatisfy((type, count) -> assertThat(count).as(type).isPositive());
        long duplicates = report.duplicatesPerSource().values().stream().mapToLong(Long::longValue).sum();
        assertThat(report.hardDuplicates() / (double) duplicates).isBetween(0.03, 0.12);
        assertThat(report.unchangedDuplicates()).isLessThan(duplicates / 10);
    }

    // ------------------------------------------------------------------------------------------------ population

    @Test
    void twinsExist() {
        // same family name, birth date and address, different given names, different persons
        Map<String, List<CSVRecord>> groups = new HashMap<>();
        for (CSVRecord r : melde) {
            String key = String.join("|", r.get(1), r.get(6), r.get(9), r.get(10), r.get(12));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        long twins = groups.values().stream().filter(g -> {
            Set<String> persons = new HashSet<>();
            Set<String> given = new HashSet<>();
            for (CSVRecord r : g) {
                persons.add(truth.get("melderegister|" + r.get(0)));
                given.add(r.get(3));
            }
            return persons.size() >= 2 && given.size() >= 2 && !g.get(0).get(6).isEmpty();
        }).count();
        assertThat(twins).isGreaterThanOrEqualTo(3);
        assertThat(report.twinPairs()).isGreaterThanOrEqualTo(twins);
    }

    @Test
    void namesakesAndSharedAddressesExist() {
        Map<String, Set<String>> byName = new HashMap<>();
        Map<String, Set<String>> byAddress = new HashMap<>();
        for (CSVRecord r : melde) {
            String person = truth.get("melderegister|" + r.get(0));
            byName.computeIfAbsent(r.get(3) + " " + r.get(1), k -> new HashSet<>()).add(person);
            byAddress.computeIfAbsent(r.get(9) + " " + r.get(10) + " " + r.get(12), k -> new HashSet<>())
                    .add(person);
        }
        assertThat(byName.values().stream().filter(s -> s.size() > 1).count()).isGreaterThan(200);
        assertThat(byAddress.values().stream().filter(s -> s.size() > 2).count()).isGreaterThan(200);
    }

    @Test
    void melderegisterLooksLikeARegister() {
        Pattern date = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4}");
        Pattern plz = Pattern.compile("|\\d{5}");
        Pattern umlaut = Pattern.compile("[äöüÄÖÜß]");
        Pattern twoNames = Pattern.compile("\\S+[ -]\\S+.*");
        Set<String> sexes = new HashSet<>();
        int blocked = 0;
        int birthNames = 0;
        int umlauts = 0;
        int leadingZeroPlz = 0;
        int doubleGiven = 0;
        int titles = 0;
        for (CSVRecord r : melde) {
            if (r.size() != 15 || !r.get(6).isEmpty() && !date.matcher(r.get(6)).matches() || !plz.matcher(r.get(11)).matches()
                    || !r.get(14).isEmpty() && !r.get(14).equals("ja")) {
                throw new AssertionError("malformed: " + r);
            }
            sexes.add(r.get(5));
            blocked += r.get(14).equals("ja") ? 1 : 0;
            birthNames += r.get(2).isEmpty() ? 0 : 1;
            umlauts += umlaut.matcher(r.get(1)).find() ? 1 : 0;
            leadingZeroPlz += r.get(11).startsWith("0") ? 1 : 0;
            doubleGiven += twoNames.matcher(r.get(3)).matches() ? 1 : 0;
            titles += r.get(4).isEmpty() ? 0 : 1;
        }
        assertThat(sexes).contains("m", "w").isSubsetOf("m", "w", "d", "");
        int n = melde.size();
        assertThat(blocked / (double) n).isBetween(0.004, 0.02);
        assertThat(birthNames / (double) n).isBetween(0.05, 0.20);
        assertThat(umlauts).isGreaterThan(n / 20);
        assertThat(leadingZeroPlz).isGreaterThan(n / 100);
        assertThat(doubleGiven / (double) n).isBetween(0.14, 0.26);
        assertThat(titles).isGreaterThan(0);
    }

    @Test
    void taxIdsAreElevenDigitsAndUniquePerPerson() {
        Map<String, Set<String>> personsPerId = new HashMap<>();
        int valid = 0;
        int filled = 0;
        for (CSVRecord r : melde) {
            String id = r.get(13);
            if (id.isEmpty()) {
                continue;
            }
            filled++;
            if (id.length() != 11 || id.charAt(0) == '0' || !id.chars().allMatch(Character::isDigit)) {
                throw new AssertionError("malformed tax id: " + id);
            }
            valid += SteuerIds.isValid(id) ? 1 : 0;
            personsPerId.computeIfAbsent(id, k -> new HashSet<>()).add(truth.get("melderegister|" + r.get(0)));
        }
        assertThat(filled / (double) melde.size()).isGreaterThan(0.95);
        assertThat(valid / (double) filled).as("all but the typos are valid").isGreaterThan(0.99);
        assertThat(personsPerId.values().stream().filter(s -> s.size() > 1).count()).isLessThanOrEqualTo(1);
    }

    @Test
    void sozialamtLooksLikeALegacyExport() throws IOException {
        String raw = new String(bytes("sozialamt.csv"), CP1252);
        String[] lines = raw.split("\r\n");
        assertThat(lines[0]).isEqualTo("Aktenzeichen;Name;Geb.-Datum;Anschrift;PLZ;Ort;Geschlecht;Steuer-ID");
        assertThat(lines[1]).matches("[^;]+;\"[^\"]+, [^\"]+\";.*"); // the name is quoted: it contains a comma
        Pattern date = Pattern.compile("|\\d{1,2}\\.\\d{1,2}\\.\\d{4}");
        Pattern shortDate = Pattern.compile("\\d\\..*|\\d{2}\\.\\d\\..*");
        Set<String> sexes = Set.of("männlich", "weiblich", "divers", "");
        int shortDates = 0;
        int taxIds = 0;
        int abbreviated = 0;
        int withComma = 0;
        for (CSVRecord r : sozial) {
            if (r.size() != 8 || !date.matcher(r.get(2)).matches() || !sexes.contains(r.get(6))) {
                throw new AssertionError("malformed: " + r);
            }
            withComma += r.get(1).contains(", ") ? 1 : 0; // only a missing given name drops it
            shortDates += shortDate.matcher(r.get(2)).matches() ? 1 : 0;
            taxIds += r.get(7).isEmpty() ? 0 : 1;
            abbreviated += r.get(3).contains("str. ") || r.get(3).contains("Str. ") ? 1 : 0;
        }
        int n = sozial.size();
        assertThat(withComma).isGreaterThan(n * 99 / 100);
        assertThat(shortDates).isGreaterThan(n / 4);
        assertThat(taxIds / (double) n).isBetween(0.5, 0.7);
        assertThat(abbreviated).isGreaterThan(n / 4);
    }

    @Test
    void kfzHalterLooksLikeAVehicleRegistry() {
        Pattern date = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{8}");
        int upper = 0;
        int transliterated = 0;
        int compactDates = 0;
        int minors = 0;
        Pattern ae = Pattern.compile("AE|OE|UE|ae|oe|ue");
        for (CSVRecord r : kfz) {
            if (r.size() != 8 || !r.get(3).isEmpty() && !date.matcher(r.get(3)).matches()) {
                throw new AssertionError("malformed: " + r);
            }
            upper += r.get(1).equals(r.get(1).toUpperCase(Locale.ROOT)) ? 1 : 0;
            transliterated += ae.matcher(r.get(1)).find() ? 1 : 0;
            compactDates += r.get(3).length() == 8 ? 1 : 0;
            minors += !r.get(3).isEmpty() && Integer.parseInt(r.get(3).substring(0, 4)) > 2007 ? 1 : 0;
        }
        int n = kfz.size();
        assertThat(upper / (double) n).isBetween(0.45, 0.65);
        assertThat(transliterated).isGreaterThan(n / 50);
        assertThat(compactDates / (double) n).isBetween(0.08, 0.22);
        assertThat(minors).as("only adults own cars; a few dates carry a wrong digit").isLessThan(n / 100);
    }

    // ------------------------------------------------------------------------------------------------ bytes

    @Test
    void melderegisterIsUtf8WithBomSemicolonsAndCrlf() throws IOException {
        byte[] b = bytes("melderegister.csv");
        assertThat(b[0] & 0xFF).isEqualTo(0xEF);
        assertThat(b[1] & 0xFF).isEqualTo(0xBB);
        assertThat(b[2] & 0xFF).isEqualTo(0xBF);
        String text = utf8(b).substring(1);
        assertThat(text).startsWith(MelderegisterFormat.HEADER + "\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(text).endsWith("\r\n");
        assertThat(text).contains("ü").contains("ß");
    }

    @Test
    void sozialamtIsWindows1252WithSingleByteUmlauts() throws IOException {
        byte[] b = bytes("sozialamt.csv");
        assertThat(b[0]).isEqualTo((byte) 'A'); // no byte order mark
        assertThatThrownBy(() -> utf8(b)).as("not UTF-8").hasCauseInstanceOf(CharacterCodingException.class);
        byte[] maennlich = "männlich".getBytes(CP1252);
        assertThat(maennlich).hasSize(8).contains((byte) 0xE4);
        assertThat(indexOf(b, maennlich)).isPositive();
        String text = new String(b, CP1252);
        assertThat(text).contains("ü").contains("ö");
        assertThat(text).as("nothing was unmappable").doesNotContain("?");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void kfzHalterIsUtf8WithoutBomCommasAndLf() throws IOException {
        byte[] b = bytes("kfz_halter.csv");
        String text = utf8(b);
        assertThat(text).startsWith(KfzHalterFormat.HEADER + "\n");
        assertThat(text).doesNotContain("\r").doesNotContain("\uFEFF");
    }

    @Test
    void truthIsPlainUtf8() throws IOException {
        String text = utf8(bytes("truth.csv"));
        assertThat(text).startsWith("source,record_id,person_id,household_id,relation\nmelderegister,");
        assertThat(text.lines().count()).isEqualTo(RECORDS + 1);
    }

    @Test
    void truthNamesHouseholdAndRelation() throws IOException {
        Pattern row = Pattern.compile("(melderegister|sozialamt|kfz_halter),[^,]+,P\\d{7,},H\\d{7,},"
                + "(head|spouse|partner|child|twin|parent|other)");
        List<String> lines = utf8(bytes("truth.csv")).lines().skip(1).toList();
        assertThat(lines).allMatch(l -> row.matcher(l).matches());
        Map<String, String> householdOf = new HashMap<>();
        for (String l : lines) {
            String[] c = l.split(",");
            assertThat(householdOf.putIfAbsent(c[2], c[3])).as("one household per person").isIn(null, c[3]);
        }
        assertThat(lines).as("the classic population has no juniors").noneMatch(l -> l.endsWith(",junior"));
    }

    // ------------------------------------------------------------------------------------------------ the old bytes

    @Test
    void classicReproducesTheShippedSamplesByteForByte(@TempDir Path out) throws IOException {
        // samples/README.md: produced by "generate --records 600 --seed 2026" before the realistic population existed
        new PopulationGenerator().generate(classic(2026, 600, out));
        for (String file : List.of("melderegister.csv", "sozialamt.csv", "kfz_halter.csv")) {
            assertThat(Files.readAllBytes(out.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(Path.of("samples", file)));
        }
    }

    @Test
    void classicWritesTheFilesOfTheGeneratorBeforeIssue11(@TempDir Path out) throws Exception {
        // SHA-256 of the files the generator wrote for --records 20000 --seed 1 before the realistic population
        new PopulationGenerator().generate(classic(1, 20_000, out));
        assertThat(sha256(out.resolve("melderegister.csv")))
                .isEqualTo("22a37cf5fced9576b987f15ae6a7c37d07d361bccb6deac4e26b2f2e160f0532");
        assertThat(sha256(out.resolve("sozialamt.csv")))
                .isEqualTo("6d70ac2fa45939dbb825cc4f1a1caa8514136e87eb1e94d958a81b1865ebf4b2");
        assertThat(sha256(out.resolve("kfz_halter.csv")))
                .isEqualTo("8c0c70f241d6c7c91c1d7996af7246f0593daff84f94b2b1a6a9940785707ff6");
        // the truth's first three columns are unchanged too
        String truth = Files.readAllLines(out.resolve("truth.csv")).stream().skip(1)
                .map(l -> l.substring(0, l.indexOf(",H"))).reduce(new StringBuilder(), (sb, l) -> sb.append(l)
                        .append('\n'), StringBuilder::append).toString();
        assertThat(sha256("source,record_id,person_id\n" + truth))
                .isEqualTo("e1ccaf1a6df162c2319831a2ba5c32b29259045901b1a595798ea5c2c8c0fe88");
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    // ------------------------------------------------------------------------------------------------ determinism

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot(@TempDir Path a, @TempDir Path b, @TempDir Path c)
            throws IOException {
        PopulationGenerator generator = new PopulationGenerator();
        generator.generate(classic(7, 3_000, a));
        generator.generate(classic(7, 3_000, b));
        generator.generate(classic(8, 3_000, c));
        for (String file : List.of("melderegister.csv", "sozialamt.csv", "kfz_halter.csv", "truth.csv")) {
            assertThat(Files.readAllBytes(b.resolve(file))).as(file).isEqualTo(Files.readAllBytes(a.resolve(file)));
            assertThat(Files.readAllBytes(c.resolve(file))).as(file).isNotEqualTo(Files.readAllBytes(a.resolve(file)));
        }
    }

    @Test
    void smallBufferStillWritesEveryRecordOnce(@TempDir Path out) throws IOException {
        GenerationReport small = new PopulationGenerator(64).generate(classic(3, 2_000, out));
        assertThat(small.totalRecords()).isEqualTo(2_000);
        assertThat(Files.readAllLines(out.resolve("truth.csv"))).hasSize(2_001).doesNotHaveDuplicates();
    }

    @Test
    void tinyTargetsAreExact(@TempDir Path out) throws IOException {
        GenerationReport one = new PopulationGenerator().generate(classic(1, 1, out));
        assertThat(one.totalRecords()).isEqualTo(1);
        assertThat(Files.readAllLines(out.resolve("truth.csv"))).hasSize(2);
    }

    @Test
    void cancellationStopsAndLeavesNoFiles(@TempDir Path out) {
        assertThatThrownBy(() -> new PopulationGenerator().generate(classic(1, 10_000, out),
                (phase, done, total) -> { }, () -> true)).isInstanceOf(CancelledException.class);
        assertThat(out.toFile().list()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static GeneratorConfig classic(long seed, long records, Path out) {
        return GeneratorConfig.of(seed, records, out).withPopulation(Population.CLASSIC);
    }

    private static byte[] bytes(String file) throws IOException {
        return Files.readAllBytes(dir.resolve(file));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("not UTF-8", e);
        }
    }

    static List<CSVRecord> parse(String text, char delimiter) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .get();
        try (Reader reader = new StringReader(text)) {
            return format.parse(reader).getRecords();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Integer> recordsPerPerson(String source, List<CSVRecord> rows) {
        Map<String, Integer> result = new HashMap<>();
        for (CSVRecord r : rows) {
            result.merge(truth.get(source + "|" + r.get(0)), 1, Integer::sum);
        }
        return result;
    }

    private static long personsIn(String source, List<CSVRecord> rows) {
        return recordsPerPerson(source, rows).size();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
