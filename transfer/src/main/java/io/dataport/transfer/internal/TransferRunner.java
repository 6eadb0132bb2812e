package io.dataport.transfer.internal;

import io.dataport.Database;
import io.dataport.Session;
import io.dataport.transfer.TransferException;
import io.dataport.transfer.TransferListener;
import io.dataport.transfer.TransferMode;
import io.dataport.transfer.TransferReport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs one transfer: reads the source schema in a read-only snapshot, checks the target, then copies each table
 * in its own target transaction (create, load, index, continue the identity, verify, record in
 * {@link StateTable}), and finally adds the foreign keys (where the target adds them after the load) and drops the
 * state table in one transaction.
 * A failure or interruption rolls back the table in progress; tables already recorded are skipped on a rerun.
 */
public final class TransferRunner {
    private final Database source;
    private final Database target;
    private final TransferDialect sourceDialect;
    private final TransferDialect targetDialect;
    private final TransferMode mode;
    private final Path rejectsPath;
    private final boolean fold;
    private final int batchSize;
    private final TransferListener listener;

    public TransferRunner(Database source, Database target, TransferMode mode, Path rejects, boolean fold,
                          int batchSize, TransferListener listener) {
        this.source = source;
        this.target = target;
        this.sourceDialect = TransferDialect.forBackend(source.backend());
        this.targetDialect = TransferDialect.forBackend(target.backend());
        this.mode = mode;
        this.rejectsPath = rejects;
        this.fold = fold;
        this.batchSize = batchSize;
        this.listener = listener;
    }

    /** Target facts gathered before anything is written. */
    private static final class TargetState {
        String schema;
        final Map<String, String> existing = new HashMap<>();      // key: lookup form of target name -> real name
        final Map<String, Long> rows = new HashMap<>();
        Map<String, StateTable.Entry> done = new LinkedHashMap<>();
    }

    public TransferReport run() {
        long start = System.nanoTime();
        try (RejectReport rejects = rejectsPath == null ? null : new RejectReport(rejectsPath)) {
            return source.inReadOnlyTransaction(src -> {
                Connection sc = src.handle().getConnection();
                sourceDialect.beginSnapshot(sc);
                SchemaReader reader = new SchemaReader(sc, sourceDialect);
                List<TableInfo> tables = reader.readAll();
                Map<String, Long> counts = new LinkedHashMap<>();
                long total = 0;
                for (TableInfo t : tables) {
                    long n = count(sc, qualify(reader.schema(), t.name()));
                    counts.put(t.name(), n);
                    total += n;
                }
                listener.started(tables.stream().map(TableInfo::name).collect(Collectors.toList()), total);
                TargetState state = inspectTarget(tables);
                Names names = new Names(fold, state.schema);
                refuseNonEmpty(tables, state, names);
                StateTable stateTable = new StateTable(names);
                target.useTransaction(t -> stateTable.create(t.handle().getConnection()));

                Set<String> tableNames = tables.stream().map(TableInfo::name).collect(Collectors.toSet());
                List<TransferReport.Table> results = new ArrayList<>();
                Set<String> created = new LinkedHashSet<>();
                long[] totalDone = {0};
                for (int i = 0; i < tables.size(); i++) {
                    TableInfo table = tables.get(i);
                    String targetName = names.name(table.name());
                    listener.tableStarted(table.name(), i, tables.size(), counts.get(table.name()));
                    StateTable.Entry done = state.done.get(targetName);
                    if (done != null) {
                        results.add(done.table());
                        if (done.created()) {
                            created.add(table.name());
                        }
                        totalDone[0] += done.table().sourceRows();
                        listener.tableFinished(done.table());
                        continue;
                    }
                    String existing = state.existing.get(lookup(targetName));
                    long existingRows = existing == null ? -1 : state.rows.getOrDefault(existing, 0L);
                    TableCopy copy = new TableCopy(sc, reader.schema(), table, tableNames, names, existing,
                            existingRows, counts.get(table.name()), total, totalDone, rejects, stateTable);
                    TransferReport.Table result;
                    try {
                        result = target.inTransaction(t -> copy.run(t));
                    } catch (SQLException | RuntimeException e) {
                        copy.undoCreate(e);
                        throw e;
                    }
                    if (copy.created) {
                        created.add(table.name());
                    }
                    results.add(result);
                    listener.tableFinished(result);
                }
                finish(tables, created, names, stateTable);
                long rejected = results.stream().filter(r -> !r.resumed()).mapToLong(TransferReport.Table::rejectedRows).sum();
                TransferReport report = new TransferReport(results, Duration.ofNanos(System.nanoTime() - start), rejected);
                listener.finished(report);
                return report;
            });
        } catch (SQLException e) {
            throw new TransferException("Transfer failed: " + e.getMessage()
                    + ". Fix the cause and run the same transfer again; finished tables are kept.", e);
        }
    }

    private TargetState inspectTarget(List<TableInfo> tables) throws SQLException {
        return target.withSession(t -> {
            Connection c = t.handle().getConnection();
            TargetState state = new TargetState();
            SchemaReader reader = new SchemaReader(c, targetDialect);
            state.schema = reader.schema();
            for (String name : reader.tableNames()) {
                state.existing.put(lookup(name), name);
            }
            boolean inProgress = reader.hasTable(SchemaReader.STATE_TABLE);
            Names names = new Names(fold, state.schema);
            state.done = new StateTable(names).read(c, inProgress);
            for (TableInfo table : tables) {
                String existing = state.existing.get(lookup(names.name(table.name())));
                if (existing != null && !state.done.containsKey(names.name(table.name()))) {
                    state.rows.put(existing, count(c, names.qualifiedTarget(existing)));
                }
            }
            return state;
        });
    }

    private void refuseNonEmpty(List<TableInfo> tables, TargetState state, Names names) {
        if (mode != TransferMode.CREATE) {
            return;
        }
        List<String> full = new ArrayList<>();
        for (TableInfo table : tables) {
            String existing = state.existing.get(lookup(names.name(table.name())));
            if (existing != null && state.rows.getOrDefault(existing, 0L) > 0) {
                full.add("\"" + existing + "\" (" + state.rows.get(existing) + " rows)");
            }
        }
        if (!full.isEmpty()) {
            throw new TransferException("Target tables already have rows: " + String.join(", ", full)
                    + ". Nothing was written. Pass mode(TransferMode.REPLACE) to drop and reload them,"
                    + " mode(TransferMode.APPEND) to add the source rows to them, or transfer into an empty database.");
        }
    }

    private void finish(List<TableInfo> tables, Set<String> created, Names names, StateTable stateTable)
            throws SQLException {
        DdlWriter ddl = new DdlWriter(targetDialect, names);
        Set<String> tableNames = tables.stream().map(TableInfo::name).collect(Collectors.toSet());
        target.useTransaction(t -> {
            Connection c = t.handle().getConnection();
            for (TableInfo table : tables) {
                if (created.contains(table.name())) {
                    for (String sql : ddl.addForeignKeys(table, tableNames)) {
                        execute(c, sql);
                    }
                }
            }
            stateTable.drop(c);
        });
    }

    /** One table's copy, run in one target transaction (and again, from the start, if that conflicts). */
    private final class TableCopy {
        private final Connection sc;
        private final String sourceSchema;
        private final TableInfo table;
        private final Set<String> tableNames;
        private final Names names;
        private final String existing;
        private final long existingRows;
        private final long sourceCount;
        private final long total;
        private final long[] totalDone;
        private final RejectReport rejects;
        private final StateTable stateTable;
        boolean created;

        TableCopy(Connection sc, String sourceSchema, TableInfo table, Set<String> tableNames, Names names,
                  String existing, long existingRows, long sourceCount, long total, long[] totalDone,
                  RejectReport rejects, StateTable stateTable) {
            this.sc = sc;
            this.sourceSchema = sourceSchema;
            this.table = table;
            this.tableNames = tableNames;
            this.names = names;
            this.existing = existing;
            this.existingRows = existingRows;
            this.sourceCount = sourceCount;
            this.total = total;
            this.totalDone = totalDone;
            this.rejects = rejects;
            this.stateTable = stateTable;
        }

        /**
         * After a failed copy on a target whose DDL is not transactional: drops the table this copy created, which
         * the rollback left behind (committed, perhaps with rows), so that a rerun creates it afresh. A failure
         * to drop is added to {@code failure}.
         */
        void undoCreate(Exception failure) {
            if (!created || targetDialect.transactionalDdl()) {
                return;
            }
            String qualified = names.qualifiedTarget(existing != null ? existing : names.name(table.name()));
            try {
                target.useSession(t -> {
                    Connection c = t.handle().getConnection();
                    targetDialect.beginLoad(c);
                    execute(c, "DROP TABLE IF EXISTS " + qualified);
                    targetDialect.endLoad(c);
                });
            } catch (SQLException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }

        TransferReport.Table run(Session t) throws SQLException {
            long start = System.nanoTime();
            long doneBefore = totalDone[0];
            Connection tc = t.handle().getConnection();
            DdlWriter ddl = new DdlWriter(targetDialect, names);
            targetDialect.beginLoad(tc);
            String targetName = existing != null ? existing : names.name(table.name());
            String qualifiedTarget = names.qualifiedTarget(targetName);
            List<String> targetColumns = table.columns().stream().map(c -> names.quoted(c.name()))
                    .collect(Collectors.toList());
            List<ValueCodec> codecs = table.columns().stream().map(c -> new ValueCodec(c.type()))
                    .collect(Collectors.toList());
            created = existing == null || mode == TransferMode.REPLACE;
            Checksum before = null;
            if (existing != null && mode == TransferMode.REPLACE) {
                execute(tc, targetDialect.dropTable(qualifiedTarget));
            } else if (existing != null && existingRows > 0) {
                before = checksum(tc, qualifiedTarget, targetColumns, codecs);
            }
            if (created) {
                execute(tc, ddl.createTable(table, tableNames));
            }

            RowSink sink = targetDialect.openSink(tc, qualifiedTarget, targetColumns,
                    table.columns().stream().map(ColumnInfo::type).collect(Collectors.toList()), created, batchSize);
            AsyncChecksum sourceHash = new AsyncChecksum(sink);
            Checksum sourceSum;
            long sourceRows = 0;
            long rejected = 0;
            try (sourceHash) {
                String select = "SELECT " + table.columns().stream().map(c -> SchemaReader.quote(c.name()))
                        .collect(Collectors.joining(", ")) + " FROM " + qualify(sourceSchema, table.name());
                List<Integer> keyIndexes = new ArrayList<>();
                for (String k : table.primaryKey()) {
                    keyIndexes.add(table.columns().indexOf(table.column(k)) + 1);
                }
                try (Statement st = sc.createStatement()) {
                    st.setFetchSize(batchSize);
                    try (ResultSet rs = st.executeQuery(select)) {
                        int n = table.columns().size();
                        Object[] row = new Object[n];
                        while (rs.next()) {
                            sourceRows++;
                            int i = 0;
                            try {
                                for (; i < n; i++) {
                                    row[i] = sourceDialect.read(rs, i + 1, codecs.get(i));
                                }
                            } catch (Rejected r) {
                                reject(rs, keyIndexes, sourceRows, table.columns().get(i), r);
                                rejected++;
                                continue;
                            }
                            sourceHash.add(row);
                            if (sourceRows % batchSize == 0) {
                                totalDone[0] = doneBefore + sourceRows;
                                listener.rowsCopied(table.name(), sourceRows, sourceCount, totalDone[0], total);
                            }
                        }
                    }
                }
                sourceSum = sourceHash.finish();
                sink.finish();
            } catch (SQLException | RuntimeException e) {
                sink.abort();
                throw e;
            }
            totalDone[0] = doneBefore + sourceRows;
            listener.rowsCopied(table.name(), sourceRows, sourceCount, totalDone[0], total);
            if (created) {
                for (String sql : ddl.createIndexes(table)) {
                    execute(tc, sql);
                }
            }
            Optional<String> restart = table.identity().flatMap(identity -> ddl.restartIdentity(table, identity));
            if (restart.isPresent()) {
                execute(tc, restart.get());
            }
            Checksum targetSum = checksum(tc, qualifiedTarget, targetColumns, codecs);
            long targetRows = targetSum.rows();
            if (before != null) {
                targetSum.subtract(before.hex(), before.rows());
            }
            if (targetSum.rows() != sourceSum.rows() || !targetSum.hex().equals(sourceSum.hex())) {
                throw new TransferException("Table \"" + table.name() + "\" did not verify: source " + sourceSum.rows()
                        + " rows, checksum " + sourceSum.hex() + "; target " + targetSum.rows() + " rows, checksum "
                        + targetSum.hex() + ". The table was rolled back. Report this with the table's schema: a "
                        + "value changed on its way.", null, table.name(), null, null, null);
            }
            TransferReport.Table result = new TransferReport.Table(table.name(), targetName, sourceRows,
                    sourceSum.rows(), rejected, targetRows, sourceSum.hex(), targetSum.hex(), false,
                    Duration.ofNanos(System.nanoTime() - start));
            stateTable.record(tc, result, created);
            targetDialect.endLoad(tc);
            return result;
        }

        private void reject(ResultSet rs, List<Integer> keyIndexes, long ordinal, ColumnInfo column, Rejected r)
                throws SQLException {
            String rowKey;
            if (keyIndexes.isEmpty()) {
                rowKey = "row " + ordinal;
            } else {
                List<String> parts = new ArrayList<>();
                for (int k = 0; k < keyIndexes.size(); k++) {
                    parts.add(table.primaryKey().get(k) + "=" + rs.getString(keyIndexes.get(k)));
                }
                rowKey = String.join(", ", parts);
            }
            String targetType = targetDialect.columnType(column.type(), column.identity());
            if (rejects != null) {
                rejects.write(table.name(), rowKey, column.name(), targetType, "the value " + r.getMessage(), r.value());
                return;
            }
            throw new TransferException("Value does not fit its target column " + targetType + ": table \""
                    + table.name() + "\", row " + rowKey + ", column \"" + column.name() + "\" (declared "
                    + (column.declaredType().isEmpty() ? "without a type" : column.declaredType()) + "): the value "
                    + r.getMessage() + ". Nothing of this table was written. Fix the value in the source, or pass "
                    + "rejectsTo(file) to write such rows to a report and copy the rest; the value itself is in "
                    + "TransferException.offendingValue().", null, table.name(), rowKey, column.name(),
                    r.value());
        }

        private Checksum checksum(Connection tc, String qualified, List<String> columns, List<ValueCodec> codecs)
                throws SQLException {
            AsyncChecksum sum = new AsyncChecksum();
            try (sum) {
                targetDialect.readRows(tc, qualified, columns, codecs, Math.max(batchSize, 50_000),
                        new TransferDialect.RowHandler() {
                            @Override
                            public void row(Object[] values) throws SQLException {
                                sum.add(values);
                            }

                            @Override
                            public RuntimeException rejected(int column, Rejected r) {
                                return new TransferException("Table " + qualified + " did not verify: column "
                                        + columns.get(column) + " reads back a value that " + r.getMessage()
                                        + ". The table was rolled back.", null, table.name(), null, null, null);
                            }
                        });
                return sum.finish();
            }
        }
    }

    private String lookup(String targetName) {
        return targetDialect.lookupKey(targetName);
    }

    private static String qualify(String schema, String table) {
        return schema == null ? SchemaReader.quote(table) : SchemaReader.quote(schema) + "." + SchemaReader.quote(table);
    }

    private static long count(Connection c, String qualified) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + qualified)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
