package io.dataport;

/**
 * Told about every statement a {@link Database} runs, Dataport's own (repository, schema) and the application's
 * Jdbi SQL alike: the hook for statement logging, metrics and tests. Set it with
 * {@link Database.Builder#statementListener}. Called on the thread that runs the statement; it must be fast and
 * thread-safe, and an exception it throws fails the statement.
 *
 * <pre>{@code
 * LongAdder statements = new LongAdder();
 * Database db = Database.builder(url).statementListener(sql -> statements.increment()).open();
 * }</pre>
 */
@FunctionalInterface
public interface StatementListener {

    /**
     * Called just before a statement runs, after Dataport's checks (thread, session, failed transaction).
     *
     * @param sql the statement's SQL, as sent (bound values are not part of it)
     */
    void beforeExecution(String sql);
}
