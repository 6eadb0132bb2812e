package io.dataport.benchmarks;

import io.dataport.Database;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The Dataport side of the item workloads, written the way an application would. */
final class DataportItems {
    static final String INSERT = "INSERT INTO " + BenchTarget.TABLE + " (name, qty) VALUES (?, ?)";
    static final String FIND = "SELECT id, name, qty FROM " + BenchTarget.TABLE + " WHERE id = ?";
    static final String ALL = "SELECT id, name, qty FROM " + BenchTarget.TABLE + " ORDER BY id";
    static final RowMapper<Item> MAPPER = (rs, ctx) -> new Item(rs.getLong(1), rs.getString(2), rs.getInt(3));

    private final Database db;

    DataportItems(Database db) {
        this.db = db;
    }

    Item insert(Item item) {
        return db.inTransaction(s -> {
            long id = s.handle().createUpdate(INSERT).bind(0, item.name()).bind(1, item.qty())
                    .executeAndReturnGeneratedKeys("id").mapTo(long.class).one();
            return new Item(id, item.name(), item.qty());
        });
    }

    void insertAll(List<Item> items) {
        db.useTransaction(s -> {
            var batch = s.handle().prepareBatch(INSERT);
            for (Item item : items) {
                batch.bind(0, item.name()).bind(1, item.qty()).add();
            }
            batch.execute();
        });
    }

    Optional<Item> findById(long id) {
        return db.inReadOnlyTransaction(s -> s.handle().createQuery(FIND).bind(0, id).map(MAPPER).findOne());
    }

    /** Reads up to {@code limit} items in id order through a stream; returns the sum of their quantities. */
    long stream(long limit) {
        return db.inReadOnlyTransaction(s -> {
            try (Stream<Item> items = s.handle().createQuery(ALL).setFetchSize(1000).map(MAPPER).stream()) {
                return items.limit(limit).mapToLong(Item::qty).sum();
            }
        });
    }
}
