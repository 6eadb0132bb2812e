package io.dataport.benchmarks;

import io.dataport.Condition;
import io.dataport.CrudRepository;
import io.dataport.Database;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The Dataport side of the item workloads: the repository, as an application uses it. */
final class DataportItems {
    static final String INSERT = "INSERT INTO " + BenchTarget.TABLE + " (name, qty) VALUES (?, ?)";
    static final String FIND = "SELECT id, name, qty FROM " + BenchTarget.TABLE + " WHERE id = ?";
    static final String ALL = "SELECT id, name, qty FROM " + BenchTarget.TABLE + " ORDER BY id";
    static final RowMapper<Item> MAPPER = (rs, ctx) -> new Item(rs.getLong(1), rs.getString(2), rs.getInt(3));

    private final CrudRepository<Item, Long> items;

    DataportItems(Database db) {
        this.items = db.repository(Item.class);
    }

    Item insert(Item item) {
        return items.insert(item);
    }

    void insertAll(List<Item> list) {
        items.insertAll(list);
    }

    /** The items that match a condition: the repository's {@code findAll(Condition)}. */
    List<Item> findAll(Condition condition) {
        return items.findAll(condition);
    }

    Optional<Item> findById(long id) {
        return items.findById(id);
    }

    /** Reads up to {@code limit} items in id order through a stream; returns the sum of their quantities. */
    long stream(long limit) {
        try (Stream<Item> all = items.stream()) {
            return all.limit(limit).mapToLong(Item::qty).sum();
        }
    }
}
