package io.dataport.examples;

import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.DuplicateKeyException;
import io.dataport.test.DataportTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DataportTest(entities = User.class)             // or migrations = "db/migration"
class UserRepositoryTest {
    private final CrudRepository<User, Long> users;

    UserRepositoryTest(Database db) {             // the run's database, made for this class on this backend
        users = db.repository(User.class);
    }

    @Test
    void emailsAreUnique() {
        users.insert(new User(null, "Ada", "ada@example.com", null, null));
        assertThatThrownBy(() -> users.insert(new User(null, "Ada", "ada@example.com", null, null)))
                .isInstanceOf(DuplicateKeyException.class);   // the same exception on every backend
    }

    @Test
    void findsWhatItInserted(Database db) {      // parameters work in tests and @BeforeEach too
        long id = users.insert(new User(null, "Grace", "grace@example.com", null, null)).id();
        assertThat(users.findById(id)).isPresent();
    }
}
