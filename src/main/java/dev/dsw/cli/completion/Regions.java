package dev.dsw.cli.completion;

import dev.dsw.api.Endpoints;
import java.util.Iterator;

/** Completion candidates for --region: the regions with a documented DSW endpoint. */
public final class Regions implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Endpoints.KNOWN_REGIONS.iterator();
  }
}
