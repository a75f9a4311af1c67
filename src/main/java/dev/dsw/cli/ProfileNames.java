package dev.dsw.cli;

import java.util.Collections;
import java.util.Iterator;

/**
 * Marks --profile for the completion generator, which asks {@code dsw __complete profiles} at TAB
 * time (profiles change after the script is installed), so there is no fixed list here.
 */
final class ProfileNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Collections.emptyIterator();
  }
}
