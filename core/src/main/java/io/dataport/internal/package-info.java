/**
 * Dataport's internals: backend discovery, session glue to Jdbi, error translation, SQL building.
 *
 * <p><strong>Unsupported:</strong> these types are public only so that Dataport's own modules can share them.
 * They change without notice; applications must not use them.
 */
package io.dataport.internal;
