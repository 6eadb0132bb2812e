package io.dataport.internal.transfer;

import java.util.List;

/** A source index or unique constraint on plain columns. */
public record IndexInfo(String name, boolean unique, List<String> columns) {
}
