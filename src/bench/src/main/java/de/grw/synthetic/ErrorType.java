package de.grw.synthetic;

/**
 * The kinds of error a duplicate record can carry, in the order they are applied.
 *
 * <h2>Rates</h2>
 * A duplicate is "normal" (93%) or "hard" (7%, {@link GeneratorConfig#hardDuplicateShare()}).
 * <ul>
 *   <li>A normal duplicate gets 0 errors with probability 4% (a plain second registration), 1 error 46%, 2 errors 35%,
 *       3 errors 15% (mean 1.61). The errors are drawn without replacement, proportional to {@link #weight} among the
 *       types that apply to the record (no umlaut, no umlaut error), and at most one of them is {@link #major} (a
 *       move, a married name or swapped names), so that most fields still agree. With every type applicable the
 *       weights sum to about 112 (102 for a person without a title); as many types often do not apply (no umlaut, a
 *       single given name), a weight of 10 ends up in roughly 15-20% of the normal duplicates.</li>
 *   <li>A hard duplicate gets two different "major" changes, drawn proportional to {@link #hardWeight} (married name,
 *       move to another town, wrong date digit, given names replaced by a call name or nickname, two typos in the
 *       family name, given and family name swapped), plus one or two normal errors.</li>
 * </ul>
 * The report of every run counts how often each type was applied ({@link GenerationReport#errorCounts()}); for
 * 1,000,000 records (seed 7, ~28,700 duplicates) the shares per 100 duplicates are printed by {@link GeneratorMain}.
 */
enum ErrorType {
    /** Family name changed by marriage (old name becomes the birth name), or an old record from before the marriage. */
    MARRIED_NAME(3, 3, true),
    /** Another address: the previous one if the person moved, else a new street (65% same town) or town. */
    MOVED(10, 3, true),
    /** A confusable spelling of the name: Meyer/Meier, Stefan/Stephan, Mohammed/Muhammad. */
    NAME_VARIANT(3, 0),
    /** Only the first of two given names (Karl Heinz -> Karl, Anna-Lena -> Anna). */
    GIVEN_FIRST_ONLY(8, 0),
    /** Call name or nickname instead of the given names (Karl Heinz -> Heinz, Johannes -> Hannes). Hard only. */
    GIVEN_CALL_NAME(0, 2),
    /** Doctor title added or dropped (weight 10 for titled persons, 0.3 for others). */
    TITLE_CHANGE(10, 0),
    /** One typing error in the family name (two in hard duplicates). */
    FAMILY_TYPO(12, 2),
    /** One typing error in the given names. */
    GIVEN_TYPO(10, 0),
    /** An OCR / handwriting confusion (rn/m, cl/d, ü/ii) in family name (45%), given names (35%) or street (20%). */
    OCR(4, 0),
    /** Day and month swapped, only where both are at most 12 and differ. */
    DATE_SWAP(3, 0),
    /** One wrong digit in day (40%), month (20%) or year (40%), still a valid date. */
    DATE_DIGIT(5, 2),
    /** Straße / Str. / Strasse / str / joined or split street word. */
    STREET_SPELLING(10, 0),
    /** 12a -> 12 a / 12A / 12, 12-14 -> 12 / 12/14. */
    HOUSE_NUMBER_FORMAT(3, 0),
    /** One wrong or two swapped digits in the postal code. */
    PLZ_TYPO(2, 0),
    /** Another spelling of the town (Frankfurt a. M., Halle/Saale). */
    CITY_SPELLING(2, 0),
    /** One wrong or two swapped digits in the tax id (the check digit then fails). */
    STEUER_ID_TYPO(1.5, 0),
    /** One (80%) or two empty cells: birth place, nationality, house number, PLZ, tax id, sex, rarely date or given. */
    MISSING_VALUE(6, 0),
    /** Given and family name swapped. */
    NAME_SWAP(1.2, 1, true),
    /** ü -> ue, ß -> ss in all text fields (60%) or one field. */
    UMLAUT_TRANSLIT(8, 0),
    /** ü -> u (dots lost) in all text fields (50%) or one field. */
    UMLAUT_LOSS(3, 0),
    /** ß -> ss in every field. */
    SHARP_S(4, 0),
    /** Names (and 50% of the time street and town) in upper case. */
    UPPER_CASE(4, 0);

    final double weight;
    final double hardWeight;
    /** A change that alone makes the record hard to recognise; a normal duplicate gets at most one of these. */
    final boolean major;

    ErrorType(double weight, double hardWeight) {
        this(weight, hardWeight, false);
    }

    ErrorType(double weight, double hardWeight, boolean major) {
        this.weight = weight;
        this.hardWeight = hardWeight;
        this.major = major;
    }
}
