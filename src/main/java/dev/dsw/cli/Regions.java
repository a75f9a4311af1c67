package dev.dsw.cli;

import dev.dsw.api.Endpoints;
import java.util.Iterator;

/** Completion candidates for --region: the regions with a documented DSW endpoint. */
final class Regions implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Endpoints.KNOWN_REGIONS.iterator();
  }
}
