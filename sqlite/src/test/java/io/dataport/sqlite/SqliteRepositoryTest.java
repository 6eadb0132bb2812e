package io.dataport.sqlite;

import io.dataport.ConstraintViolationException;
import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.RepositoryContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteRepositoryTest extends RepositoryContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }

    /** SQLite stores the NULL key that PostgreSQL refuses itself: Dataport's refusal names the column and the fix. */
    @Test
    void nullGeneratedIdRefusalNamesTheColumnAndTheRemedy() {
        db.useTransaction(s -> s.execute("create table by_hand (id bigint primary key, name text)"));
        assertThatThrownBy(() -> db.repository(ByHand.class).insert(new ByHand(null, "a")))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("table by_hand")
                .hasMessageContaining("column 'id'").hasMessageContaining("INTEGER PRIMARY KEY")
                .hasMessageContaining("db.schema().create");
    }
}
