package de.grw.workspace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a workspace governs its records: which fields a blocking notice masks, the survivorship rules that propose a
 * golden record's values, and which decision details are mandatory. JSON, shipped per profile in
 * {@code resources/governance/}; a workspace keeps its own copy, which an administrator may change.
 *
 * @param blockingNoticeField the flag field that marks a record under a blocking notice (Auskunftssperre, § 51 BMG)
 * @param maskedFields        fields shown as {@code ***} to users without the right to see blocked records
 * @param survivorship        survivorship rules
 * @param required            mandatory decision details
 */
public record GovernanceConfig(String description, String blockingNoticeField, List<String> maskedFields,
                               SurvivorshipRules survivorship, Required required) {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public GovernanceConfig {
        maskedFields = maskedFields == null ? List.of() : List.copyOf(maskedFields);
    }

    /**
     * @param defaultRules   rule chain for fields without their own
     * @param sourcePriority source names, most trusted first (sources not listed follow in import order)
     * @param recentBy       what "most recent" means: {@code imported_at} or a date field of the records
     * @param groups         fields that always come from one record together (an address), by group name
     * @param fields         rule chains per field or group
     */
    public record SurvivorshipRules(@com.fasterxml.jackson.annotation.JsonProperty("default") List<String> defaultRules,
                                    List<String> sourcePriority, String recentBy, Map<String, List<String>> groups,
                                    Map<String, List<String>> fields) {
        public SurvivorshipRules {
            defaultRules = defaultRules == null ? List.of("most_frequent", "source_priority") : List.copyOf(defaultRules);
            sourcePriority = sourcePriority == null ? List.of() : List.copyOf(sourcePriority);
            recentBy = recentBy == null ? "imported_at" : recentBy;
            groups = groups == null ? Map.of() : Map.copyOf(groups);
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }

    /**
     * @param caseReference       decision kinds that need a case reference (Aktenzeichen)
     * @param comment             decision kinds (and REJECT) that need a comment
     * @param caseReferenceToShow whether displaying records needs a case reference
     */
    public record Required(List<String> caseReference, List<String> comment, boolean caseReferenceToShow) {
        public Required {
            caseReference = caseReference == null ? List.of() : List.copyOf(caseReference);
            comment = comment == null ? List.of() : List.copyOf(comment);
        }
    }

    public static GovernanceConfig builtIn(String profileName) {
        try (InputStream in = GovernanceConfig.class.getResourceAsStream("/governance/" + profileName + ".json")) {
            if (in == null) {
                return defaults();
            }
            return MAPPER.readValue(in, GovernanceConfig.class);
        } catch (IOException e) {
            throw new UserFacingException("governance settings of profile " + profileName + " are invalid: "
                    + e.getMessage(), e);
        }
    }

    public static GovernanceConfig parse(String json) {
        try {
            return MAPPER.readValue(json, GovernanceConfig.class);
        } catch (IOException e) {
            throw new UserFacingException("invalid governance settings: " + e.getMessage(), e);
        }
    }

    public static GovernanceConfig load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read governance settings: " + e.getMessage(), e);
        }
    }

    public String toJson() {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Generic settings: nothing masked but names and addresses, most frequent value wins. */
    public static GovernanceConfig defaults() {
        return new GovernanceConfig("defaults", "blocking_notice", List.of(), new SurvivorshipRules(null, null, null,
                null, null), new Required(List.of("MERGE"), List.of("REJECT"), false));
    }

    /** Whether a decision of this kind (its name, e.g. {@code MERGE}) needs a case reference. */
    public boolean needsCaseReference(String kind) {
        return required.caseReference().contains(kind);
    }

    public boolean needsComment(String kindOrAction) {
        return required.comment().contains(kindOrAction);
    }
}
