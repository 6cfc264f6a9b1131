package de.grw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The shared --records/--seed mixin: each command keeps its own default and its command line. */
class PopulationOptionsTest {
    @Test
    void eachCommandKeepsItsDefaultRecordCountAndTheSeedOfOne() {
        LinkBenchmarkCommand link = new LinkBenchmarkCommand();
        new CommandLine(link).parseArgs();
        assertThat(link.population.records()).isEqualTo(1_000_000);
        assertThat(link.population.seed()).isEqualTo(1);
        LearningBenchmarkCommand learning = new LearningBenchmarkCommand();
        new CommandLine(learning).parseArgs();
        assertThat(learning.population.records()).isEqualTo(20_000);
        assertThat(learning.population.seed()).isEqualTo(1);
    }

    @Test
    void theOptionsAreParsedAsBeforeAndTheHelpShowsEachDefault() {
        LinkBenchmarkCommand link = new LinkBenchmarkCommand();
        CommandLine cl = new CommandLine(link);
        cl.parseArgs("--records", "4000", "--seed", "7", "--callers", "2");
        assertThat(link.population.records()).isEqualTo(4000);
        assertThat(link.population.seed()).isEqualTo(7);
        assertThat(link.callers).isEqualTo(2);
        assertThat(cl.getUsageMessage()).contains("--records=N", "Default: 1000000", "--seed=S");
        assertThat(new CommandLine(new LearningBenchmarkCommand()).getUsageMessage()).contains("Default: 20000");
    }
}
