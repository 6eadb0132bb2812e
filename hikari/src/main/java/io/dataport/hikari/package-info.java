/**
 * The HikariCP pool shared by Dataport's server backends ({@code dataport-postgres}, {@code dataport-mysql}):
 * {@link io.dataport.hikari.ServerPool}. Applications do not use it directly.
 */
package io.dataport.hikari;
