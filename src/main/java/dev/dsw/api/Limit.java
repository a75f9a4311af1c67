package dev.dsw.api;

/**
 * --limit, counted in one place: every instance a listing hands on takes one, however many
 * requests, parts of a long --instance-id list or regions it comes from, and fetching stops once it
 * is reached. (Each part of a list of more than 100 IDs used to count its own limit, so --limit 5
 * could print 10.) A sorted listing fetches everything and its order cuts after sorting.
 */
public final class Limit {
  private final long most;
  private long taken;

  private Limit(long most) {
    this.most = most;
  }

  /** At most {@code most} instances; 0 for no limit. */
  public static Limit of(long most) {
    return new Limit(most);
  }

  /** Takes one, if any is left. */
  public synchronized boolean take() {
    if (most > 0 && taken >= most) {
      return false;
    }
    taken++;
    return true;
  }

  /** Whether {@code n} more would still leave some: a page of n cannot reach the limit. */
  public synchronized boolean room(long n) {
    return most == 0 || most - taken > n;
  }

  /** Whether none is left: fetching may stop. */
  public synchronized boolean reached() {
    return most > 0 && taken >= most;
  }
}
