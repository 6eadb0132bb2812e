package io.dataport;

/**
 * Work done with a {@link Session} that returns nothing: the argument of {@link Database#useTransaction} and
 * {@link Database#useSession}.
 *
 * @param <X> the checked exception the work may throw ({@code RuntimeException} when none)
 */
@FunctionalInterface
public interface SessionConsumer<X extends Exception> {
    void useSession(Session session) throws X;
}
