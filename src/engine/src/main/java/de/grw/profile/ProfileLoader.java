package de.grw.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import de.grw.common.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads match profiles from JSON and checks that they are consistent, with messages that name the problem. */
public final class ProfileLoader {
    /** Name of the profile used when none is given. */
    public static final String DEFAULT_PROFILE = "person-de";
    /** Upper bound of comparisons in a profile (a comparison vector is packed into 64 bits). */
    public static final int MAX_COMPARISONS = 16;
    /** Upper bound of explicit levels per comparison (plus the implicit null and else levels, 4 bits). */
    public static final int MAX_LEVELS = 14;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ProfileLoader() {
    }

    /** Loads a built-in profile shipped in {@code resources/profiles/}. */
    public static MatchProfile builtIn(String name) {
        String resource = "/profiles/" + name + ".json";
        try (InputStream in = ProfileLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UserFacingException("No built-in profile named '" + name + "'");
            }
            return validate(MAPPER.readValue(in, MatchProfile.class), "built-in profile " + name);
        } catch (JsonProcessingException e) {
            throw describe(e, "built-in profile " + name);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read built-in profile " + name + ": " + e.getMessage(), e);
        }
    }

    /** The default German person profile. */
    public static MatchProfile defaultProfile() {
        return builtIn(DEFAULT_PROFILE);
    }

    /** Loads a profile file; a value without a path separator and without {@code .json} names a built-in profile. */
    public static MatchProfile load(String fileOrName) {
        if (!fileOrName.endsWith(".json") && !fileOrName.contains("/") && !fileOrName.contains("\\")) {
            return builtIn(fileOrName);
        }
        return load(Path.of(fileOrName));
    }

    public static MatchProfile load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return validate(MAPPER.readValue(in, MatchProfile.class), file.toString());
        } catch (NoSuchFileException e) {
            throw new UserFacingException(file + ": profile file not found");
        } catch (JsonProcessingException e) {
            throw describe(e, file.toString());
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read profile: " + e.getMessage(), e);
        }
    }

    /** Reads a profile from its JSON text ({@code where} names it in messages), as {@link #toJson} wrote it. */
    public static MatchProfile fromJson(String json, String where) {
        try {
            return validate(MAPPER.readValue(json, MatchProfile.class), where);
        } catch (JsonProcessingException e) {
            throw describe(e, where);
        }
    }

    /** Writes a profile as JSON (used to record the profile of a match run). */
    public static String toJson(MatchProfile profile) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UserFacingException describe(JsonProcessingException e, String where) {
        var loc = e.getLocation();
        String position = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        return new UserFacingException(where + position + ": invalid profile: " + e.getOriginalMessage(), e);
    }

    static MatchProfile validate(MatchProfile p, String where) {
        String prefix = where + ": ";
        require(p.name() != null && !p.name().isBlank(), prefix + "the profile needs a name");
        require(!p.fields().isEmpty(), prefix + "the profile has no fields");
        Set<String> names = new HashSet<>();
        for (FieldSpec f : p.fields()) {
            require(f.name() != null && f.type() != null, prefix + "every field needs a name and a type");
            require(names.add(f.name()), prefix + "field '" + f.name() + "' is defined twice");
        }
        require(p.fields().stream().filter(f -> f.type() == FieldType.ID).count() <= 1,
                prefix + "at most one field may have type ID");
        for (CompositeSpec c : p.composites()) {
            requireFields(c.targets(), names, prefix + "composite '" + c.name() + "'");
        }
        require(!p.comparisons().isEmpty(), prefix + "the profile has no comparisons");
        require(p.comparisons().size() <= MAX_COMPARISONS,
                prefix + "at most " + MAX_COMPARISONS + " comparisons are supported");
        for (ComparisonSpec c : p.comparisons()) {
            require(!c.fields().isEmpty(), prefix + "comparison '" + c.name() + "' names no fields");
            requireFields(c.fields(), names, prefix + "comparison '" + c.name() + "'");
            require(!c.levels().isEmpty() && c.levels().size() <= MAX_LEVELS,
                    prefix + "comparison '" + c.name() + "' needs 1 to " + MAX_LEVELS + " levels");
            if (c.reference() != null) {
                int expected = c.levels().size() + 1;
                require(c.reference().m().size() == expected && c.reference().u().size() == expected,
                        prefix + "comparison '" + c.name() + "': reference needs " + expected
                                + " m and u values (one per level, then else)");
            }
            for (LevelSpec l : c.levels()) {
                require(l.test() != null, prefix + "a level of comparison '" + c.name() + "' names no test");
                if (l.tf() != null) {
                    requireFields(List.of(l.tf()), names, prefix + "comparison '" + c.name() + "' (tf)");
                }
            }
        }
        require(!p.blocking().isEmpty(), prefix + "the profile has no blocking rules");
        for (BlockingRuleSpec b : p.blocking()) {
            require(!b.parts().isEmpty(), prefix + "blocking rule '" + b.name() + "' has no parts");
            for (KeyPartSpec part : b.parts()) {
                require(!part.allFields().isEmpty() && part.transform() != null,
                        prefix + "a part of blocking rule '" + b.name() + "' needs a field and a transform");
                requireFields(part.allFields(), names, prefix + "blocking rule '" + b.name() + "'");
            }
        }
        List<BlockingRuleSpec> estimateOnly = new java.util.ArrayList<>(p.training());
        if (p.model() != null && p.model().household() != null) {
            estimateOnly.addAll(p.model().household().blocking());
        }
        for (BlockingRuleSpec b : estimateOnly) {
            require(!b.parts().isEmpty(), prefix + "training rule '" + b.name() + "' has no parts");
            for (KeyPartSpec part : b.parts()) {
                require(!part.allFields().isEmpty() && part.transform() != null,
                        prefix + "a part of training rule '" + b.name() + "' needs a field and a transform");
                requireFields(part.allFields(), names, prefix + "training rule '" + b.name() + "'");
            }
        }
        requireFields(p.sortKey(), names, prefix + "sortKey");
        for (ContradictionSpec c : p.contradictions()) {
            requireFields(List.of(c.field()), names, prefix + "contradiction");
            require(c.scope().equals(ContradictionSpec.CHAIN) || c.scope().equals(ContradictionSpec.DIRECT),
                    prefix + "contradiction on " + c.field() + ": scope is 'chain' or 'direct', not '" + c.scope()
                            + "'");
            c.unless().forEach((comparison, levels) -> requireLevels(p, comparison, levels,
                    prefix + "contradiction on " + c.field() + " (unless)"));
        }
        require(p.limits() != null && p.limits().maxBlockSize() >= 2 && p.limits().window() >= 2,
                prefix + "limits need maxBlockSize >= 2 and window >= 2");
        require(p.model() != null && p.model().randomPairs() > 0 && p.model().maxIterations() > 0,
                prefix + "model needs randomPairs and maxIterations > 0");
        Set<String> comparisonNames = new HashSet<>();
        p.comparisons().forEach(c -> comparisonNames.add(c.name()));
        for (String d : p.model().differences()) {
            require(comparisonNames.contains(d), prefix + "model.differences refers to unknown comparison '" + d + "'");
        }
        require(p.model().differences().size() <= 16, prefix + "model.differences counts at most 16 comparisons");
        if (p.model().household() != null) {
            validateHouseholds(p, prefix);
        }
        require(p.threshold() > 0 && p.threshold() < 1, prefix + "threshold must lie between 0 and 1");
        return p;
    }

    private static void validateHouseholds(MatchProfile p, String prefix) {
        HouseholdSpec spec = p.model().household();
        require(spec.classes().size() <= 8, prefix + "model.household has at most 8 classes");
        Set<String> classNames = new HashSet<>();
        for (HouseholdSpec.ClassSpec c : spec.classes()) {
            String what = prefix + "model.household class '" + c.name() + "'";
            require(c.name() != null && !c.name().isBlank() && !c.name().equals("others") && classNames.add(c.name()),
                    prefix + "every model.household class needs a name of its own (not 'others')");
            require(!c.levels().isEmpty(), what + " names no comparison levels");
            c.levels().forEach((comparison, levels) -> requireLevels(p, comparison, levels, what));
            for (String comparison : c.asStrangers()) {
                require(p.comparisons().stream().anyMatch(x -> x.name().equals(comparison)),
                        what + " (asStrangers) refers to unknown comparison '" + comparison + "'");
            }
        }
    }

    private static void requireLevels(MatchProfile p, String comparison, List<String> levels, String what) {
        ComparisonSpec spec = p.comparisons().stream().filter(x -> x.name().equals(comparison)).findFirst()
                .orElse(null);
        require(spec != null, what + " refers to unknown comparison '" + comparison + "'");
        Set<String> labels = new HashSet<>(List.of("missing", "else"));
        spec.levels().forEach(l -> labels.add(l.label() == null ? l.test() : l.label()));
        for (String level : levels) {
            require(labels.contains(level), what + ": comparison '" + comparison + "' has no level '" + level + "'");
        }
    }

    private static void requireFields(List<String> fields, Set<String> known, String what) {
        for (String f : fields) {
            require(known.contains(f), what + " refers to unknown field '" + f + "'");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new UserFacingException(message);
        }
    }
}
