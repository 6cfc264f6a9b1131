package de.grw.synthetic;

/**
 * Naming tradition of a household. The shares are those of household heads in the synthetic population; they are
 * rough and only meant to produce a realistic mix of names, not demographic statistics.
 */
enum Origin {
    DE(0.785, new String[] {"deutsch"}),
    TR(0.05, new String[] {"türkisch"}),
    PL(0.035, new String[] {"polnisch"}),
    RU(0.04, new String[] {"russisch", "russisch", "kasachisch", "ukrainisch"}),
    IT(0.025, new String[] {"italienisch"}),
    GR(0.015, new String[] {"griechisch"}),
    AR(0.03, new String[] {"syrisch", "syrisch", "syrisch", "irakisch", "irakisch", "libanesisch"}),
    BK(0.02, new String[] {"kroatisch", "kroatisch", "bosnisch-herzegowinisch", "serbisch"});

    final double share;
    private final String[] nationalities;

    Origin(double share, String[] nationalities) {
        this.share = share;
        this.nationalities = nationalities;
    }

    String nationality(int pick) {
        return nationalities[Math.floorMod(pick, nationalities.length)];
    }
}
