package io.dataport.contract;

import io.dataport.CrudRepository;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code insertAll} with generated ids over several batches: every entity comes back with the id of its own
 * row, in the order given, whatever way the backend draws and returns the ids.
 */
public abstract class BatchInsertContract extends ContractSupport {

    @Table("batch_note")
    public record Note(@Id Long id, String body, int rank) {
    }

    @Test
    void idsMatchTheirRowsAcrossBatches() {
        db.schema().create(Note.class);
        CrudRepository<Note, Long> notes = db.repository(Note.class);
        notes.insert(new Note(null, "before", -1));
        List<Note> fresh = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            fresh.add(new Note(null, "note-" + i, i));
        }
        List<Note> stored = notes.insertAll(fresh);
        assertThat(stored).hasSize(2_500);
        assertThat(stored).extracting(Note::id).doesNotContainNull().doesNotHaveDuplicates().isSorted();
        for (int i = 0; i < stored.size(); i += 97) {
            Note n = stored.get(i);
            assertThat(n.body()).isEqualTo("note-" + i);
            assertThat(notes.findById(n.id())).contains(n);
        }
        assertThat(notes.findById(stored.get(2_499).id())).contains(stored.get(2_499));
        assertThat(notes.count()).isEqualTo(2_501);
    }
}
