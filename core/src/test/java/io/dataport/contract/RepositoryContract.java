package io.dataport.contract;

import io.dataport.ConstraintViolationException;
import io.dataport.InvalidQueryException;
import io.dataport.CrudRepository;
import io.dataport.DataportException;
import io.dataport.ConnectionException;
import io.dataport.Database;
import io.dataport.DuplicateKeyException;
import io.dataport.EntityNotFoundException;
import io.dataport.MappingException;
import io.dataport.OptimisticLockException;
import io.dataport.Page;
import io.dataport.PageRequest;
import io.dataport.ReadOnlyException;
import io.dataport.Sort;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import io.dataport.mapping.Version;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Every {@link CrudRepository} operation, the same on every backend. */
public abstract class RepositoryContract extends ContractSupport {

    /** The entity of the example. */
    @Table("users")
    public record User(@Id Long id, String name, @Column(unique = true) String email, boolean active, Instant joined) {
        User withName(String newName) {
            return new User(id, newName, email, active, joined);
        }
    }

    /** An entity with optimistic locking. */
    public record Account(@Id Long id, String owner, long balance, @Version long version) {
    }

    /** An entity whose id the application assigns. */
    public record Tag(@Id UUID id, String label) {
    }

    /** A mutable class entity with a String id. */
    public static class Note {
        @Id
        String code;
        String text;
        @Version
        long version;

        Note() {
        }

        Note(String code, String text) {
            this.code = code;
            this.text = text;
        }
    }

    /** A SqlObject using entity mapping. */
    public interface UserQueries {
        @SqlQuery("select * from users where email = :email")
        Optional<User> byEmail(String email);

        @SqlQuery("select * from users order by id")
        List<User> all();
    }

    private static final Instant JOINED = Instant.parse("2024-03-01T10:15:30.123456Z");

    protected CrudRepository<User, Long> users;

    @BeforeEach
    void schema() {
        db.schema().create(User.class, Account.class, Tag.class, Note.class);
        users = db.repository(User.class);
    }

    private static User user(String name) {
        return new User(null, name, name.toLowerCase() + "@example.com", true, JOINED);
    }

    @Test
    void insertFillsInTheGeneratedIdAndFindByIdReadsTheRowBack() {
        User ada = users.insert(user("Ada"));
        User bob = users.insert(user("Bob"));
        assertThat(ada.id()).isNotNull();
        assertThat(bob.id()).isNotNull().isNotEqualTo(ada.id());
        assertThat(users.findById(ada.id())).contains(ada);
        assertThat(users.findById(-1L)).isEmpty();
    }

    @Test
    void insertKeepsAnIdTheApplicationGives() {
        User fixed = new User(42L, "Fix", "fix@example.com", false, JOINED);
        assertThat(users.insert(fixed)).isEqualTo(fixed);
        assertThat(users.findById(42L)).contains(fixed);
    }

    /** An entity whose Long id is generated, on a table made by hand with a key the database does not generate. */
    @Table("by_hand")
    public record ByHand(@Id Long id, String name) {
    }

    @Test
    void nullGeneratedIdIsRefusedOnATableWhoseKeyTheDatabaseDoesNotGenerate() {
        db.useTransaction(s -> s.execute("create table by_hand (id bigint primary key, name text)"));
        CrudRepository<ByHand, Long> repo = db.repository(ByHand.class);
        assertThatThrownBy(() -> repo.insert(new ByHand(null, "a")))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("by_hand");
        assertThatThrownBy(() -> repo.insertAll(List.of(new ByHand(null, "b"), new ByHand(null, "c"))))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("by_hand");
        assertThatThrownBy(() -> db.useTransaction(s -> s.repository(ByHand.class).insert(new ByHand(null, "d"))))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("by_hand");
        assertThat(count("by_hand")).isZero();
        assertThat(repo.insert(new ByHand(3L, "given"))).isEqualTo(new ByHand(3L, "given"));
        assertThat(repo.findAll()).containsExactly(new ByHand(3L, "given"));
    }

    @Test
    void givenAndGeneratedIdsMixInOneTable() {
        users.insert(new User(5L, "Five", "five@example.com", true, JOINED));
        assertThat(users.insert(user("Next")).id()).isGreaterThan(5L);
        users.insertAll(List.of(new User(20L, "Twenty", "twenty@example.com", true, JOINED),
                new User(30L, "Thirty", "thirty@example.com", true, JOINED)));
        assertThat(users.insertAll(List.of(user("A"), user("B")))).allSatisfy(u -> assertThat(u.id()).isGreaterThan(30L));
        users.insertAll(List.of(new User(40L, "Forty", "forty@example.com", true, JOINED), user("Mixed")));
        users.upsert(new User(50L, "Fifty", "fifty@example.com", true, JOINED));
        db.useTransaction(s -> s.repository(User.class).insert(new User(60L, "Sixty", "sixty@example.com", true, JOINED)));
        assertThat(users.insert(user("Last")).id()).isGreaterThan(60L);
        users.insert(new User(2L, "Two", "two@example.com", true, JOINED));
        assertThat(users.insert(user("After")).id()).isGreaterThan(61L);
        assertThat(users.count()).isEqualTo(13);
    }

    @Test
    void insertAllInsertsInOneBatchAndReturnsIdsInOrder() {
        List<User> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            batch.add(user("U" + i));
        }
        List<User> inserted = users.insertAll(batch);
        assertThat(inserted).hasSize(250);
        for (int i = 0; i < 250; i++) {
            assertThat(inserted.get(i).name()).isEqualTo("U" + i);
            assertThat(users.findById(inserted.get(i).id())).contains(inserted.get(i));
        }
        assertThat(inserted.stream().map(User::id).distinct().count()).isEqualTo(250);
        assertThat(users.count()).isEqualTo(250);
        assertThat(users.insertAll(List.of())).isEmpty();
    }

    @Test
    void insertAllWithAssignedIdsAndMixedIds() {
        List<Tag> tags = List.of(new Tag(UUID.randomUUID(), "a"), new Tag(UUID.randomUUID(), "b"));
        CrudRepository<Tag, UUID> repo = db.repository(Tag.class);
        assertThat(repo.insertAll(tags)).isEqualTo(tags);
        assertThat(repo.findAllById(List.of(tags.get(1).id(), tags.get(0).id()))).containsExactly(tags.get(1), tags.get(0));

        List<User> mixed = users.insertAll(List.of(new User(1000L, "Given", "given@example.com", true, JOINED),
                user("Generated")));
        assertThat(mixed.get(0).id()).isEqualTo(1000L);
        assertThat(mixed.get(1).id()).isNotNull();
        assertThat(users.findAll()).containsExactlyInAnyOrderElementsOf(mixed);
    }

    @Test
    void insertAllIsAllOrNothing() {
        users.insert(user("Ada"));
        assertThatThrownBy(() -> users.insertAll(List.of(user("Bob"), user("Ada"))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void insertOfAssignedIdTypeWithNullIdIsRejected() {
        assertThatThrownBy(() -> db.repository(Tag.class).insert(new Tag(null, "x")))
                .isInstanceOf(MappingException.class).hasMessageContaining("Tag").hasMessageContaining("'id'");
    }

    @Test
    void updateChangesTheRowAndAMissingRowFailsWithEntityNotFound() {
        User ada = users.insert(user("Ada"));
        User renamed = users.update(ada.withName("Ada L."));
        assertThat(renamed.name()).isEqualTo("Ada L.");
        assertThat(users.findById(ada.id())).contains(renamed);
        assertThatThrownBy(() -> users.update(new User(999L, "Nobody", "n@example.com", true, JOINED)))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining("users");
        assertThatThrownBy(() -> users.update(user("New"))).isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void staleVersionFailsWithOptimisticLockOnUpdateAndDelete() {
        CrudRepository<Account, Long> accounts = db.repository(Account.class);
        Account a = accounts.insert(new Account(null, "ada", 100, 0));
        assertThat(a.version()).isZero();
        Account a1 = accounts.update(new Account(a.id(), "ada", 90, a.version()));
        assertThat(a1.version()).isEqualTo(1);
        assertThat(accounts.findById(a.id())).contains(a1);
        assertThatThrownBy(() -> accounts.update(new Account(a.id(), "ada", 80, 0)))
                .isInstanceOf(OptimisticLockException.class).hasMessageContaining("Account");
        assertThatThrownBy(() -> accounts.delete(a)).isInstanceOf(OptimisticLockException.class);
        assertThat(accounts.findById(a.id()).orElseThrow().balance()).isEqualTo(90);
        assertThat(accounts.delete(a1)).isTrue();
        assertThat(accounts.delete(a1)).isFalse();
        assertThatThrownBy(() -> accounts.update(a1)).isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void classEntitiesAreFilledInPlaceAndVersioned() {
        CrudRepository<Note, String> notes = db.repository(Note.class);
        Note n = notes.insert(new Note("n1", "first"));
        n.text = "second";
        Note updated = notes.update(n);
        assertThat(updated.version).isEqualTo(1);
        Note read = notes.findById("n1").orElseThrow();
        assertThat(read.text).isEqualTo("second");
        assertThat(read.version).isEqualTo(1);
    }

    @Test
    void saveInsertsWhenTheIdIsNullElseUpdates() {
        User ada = users.save(user("Ada"));
        assertThat(ada.id()).isNotNull();
        User renamed = users.save(ada.withName("Countess"));
        assertThat(renamed.id()).isEqualTo(ada.id());
        assertThat(users.count()).isEqualTo(1);
        assertThat(users.findById(ada.id()).orElseThrow().name()).isEqualTo("Countess");
    }

    @Test
    void upsertInsertsThenUpdatesOnIdConflict() {
        User fixed = new User(7L, "Seven", "seven@example.com", true, JOINED);
        users.upsert(fixed);
        assertThat(users.findById(7L)).contains(fixed);
        users.upsert(fixed.withName("Sieben"));
        assertThat(users.findById(7L).orElseThrow().name()).isEqualTo("Sieben");
        assertThat(users.count()).isEqualTo(1);
        User generated = users.upsert(user("Gen"));
        assertThat(generated.id()).isNotNull();

        CrudRepository<Account, Long> accounts = db.repository(Account.class);
        Account a = accounts.upsert(new Account(5L, "ada", 10, 0));
        assertThat(a.version()).isZero();
        Account b = accounts.upsert(new Account(5L, "ada", 20, 0));
        assertThat(b.version()).isEqualTo(1);
        assertThat(accounts.findById(5L)).contains(b);
    }

    @Test
    void upsertOfAStaleVersionFailsWithOptimisticLockAndKeepsTheNewerRow() {
        CrudRepository<Account, Long> accounts = db.repository(Account.class);
        Account a = accounts.upsert(new Account(8L, "ada", 10, 0));
        Account newer = accounts.update(new Account(8L, "ada", 20, a.version()));
        assertThat(newer.version()).isEqualTo(1);
        assertThatThrownBy(() -> accounts.upsert(new Account(8L, "ada", 99, 0)))
                .isInstanceOf(OptimisticLockException.class).hasMessageContaining("Account").hasMessageContaining("upsert");
        assertThat(accounts.findById(8L)).contains(newer);
        Account current = accounts.upsert(new Account(8L, "ada", 30, 1));
        assertThat(current.version()).isEqualTo(2);
        assertThat(accounts.findById(8L)).contains(current);
    }

    /** Values the database keeps less precisely than Java: nanoseconds, an offset. */
    @Table("precise")
    public record Precise(@Id Long id, Instant at, java.time.OffsetDateTime seen, java.time.LocalDateTime local,
                          java.time.LocalTime time, java.math.BigDecimal amount, @Version long version) {
    }

    @Test
    void writesReturnTheEntityAsStoredSoThatItEqualsWhatAReadGives() {
        db.schema().create(Precise.class);
        CrudRepository<Precise, Long> repo = db.repository(Precise.class);
        Instant nanos = Instant.parse("2024-03-01T10:15:30.123456789Z");
        java.time.OffsetDateTime seen = java.time.OffsetDateTime.parse("2024-03-01T12:15:30.987654321+02:00");
        Precise p = new Precise(null, nanos, seen, java.time.LocalDateTime.parse("2024-03-01T10:15:30.000000999"),
                java.time.LocalTime.parse("10:15:30.5000009"), new java.math.BigDecimal("1E+3"), 0);
        Precise inserted = repo.insert(p);
        assertThat(inserted).isEqualTo(repo.findById(inserted.id()).orElseThrow());
        assertThat(inserted.at()).isEqualTo(nanos.truncatedTo(ChronoUnit.MICROS));
        Precise updated = repo.update(new Precise(inserted.id(), nanos.plusNanos(1), seen, p.local(), p.time(),
                p.amount(), inserted.version()));
        assertThat(updated).isEqualTo(repo.findById(inserted.id()).orElseThrow());
        Precise upserted = repo.upsert(new Precise(77L, nanos, seen, p.local(), p.time(), p.amount(), 0));
        assertThat(upserted).isEqualTo(repo.findById(77L).orElseThrow());
        List<Precise> all = repo.insertAll(List.of(new Precise(null, nanos, seen, p.local(), p.time(), p.amount(), 0)));
        assertThat(all.get(0)).isEqualTo(repo.findById(all.get(0).id()).orElseThrow());
    }

    /** Two entities whose tables differ only in case: one table on SQLite, two on PostgreSQL, so refused on both. */
    @Table("case_item")
    public record LowerItem(@Id Long id, String name) {
    }

    /** See {@link LowerItem}. */
    @Table("Case_Item")
    public record MixedItem(@Id Long id, String name) {
    }

    /** The same table as {@link LowerItem}, spelled the same: allowed. */
    @Table("case_item")
    public record SameItem(@Id Long id, String name) {
    }

    @Test
    void entitiesWhoseTableNamesDifferOnlyInCaseAreRefused() {
        db.schema().create(LowerItem.class);
        db.repository(LowerItem.class);
        assertThat(db.repository(SameItem.class).count()).isZero();
        assertThatThrownBy(() -> db.repository(MixedItem.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(LowerItem.class.getName()).hasMessageContaining(MixedItem.class.getName())
                .hasMessageContaining("Case_Item");
        assertThatThrownBy(() -> db.schema().create(MixedItem.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(MixedItem.class.getName());
    }

    @Test
    void findAllByIdKeepsTheOrderOfTheIdsAndLeavesOutMissingOnes() {
        List<User> inserted = users.insertAll(List.of(user("A"), user("B"), user("C")));
        List<Long> ids = List.of(inserted.get(2).id(), -5L, inserted.get(0).id());
        assertThat(users.findAllById(ids)).containsExactly(inserted.get(2), inserted.get(0));
        assertThat(users.findAllById(List.of())).isEmpty();
        List<Long> many = new ArrayList<>();
        for (long i = 0; i < 1200; i++) {
            many.add(i + 100_000);
        }
        many.add(inserted.get(1).id());
        assertThat(users.findAllById(many)).containsExactly(inserted.get(1));
    }

    @Test
    void findAllReturnsEveryEntityOrderedById() {
        List<User> inserted = users.insertAll(List.of(user("C"), user("A"), user("B")));
        assertThat(users.findAll()).containsExactlyElementsOf(inserted);
    }

    @Test
    void findAllPagesInTheSortOrderMadeTotalByTheId() {
        List<User> inserted = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            inserted.add(users.insert(new User(null, i % 2 == 0 ? "same" : "other", "u" + i + "@x.org", true, JOINED)));
        }
        Page<User> first = users.findAll(PageRequest.of(0, 10, Sort.by("name")));
        assertThat(first.totalElements()).isEqualTo(25);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        List<User> all = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            all.addAll(users.findAll(PageRequest.of(p, 10, Sort.by("name"))).content());
        }
        List<User> expected = inserted.stream()
                .sorted((a, b) -> a.name().equals(b.name()) ? Long.compare(a.id(), b.id()) : a.name().compareTo(b.name()))
                .collect(Collectors.toList());
        assertThat(all).containsExactlyElementsOf(expected);
        Page<User> last = users.findAll(PageRequest.of(2, 10, Sort.by("name")));
        assertThat(last.content()).hasSize(5);
        assertThat(last.hasNext()).isFalse();
        assertThat(users.findAll(PageRequest.of(9, 10)).content()).isEmpty();

        List<User> descending = users.findAll(PageRequest.of(0, 25, Sort.parse("-name,-id"))).content();
        assertThat(descending.get(0).name()).isEqualTo("same");
        assertThat(descending.get(0).id()).isEqualTo(inserted.get(24).id());
        assertThat(users.findAll(PageRequest.of(0, 3)).content()).containsExactlyElementsOf(inserted.subList(0, 3));
    }

    @Test
    void unknownSortPropertyIsRejectedBeforeAnySqlRuns() {
        users.insert(user("Ada"));
        assertThatThrownBy(() -> users.findAll(PageRequest.of(0, 10, Sort.by("name; drop table users"))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("'name; drop table users'")
                .hasMessageContaining("id, name, email, active, joined");
        assertThatThrownBy(() -> users.findAll(PageRequest.of(0, 10, Sort.by("email_address"))))
                .isInstanceOf(InvalidQueryException.class);
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void streamReadsEveryRowInChunksAndReleasesItsConnectionOnClose() {
        List<User> batch = new ArrayList<>();
        for (int i = 0; i < 3_500; i++) {
            batch.add(user("S" + i));
        }
        users.insertAll(batch);
        try (Stream<User> stream = users.stream()) {
            Iterator<User> it = stream.iterator();
            long previous = Long.MIN_VALUE;
            int n = 0;
            while (it.hasNext()) {
                User u = it.next();
                assertThat(u.id()).isGreaterThan(previous);
                previous = u.id();
                n++;
            }
            assertThat(n).isEqualTo(3_500);
        }
        try (Stream<User> stream = users.stream()) {
            assertThat(stream.limit(10).count()).isEqualTo(10);
        }
        // The stream's connection and transaction are gone: writes and reads still work.
        users.insert(user("After"));
        assertThat(users.count()).isEqualTo(3_501);
    }

    @Test
    void aStreamOpenWhileItsDatabaseClosesFailsWithTheClosedError() {
        Database other = target().open();
        other.schema().create(User.class);
        CrudRepository<User, Long> mine = other.repository(User.class);
        List<User> batch = new ArrayList<>();
        // More rows than two of the stream's chunks (5,000 each): the rest must be read after the close.
        for (int i = 0; i < 12_000; i++) {
            batch.add(user("C" + i));
        }
        mine.insertAll(batch);
        Stream<User> stream = mine.stream();
        Iterator<User> it = stream.iterator();
        it.next();
        other.close();
        Throwable failure = catchThrowable(() -> {
            while (it.hasNext()) {
                it.next();
            }
        });
        assertThat(failure).isInstanceOf(ConnectionException.class).hasMessageContaining("Database is closed");
        stream.close();
    }

    @Test
    void aJdbiIteratorFailingInsideATransactionIsADataportException() {
        users.insertAll(List.of(user("A"), user("B"), user("C")));
        Throwable inside = catchThrowable(() -> db.useTransaction(s -> {
            try (Stream<String> names = s.handle().createQuery("select name from users order by id")
                    .map((rs, ctx) -> {
                        if (rs.getString(1).equals("B")) {
                            // A driver failure in the middle of the rows, as a killed backend gives.
                            rs.getString(99);
                        }
                        return rs.getString(1);
                    }).stream()) {
                names.forEach(n -> { });
            }
        }));
        assertThat(inside).isInstanceOf(DataportException.class);
    }

    @Test
    void streamInsideATransactionUsesItsSession() {
        users.insertAll(List.of(user("A"), user("B")));
        long n = db.inTransaction(s -> {
            users.insert(user("C"));
            try (Stream<User> stream = users.stream()) {
                return stream.count();
            }
        });
        assertThat(n).isEqualTo(3);
    }

    private List<User> insertUsers(String prefix, int n) {
        List<User> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(user(prefix + i));
        }
        return users.insertAll(batch);
    }

    /** Streams the users in one transaction, running {@code afterFirst} on the first; gives the names read. */
    private List<String> streamInATransaction(Consumer<User> afterFirst) {
        return db.inTransaction(s -> {
            List<String> names = new ArrayList<>();
            try (Stream<User> stream = users.stream()) {
                stream.forEach(u -> {
                    if (names.isEmpty()) {
                        afterFirst.accept(u);
                    }
                    names.add(u.name());
                });
            }
            return names;
        });
    }

    @Test
    void streamThatCopiesEachRowIntoTheSameTableEnds() {
        insertUsers("C", 2_500);
        // Bounded so that a stream that meets its own copies fails instead of running forever.
        long read = db.inTransaction(s -> {
            try (Stream<User> stream = users.stream()) {
                return stream.limit(10_000).peek(u -> users.insert(new User(null, u.name() + "'", "copy-"
                        + u.email(), u.active(), u.joined()))).count();
            }
        });
        assertThat(read).isEqualTo(2_500);
        assertThat(users.count()).isEqualTo(5_000);
    }

    @Test
    void streamDoesNotReadARowItsTransactionDeletedBeforeReachingIt() {
        List<User> inserted = insertUsers("D", 7_500);
        List<String> read = streamInATransaction(first -> {
            users.deleteById(inserted.get(1).id());      // the next row, in the chunk already read
            users.deleteById(inserted.get(6_000).id());  // a row of a later chunk (chunks of 5,000)
        });
        assertThat(read).hasSize(7_498).doesNotContain("D1", "D6000").startsWith("D0", "D2");
    }

    @Test
    void streamReadsARowItsTransactionUpdatedBeforeReachingItWithTheNewValues() {
        List<User> inserted = insertUsers("U", 7_500);
        List<String> read = streamInATransaction(first -> {
            users.update(inserted.get(1).withName("changed-1"));
            users.update(inserted.get(6_000).withName("changed-6000"));   // a later chunk (chunks of 5,000)
            users.update(first.withName("changed-0"));        // already read: the stream has its value
        });
        assertThat(read).hasSize(7_500).startsWith("U0", "changed-1", "U2").contains("changed-6000")
                .doesNotContain("U1", "U6000", "changed-0");
    }

    @Test
    void streamOutsideATransactionReadsOneSnapshotWhateverOthersCommit() {
        List<User> inserted = insertUsers("O", 12_500);
        List<String> read = new ArrayList<>();
        try (Stream<User> stream = users.stream()) {
            stream.forEach(u -> {
                if (read.isEmpty()) {
                    // Rows of later chunks (chunks of 5,000), changed in transactions of their own.
                    users.update(inserted.get(12_400).withName("committed meanwhile"));
                    users.deleteById(inserted.get(12_300).id());
                }
                read.add(u.name());
            });
        }
        assertThat(read).hasSize(12_500).contains("O12400", "O12300").doesNotContain("committed meanwhile");
        assertThat(users.findById(inserted.get(12_400).id())).map(User::name).contains("committed meanwhile");
    }

    @Test
    void countExistsAndDeletes() {
        List<User> inserted = users.insertAll(List.of(user("A"), user("B"), user("C")));
        assertThat(users.count()).isEqualTo(3);
        assertThat(users.existsById(inserted.get(0).id())).isTrue();
        assertThat(users.deleteById(inserted.get(0).id())).isTrue();
        assertThat(users.deleteById(inserted.get(0).id())).isFalse();
        assertThat(users.existsById(inserted.get(0).id())).isFalse();
        assertThat(users.delete(inserted.get(1))).isTrue();
        assertThat(users.delete(inserted.get(1))).isFalse();
        assertThat(users.count()).isEqualTo(1);
        assertThat(users.deleteAll()).isEqualTo(1);
        assertThat(users.count()).isZero();
    }

    @Test
    void duplicateUniqueValueRaisesDuplicateKey() {
        users.insert(user("Ada"));
        assertThatThrownBy(() -> users.insert(user("Ada"))).isInstanceOf(DuplicateKeyException.class);
        User bob = users.insert(user("Bob"));
        assertThatThrownBy(() -> users.update(new User(bob.id(), "Bob", "ada@example.com", true, JOINED)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> users.insert(new User(bob.id(), "Dup", "dup@example.com", true, JOINED)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(users.count()).isEqualTo(2);
    }

    @Test
    void repositoryFromDatabaseJoinsTheTransactionOpenOnTheThread() {
        assertThatThrownBy(() -> db.useTransaction(s -> {
            users.insert(user("Ada"));
            assertThat(users.count()).isEqualTo(1);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(users.count()).isZero();
    }

    @Test
    void repositoryFromSessionWorksInThatSession() {
        User ada = users.insert(user("Ada"));
        db.useTransaction(s -> {
            CrudRepository<User, Long> r = s.repository(User.class);
            r.update(ada.withName("Ada L."));
            r.insert(user("Bob"));
            r.deleteById(ada.id());
        });
        assertThat(users.findAll()).extracting(User::name).containsExactly("Bob");
        assertThatThrownBy(() -> db.useTransaction(s -> {
            s.repository(User.class).insert(user("Cy"));
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void oneRepositoryServesManyThreads() throws Exception {
        int threads = 4;
        int each = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        User u = users.insert(user("T" + thread + "x" + i));
                        assertThat(users.findById(u.id())).contains(u);
                        ids.add(u.id());
                    }
                    return ids;
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (var f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(threads * each).doesNotHaveDuplicates();
            assertThat(users.count()).isEqualTo(threads * each);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readOnlyDatabaseReadsButRefusesRepositoryWrites() {
        String url = target().freshUrl();
        try (Database writer = Database.open(url)) {
            writer.schema().create(User.class);
            writer.repository(User.class).insert(user("Ada"));
        }
        try (Database readOnly = Database.builder(url).readOnly(true).open()) {
            CrudRepository<User, Long> r = readOnly.repository(User.class);
            assertThat(r.findAll()).extracting(User::name).containsExactly("Ada");
            try (Stream<User> stream = r.stream()) {
                assertThat(stream.count()).isEqualTo(1);
            }
            assertThatThrownBy(() -> r.insert(user("Bob"))).isInstanceOf(ReadOnlyException.class);
            assertThat(r.count()).isEqualTo(1);
        }
    }

    @Test
    void wrongIdTypeIsRejected() {
        CrudRepository<User, Object> raw = db.repository(User.class);
        assertThatThrownBy(() -> raw.findById(1)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Long");
    }

    @Test
    void entitiesMapInSqlObjectQueries() {
        User ada = users.insert(user("Ada"));
        User bob = users.insert(user("Bob"));
        Optional<User> found = db.inTransaction(s -> s.attach(UserQueries.class).byEmail("bob@example.com"));
        assertThat(found).contains(bob);
        List<User> all = db.inTransaction(s -> s.attach(UserQueries.class).all());
        assertThat(all).containsExactly(ada, bob);
        User one = db.inTransaction(s -> s.handle().createQuery("select * from users where id = :id")
                .bind("id", ada.id()).mapTo(User.class).one());
        assertThat(one).isEqualTo(ada);
    }

    @Test
    void instantsKeepMicroseconds() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        User u = users.insert(new User(null, "T", "t@x.org", false, now));
        assertThat(users.findById(u.id()).orElseThrow().joined()).isEqualTo(now);
    }
}
