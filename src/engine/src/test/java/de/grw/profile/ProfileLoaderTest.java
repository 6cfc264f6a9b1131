package de.grw.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.grw.common.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String personDeJson() throws IOException {
        try (InputStream in = ProfileLoaderTest.class.getResourceAsStream("/profiles/person-de.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes person-de with one change to a file and loads it. */
    private MatchProfile loadChanged(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(personDeJson());
        change.accept(root);
        Path file = dir.resolve("changed.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return ProfileLoader.load(file);
    }

    @Test
    void loadsThePersonProfile() {
        MatchProfile p = ProfileLoader.defaultProfile();
        assertThat(p.name()).isEqualTo("person-de");
        assertThat(p.fields()).extracting(FieldSpec::name).startsWith("record_id", "family_name", "birth_name",
                "given_names").contains("birth_date", "street", "house_number", "postal_code", "city", "tax_id");
        assertThat(p.idField()).map(FieldSpec::name).hasValue("record_id");
        assertThat(p.field("birth_date")).get().extracting(FieldSpec::type).isEqualTo(FieldType.DATE);
        assertThat(p.field("birth_date").orElseThrow().parts()).containsOnlyKeys("year", "month", "day");
        assertThat(p.field("blocking_notice").orElseThrow().type()).isEqualTo(FieldType.FLAG);
        assertThat(p.fieldIndex("family_name")).isEqualTo(1);
        assertThat(p.fieldIndex("nope")).isEqualTo(-1);
        assertThat(p.composites()).extracting(CompositeSpec::name).containsExactly("full_name", "family_and_birth_name",
                "street_address");
        assertThat(p.comparisons()).isNotEmpty().hasSizeLessThanOrEqualTo(ProfileLoader.MAX_COMPARISONS);
        assertThat(p.blocking()).extracting(BlockingRuleSpec::name).contains("names+birth_year");
        assertThat(p.blocking().stream().filter(BlockingRuleSpec::unordered)).extracting(BlockingRuleSpec::name)
                .containsExactly("names+birth_year", "names+birth_day", "names+postal_code", "names+city");
        // the household rule finds pairs for the estimate only: no candidates of its own
        assertThat(p.model().household().blocking()).extracting(BlockingRuleSpec::name)
                .containsExactly("family_name+street+house_number");
        assertThat(p.blocking()).extracting(BlockingRuleSpec::name)
                .doesNotContain("family_name+street+house_number");
        assertThat(p.limits()).isEqualTo(new BlockingLimits(500, 30, 1_000_000));
        assertThat(p.sortKey()).containsExactly("family_name", "given_names", "birth_date");
        assertThat(p.threshold()).isEqualTo(0.5);
        assertThat(p.model().randomPairs()).isPositive();
    }

    @Test
    void levelsKeepTheirParametersTfAndNeutralFlag() {
        MatchProfile p = ProfileLoader.defaultProfile();
        ComparisonSpec given = p.comparisons().get(0);
        assertThat(given.name()).isEqualTo("given_names");
        LevelSpec exact = given.levels().get(0);
        assertThat(exact.test()).isEqualTo("exact");
        assertThat(exact.tf()).isEqualTo("given_names");
        assertThat(exact.neutral()).isFalse();
        LevelSpec swapped = given.levels().get(2);
        assertThat(swapped.neutral()).isTrue();
        assertThat(swapped.params()).containsEntry("other", "family_name");
        LevelSpec jw = given.levels().get(8);
        assertThat(jw.params()).containsEntry("min", 0.92);
    }

    @Test
    void fieldLabelsFallBackToGermanThenTheName() {
        FieldSpec f = ProfileLoader.defaultProfile().field("family_name").orElseThrow();
        assertThat(f.label("en")).isEqualTo("Family name");
        assertThat(f.label("fr")).isEqualTo("Familienname");
        assertThat(new FieldSpec("x", FieldType.TEXT, null, null, null, null).label("en")).isEqualTo("x");
        assertThat(new FieldSpec("x", FieldType.TEXT, null, null, null, null).normaliser()).isEqualTo("text");
    }

    @Test
    void aNameWithoutJsonSuffixIsABuiltInProfile() {
        assertThat(ProfileLoader.load("person-de").name()).isEqualTo("person-de");
        assertThatThrownBy(() -> ProfileLoader.load("person-fr"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("No built-in profile named 'person-fr'");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> ProfileLoader.load(missing.toString()))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(missing + ": profile file not found");
    }

    @Test
    void aProfileWrittenAsJsonLoadsAgainUnchanged() throws IOException {
        MatchProfile p = ProfileLoader.defaultProfile();
        Path file = dir.resolve("copy.json");
        Files.writeString(file, ProfileLoader.toJson(p));
        assertThat(ProfileLoader.load(file)).isEqualTo(p);
    }

    @Test
    void aCopyWithAnotherThreshold() {
        MatchProfile p = ProfileLoader.defaultProfile();
        MatchProfile q = p.withThreshold(0.9);
        assertThat(q.threshold()).isEqualTo(0.9);
        assertThat(q.fields()).isEqualTo(p.fields());
        assertThat(p.threshold()).isEqualTo(0.5);
    }

    @Test
    void invalidJsonGivesLineAndColumn() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file,
                "{\n  \"name\": \"x\",\n  \"fields\": [\n    {\"name\": \"a\" \"type\": \"TEXT\"}\n  ]\n}\n");
        assertThatThrownBy(() -> ProfileLoader.load(file))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(file + " (line 4, column ")
                .hasMessageContaining(": invalid profile: ");
    }

    @Test
    void anUnknownPropertyIsRejectedWithItsPosition() throws IOException {
        Path file = dir.resolve("unknown.json");
        Files.writeString(file, personDeJson().replaceFirst("\"threshold\"", "\"treshold\": 0.8,\n  \"threshold\""));
        assertThatThrownBy(() -> ProfileLoader.load(file))
                .isInstanceOf(UserFacingException.class)
                .hasMessageMatching("(?s).*\\(line \\d+, column \\d+\\): invalid profile: .*treshold.*");
    }

    @Test
    void anUnknownFieldInAComparisonIsNamed() {
        assertThatThrownBy(() -> loadChanged(root -> {
            ObjectNode level = (ObjectNode) root.withArray("comparisons").get(0);
            ((ArrayNode) level.get("fields")).set(0, "vorname");
        })).isInstanceOf(UserFacingException.class)
                .hasMessageEndingWith("comparison 'given_names' refers to unknown field 'vorname'");
    }

    @Test
    void anUnknownFieldInABlockingRuleIsNamed() {
        assertThatThrownBy(() -> loadChanged(root -> {
            ObjectNode part = (ObjectNode) root.withArray("blocking").get(0).withArray("parts").get(1);
            part.put("field", "geburtsdatum");
        })).isInstanceOf(UserFacingException.class)
                .hasMessageEndingWith("blocking rule 'names+birth_year' refers to unknown field "
                        + "'geburtsdatum'");
    }

    @Test
    void theDifferenceCountNamesKnownComparisonsAndCanBeSwitchedOff() throws IOException {
        assertThat(ProfileLoader.defaultProfile().model().differences())
                .containsExactly("given_names", "family_name", "birth_date", "sex", "birth_place");
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.get("model")).withArray("differences")
                .add("vornamen")))
                .hasMessageEndingWith("model.differences refers to unknown comparison 'vornamen'");
        assertThat(loadChanged(root -> ((ObjectNode) root.get("model")).remove("differences")).model().differences())
                .isEmpty();
    }

    @Test
    void theHistoricalProfileReadsSplinksHistoricalHeadersWithoutTheTruth() {
        MatchProfile hist = ProfileLoader.builtIn("person-hist");
        assertThat(hist.field("birth_date").orElseThrow().years()).isEqualTo(YearRange.ALL);
        List<String> header = List.of("unique_id", "cluster", "full_name", "first_and_surname", "first_name",
                "surname", "dob", "birth_place", "postcode_fake", "gender", "occupation");
        de.grw.importing.ColumnMapping mapping = de.grw.importing.HeaderMatcher.suggest(header, hist);
        java.util.Map<String, String> targets = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            targets.put(header.get(i), mapping.targets().get(i).describe());
        }
        assertThat(targets).containsEntry("unique_id", "record_id").containsEntry("first_name", "given_names")
                .containsEntry("surname", "family_name").containsEntry("dob", "birth_date")
                .containsEntry("birth_place", "birth_place").containsEntry("postcode_fake", "postal_code")
                .containsEntry("gender", "sex").containsEntry("occupation", "occupation");
        // the truth is never a feature: the cluster column is kept, not compared, and the record id is no comparison
        assertThat(mapping.targets().get(header.indexOf("cluster"))).isInstanceOf(de.grw.importing.ColumnTarget.Extra.class);
        assertThat(hist.comparisons()).allMatch(c -> !c.fields().contains("record_id"));
        assertThat(hist.blocking()).allMatch(b -> b.parts().stream().noneMatch(p -> p.allFields().contains("record_id")));
    }

    @Test
    void householdClassesNameKnownComparisonsAndLevels() throws IOException {
        assertThat(ProfileLoader.defaultProfile().model().household().classes())
                .extracting(HouseholdSpec.ClassSpec::name).containsExactly("twins", "household");
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.get("model").get("household")
                .withArray("classes").get(1).get("levels")).putArray("anschrift").add("same_address")))
                .hasMessageEndingWith("model.household class 'household' refers to unknown comparison 'anschrift'");
        assertThatThrownBy(() -> loadChanged(root -> ((ArrayNode) root.get("model").get("household")
                .withArray("classes").get(1).get("levels").get("address")).add("gleiche_anschrift")))
                .hasMessageEndingWith("model.household class 'household': comparison 'address' has no level "
                        + "'gleiche_anschrift'");
        assertThat(loadChanged(root -> ((ObjectNode) root.get("model")).remove("household")).model().household())
                .isNull();
    }

    @Test
    void anUnknownFieldInTheSortKeyOrAContradictionOrACompositeIsNamed() {
        assertThatThrownBy(() -> loadChanged(root -> root.withArray("sortKey").add("shoe_size")))
                .hasMessageEndingWith("sortKey refers to unknown field 'shoe_size'");
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.withArray("contradictions").get(0))
                .put("field", "steuer_id")))
                .hasMessageEndingWith("contradiction refers to unknown field 'steuer_id'");
        assertThatThrownBy(() -> loadChanged(root -> ((ArrayNode) root.withArray("composites").get(0)
                .withArray("targets")).add("middle_name")))
                .hasMessageEndingWith("composite 'full_name' refers to unknown field 'middle_name'");
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.withArray("comparisons").get(0)
                .withArray("levels").get(0)).put("tf", "vornamen")))
                .hasMessageEndingWith("comparison 'given_names' (tf) refers to unknown field 'vornamen'");
    }

    @Test
    void aDuplicateFieldIsNamed() {
        assertThatThrownBy(() -> loadChanged(root -> {
            ArrayNode fields = root.withArray("fields");
            fields.add(fields.get(1).deepCopy());
        })).isInstanceOf(UserFacingException.class)
                .hasMessageEndingWith(": field 'family_name' is defined twice");
    }

    @Test
    void twoIdFieldsAreRejected() {
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.withArray("fields").get(1))
                .put("type", "ID")))
                .hasMessageEndingWith("at most one field may have type ID");
    }

    @Test
    void anUnknownFieldTypeIsRejected() {
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.withArray("fields").get(1))
                .put("type", "SURNAME")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("invalid profile")
                .hasMessageContaining("SURNAME");
    }

    @Test
    void aThresholdOutsideZeroToOneIsRejected() {
        for (double bad : new double[] {0.0, 1.0, 1.5, -0.2}) {
            assertThatThrownBy(() -> loadChanged(root -> root.put("threshold", bad)))
                    .as("threshold %s", bad)
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageEndingWith("threshold must lie between 0 and 1");
        }
        assertThatThrownBy(() -> loadChanged(root -> root.remove("threshold")))
                .hasMessageEndingWith("threshold must lie between 0 and 1");
    }

    @Test
    void otherStructuralErrorsAreNamed() {
        assertThatThrownBy(() -> loadChanged(root -> root.put("name", " ")))
                .hasMessageEndingWith("the profile needs a name");
        assertThatThrownBy(() -> loadChanged(root -> root.putArray("fields")))
                .hasMessageEndingWith("the profile has no fields");
        assertThatThrownBy(() -> loadChanged(root -> root.putArray("comparisons")))
                .hasMessageEndingWith("the profile has no comparisons");
        assertThatThrownBy(() -> loadChanged(root -> root.putArray("blocking")))
                .hasMessageEndingWith("the profile has no blocking rules");
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.withArray("comparisons").get(0))
                .putArray("levels")))
                .hasMessageEndingWith("comparison 'given_names' needs 1 to 14 levels");
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.get("limits")).put("window", 1)))
                .hasMessageEndingWith("limits need maxBlockSize >= 2 and window >= 2");
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.get("model")).put("randomPairs", 0)))
                .hasMessageEndingWith("model needs randomPairs and maxIterations > 0");
        assertThatThrownBy(() -> loadChanged(root -> {
            ArrayNode comparisons = root.withArray("comparisons");
            while (comparisons.size() <= ProfileLoader.MAX_COMPARISONS) {
                comparisons.add(comparisons.get(0).deepCopy());
            }
        })).hasMessageEndingWith("at most 16 comparisons are supported");
    }

    @Test
    void theMessageNamesTheFile() throws IOException {
        Path file = dir.resolve("changed.json");
        assertThatThrownBy(() -> loadChanged(root -> root.put("threshold", 2)))
                .hasMessage(file + ": threshold must lie between 0 and 1");
    }
}
