/**
 * Annotations that map plain Java records and classes to tables: {@link io.dataport.mapping.Table},
 * {@link io.dataport.mapping.Id}, {@link io.dataport.mapping.Column}, {@link io.dataport.mapping.Version},
 * {@link io.dataport.mapping.Transient}.
 */
package io.dataport.mapping;
