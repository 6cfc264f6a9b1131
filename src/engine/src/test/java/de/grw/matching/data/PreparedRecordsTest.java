package de.grw.matching.data;

import static de.grw.matching.TestRecords.PERSON;
import static de.grw.matching.TestRecords.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.SourceRecord;
import de.grw.matching.TestRecords;
import de.grw.normalising.Normalisers;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreparedRecordsTest {

    @Test
    void theBuilderGrowsAndKeepsSourcesAndIds() {
        RecordTable.Builder b = new RecordTable.Builder(2);
        int melde = b.addSource("melde");
        int kfz = b.addSource("kfz");
        assertThat(b.addSource("melde")).isEqualTo(melde);
        for (int i = 0; i < 3000; i++) {
            b.add(i % 3 == 0 ? kfz : melde, "id" + i, new String[] {"v" + (i % 7), null});
        }
        b.add(new SourceRecord("sozial", "x", 1, 2, new String[] {"cell"}, new String[] {"w", "z"}));
        RecordTable t = b.build();
        assertThat(t.size()).isEqualTo(3001);
        assertThat(t.fieldCount()).isEqualTo(2);
        assertThat(t.sourceNames()).containsExactly("melde", "kfz", "sozial");
        assertThat(t.sourceSizes()).containsExactly(2000, 1000, 1);
        assertThat(t.recordId(2999)).isEqualTo("id2999");
        assertThat(t.sourceName(2999)).isEqualTo("melde");
        assertThat(t.sourceName(2997)).isEqualTo("kfz");
        assertThat(t.value(2999, 0)).isEqualTo("v3");
        assertThat(t.value(2999, 1)).isNull();
        assertThat(t.value(3000, 1)).isEqualTo("z");
        assertThat(t.value(7, 0)).isSameAs(t.value(0, 0)).as("equal values are shared");
        assertThatThrownBy(() -> b.add(0, "bad", new String[1])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPreparedFieldEncodesEqualNormalisedValuesOnce() {
        RecordTable.Builder b = new RecordTable.Builder(1);
        for (String v : new String[] {"Müller", "Mueller", "MÜLLER", "Schmidt", null, "  ", "Müller-Schmidt"}) {
            b.add(0, "r", new String[] {v});
        }
        PreparedField f = PreparedField.prepare("family_name", b.build(), 0, Normalisers.get("family_name"));
        assertThat(f.name()).isEqualTo("family_name");
        assertThat(f.recordCount()).isEqualTo(7);
        assertThat(f.distinctCount()).isEqualTo(3);
        assertThat(f.id(0)).isEqualTo(f.id(1)).isEqualTo(f.id(2));
        assertThat(f.id(4)).isEqualTo(-1);
        assertThat(f.id(5)).as("blank normalises to nothing").isEqualTo(-1);
        assertThat(f.value(1)).isEqualTo("mueller");
        assertThat(f.value(4)).isNull();
        assertThat(f.count(f.id(0))).isEqualTo(3);
        assertThat(f.count(f.id(3))).isEqualTo(1);
        assertThat(f.presentCount()).isEqualTo(5);
        int doubleName = f.id(6);
        assertThat(f.valueOfId(doubleName)).isEqualTo("mueller schmidt");
        assertThat(f.compactForms()[doubleName]).isEqualTo("muellerschmidt");
        assertThat(f.tokens()[doubleName]).containsExactly("mueller", "schmidt");
        assertThat(f.phonetic()[doubleName]).isEqualTo("657862");
        assertThat(f.tokenPhonetics()[doubleName]).containsExactly("657", "862");
    }

    @Test
    void preparedRecordsNormaliseEveryFieldWithItsNormaliser() {
        PreparedRecords r = TestRecords.person(row("family_name", "Dr. von Müller", "birth_date", "1950-03-12",
                "postal_code", "1067", "street", "Goethe-Straße"));
        assertThat(r.size()).isEqualTo(1);
        assertThat(r.profile()).isSameAs(PERSON);
        assertThat(r.field("family_name").value(0)).isEqualTo("mueller");
        assertThat(r.field("birth_date").value(0)).isEqualTo("19500312");
        assertThat(r.field("postal_code").value(0)).isEqualTo("01067");
        assertThat(r.field("street").value(0)).isEqualTo("goethestr");
        assertThat(r.field(PERSON.fieldIndex("street")).value(0)).isEqualTo("goethestr");
        assertThat(r.table().value(0, PERSON.fieldIndex("family_name"))).as("original kept")
                .isEqualTo("Dr. von Müller");
        assertThatThrownBy(() -> r.field("vorname")).hasMessage("unknown field 'vorname'");
    }

    @Test
    void progressIsReportedPerField() {
        java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();
        ProgressListener listener = (phase, done, total) -> {
            assertThat(phase).isEqualTo("normalise");
            assertThat(total).isEqualTo(PERSON.fields().size());
            last.accumulateAndGet(done, Math::max);
        };
        PreparedRecords.prepare(TestRecords.table(PERSON, List.of(row())), PERSON, listener, CancellationToken.NONE);
        assertThat(last.get()).isEqualTo(PERSON.fields().size());
    }
}
