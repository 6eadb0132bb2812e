package io.dataport;

/**
 * Work done with a {@link Session} that returns a value: the argument of {@link Database#inTransaction} and
 * {@link Database#withSession}. Generic in the checked exception it may throw, so a lambda can throw one.
 *
 * @param <R> what the work returns
 * @param <X> the checked exception the work may throw ({@code RuntimeException} when none)
 */
@FunctionalInterface
public interface SessionCallback<R, X extends Exception> {
    /**
     * Does the work.
     *
     * @param session the session to work in, valid only during this call
     * @return the result, handed back to the caller of {@code inTransaction} or {@code withSession}
     * @throws X when the work fails; a transaction then rolls back
     */
    R withSession(Session session) throws X;
}
