package io.dataport;

/**
 * Work done with a {@link Session} that returns nothing: the argument of {@link Database#useTransaction} and
 * {@link Database#useSession}.
 *
 * @param <X> the checked exception the work may throw ({@code RuntimeException} when none)
 */
@FunctionalInterface
public interface SessionConsumer<X extends Exception> {
    /**
     * Does the work.
     *
     * @param session the session to work in, valid only during this call
     * @throws X when the work fails; a transaction then rolls back
     */
    void useSession(Session session) throws X;
}
