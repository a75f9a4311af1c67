package dev.dsw.cli.completion;

import java.util.Collections;
import java.util.Iterator;

/**
 * Marks --profile for the completion generator, whose scripts read the profile names from
 * ~/.aliyun/config.json at TAB time (profiles change after the script is installed), so there is no
 * fixed list here.
 */
public final class ProfileNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Collections.emptyIterator();
  }
}
