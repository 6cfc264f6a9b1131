package de.grw.synthetic;

import java.util.SplittableRandom;

/** Family names of the synthetic population: sampled by origin, and their feminine and base forms. */
final class FamilyNames {
    private FamilyNames() {
    }

    static String sample(Lexicon lex, Origin origin, SplittableRandom r) {
        switch (origin) {
            case DE: {
                double u = r.nextDouble();
                return u < 0.30 ? lex.familyDeHead.sample(r) : u < 0.975 ? lex.familyDeTail.sample(r)
                        : u < 0.99 ? lex.familyDeParticle.sample(r) : lex.familyDeDouble.sample(r);
            }
            case RU:
                return r.nextDouble() < 0.45 ? lex.familyRussianGerman.sample(r) : lex.familyNames(origin).sample(r);
            default:
                return lex.familyNames(origin).sample(r);
        }
    }

    static String feminine(String name, Origin origin) {
        switch (origin) {
            case PL:
                if (name.endsWith("ski") || name.endsWith("cki") || name.endsWith("dzki")) {
                    return name.substring(0, name.length() - 1) + "a";
                }
                return name;
            case RU:
                if (name.endsWith("ow") || name.endsWith("ew") || name.endsWith("in") || name.endsWith("jow")) {
                    return name + "a";
                }
                return name;
            case GR:
                if (name.endsWith("os")) {
                    return name.substring(0, name.length() - 2) + "ou";
                }
                if (name.endsWith("is") || name.endsWith("as")) {
                    return name.substring(0, name.length() - 1);
                }
                return name;
            default:
                return name;
        }
    }

    /** Undoes {@link #feminine} so that children and husbands get the base form. */
    static String baseForm(String name) {
        if (name.endsWith("ska") || name.endsWith("cka") || name.endsWith("dzka")) {
            return name.substring(0, name.length() - 1) + "i";
        }
        if (name.endsWith("owa") || name.endsWith("ewa") || name.endsWith("ina") && !name.endsWith("Marina")) {
            return name.substring(0, name.length() - 1);
        }
        if (name.endsWith("opoulou")) {
            return name.substring(0, name.length() - 2) + "os";
        }
        return name;
    }
}
