package io.dataport.transfer.internal;

import io.dataport.transfer.TransferReport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The target's record of a transfer in progress, {@code dataport_transfer_state}: one row per table loaded and
 * verified, written in that table's transaction. While it exists the transfer is incomplete; the final step
 * drops it in the transaction that adds the foreign keys. A rerun skips the tables it lists.
 */
final class StateTable {
    private final Names names;

    StateTable(Names names) {
        this.names = names;
    }

    private String table() {
        return names.qualifiedTarget(SchemaReader.STATE_TABLE);
    }

    /** A finished table, as recorded. */
    record Entry(TransferReport.Table table, boolean created) {
    }

    /** The recorded tables by target name, or an empty map when no transfer is in progress. */
    Map<String, Entry> read(Connection c, boolean exists) throws SQLException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (!exists) {
            return entries;
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT source_table, target_table, source_rows, copied_rows, rejected_rows,"
                     + " target_rows, source_checksum, target_checksum, created_table FROM " + table())) {
            while (rs.next()) {
                TransferReport.Table t = new TransferReport.Table(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getString(8), true,
                        Duration.ZERO);
                entries.put(t.target(), new Entry(t, rs.getInt(9) == 1));
            }
        }
        return entries;
    }

    void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table() + " (source_table varchar(255) NOT NULL, target_table "
                    + "varchar(255) PRIMARY KEY, source_rows bigint NOT NULL, copied_rows bigint NOT NULL, rejected_rows "
                    + "bigint NOT NULL, target_rows bigint NOT NULL, source_checksum varchar(32) NOT NULL, "
                    + "target_checksum varchar(32) NOT NULL, created_table integer NOT NULL)");
        }
    }

    void record(Connection c, TransferReport.Table t, boolean created) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table() + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, t.source());
            ps.setString(2, t.target());
            ps.setLong(3, t.sourceRows());
            ps.setLong(4, t.copiedRows());
            ps.setLong(5, t.rejectedRows());
            ps.setLong(6, t.targetRows());
            ps.setString(7, t.sourceChecksum());
            ps.setString(8, t.targetChecksum());
            ps.setInt(9, created ? 1 : 0);
            ps.executeUpdate();
        }
    }

    void drop(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table());
        }
    }
}
