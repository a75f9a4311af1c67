package dev.dsw.cli.options;

import dev.dsw.output.InstanceColumns;
import dev.dsw.output.SortColumn;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * --sort-column COL[:asc|desc], read like every other flag: a direction that is neither asc nor
 * desc, or a column that is neither built in nor a path into the API's instance, is a usage error
 * before anything is sent.
 */
public final class SortColumnConverter implements ITypeConverter<SortColumn> {
  @Override
  public SortColumn convert(String value) {
    SortColumn s;
    try {
      s = SortColumn.parse(value);
      new InstanceColumns(java.time.Clock.systemUTC()).resolve(List.of(s.column()));
    } catch (IllegalArgumentException e) { // InstanceColumns.Unknown is one
      throw new TypeConversionException(e.getMessage());
    }
    return s;
  }
}
