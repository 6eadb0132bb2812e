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
    R withSession(Session session) throws X;
}
