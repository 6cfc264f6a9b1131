package de.grw.matching.data;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.normalising.Normalisers;
import org.junit.jupiter.api.Test;

/** {@link PreparedField#subsetOf}: a link call's few values share the workspace's computed features. */
class PreparedFieldSubsetTest {
    private static PreparedField workspace() {
        RecordTable.Builder b = new RecordTable.Builder(1);
        int s = b.addSource("melde");
        String[] names = {"karl heinz", "müller", "schmidt", "karl heinz"};
        for (int i = 0; i < names.length; i++) {
            b.add(s, "r" + i, new String[] {names[i]});
        }
        return PreparedField.prepare("given_names", b.build(), 0, Normalisers.get("none"));
    }

    @Test
    void valuesTheWorkspaceCarriesTakeItsFeaturesAndNewOnesAreComputed() {
        PreparedField full = workspace();
        String[] phonetic = full.phonetic();
        String[][] tokens = full.tokens();
        String[][] tokenPhonetics = full.tokenPhonetics();
        String[] compact = full.compactForms();
        int schmidt = full.idOf("schmidt");
        int karl = full.idOf("karl heinz");
        // incoming "karl heinz" (id 0, the workspace's), then a candidate of "schmidt", then a value the workspace lacks
        PreparedField sub = PreparedField.subsetOf(full, new int[] {0, 1, 2, -1}, new String[] {"karl heinz",
            "schmidt", "meier"}, new int[] {3, 1, 1}, new int[] {karl, schmidt, -1}, 4);
        assertThat(sub.tokens()[0]).isSameAs(tokens[karl]);
        assertThat(sub.tokenPhonetics()[0]).isSameAs(tokenPhonetics[karl]);
        assertThat(sub.phonetic()[1]).isSameAs(phonetic[schmidt]);
        assertThat(sub.compactForms()[0]).isSameAs(compact[karl]);
        // as a field of the same values on its own computes them
        PreparedField alone = PreparedField.ofNormalised("given_names", new String[] {"karl heinz", "schmidt",
            "meier"}, new int[] {3, 1, 1}, 4);
        assertThat(sub.phonetic()).containsExactly(alone.phonetic());
        assertThat(sub.compactForms()).containsExactly(alone.compactForms());
        assertThat(sub.tokens()).isDeepEqualTo(alone.tokens());
        assertThat(sub.tokenPhonetics()).isDeepEqualTo(alone.tokenPhonetics());
        assertThat(sub.id(3)).isEqualTo(-1);
        assertThat(sub.count(0)).isEqualTo(3);
        assertThat(sub.presentCount()).isEqualTo(4);
    }
}
