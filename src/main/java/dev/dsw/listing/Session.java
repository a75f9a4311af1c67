package dev.dsw.listing;

import dev.dsw.api.Fleet;
import dev.dsw.api.ListInstancesQuery;
import java.time.Clock;
import java.util.List;

/**
 * What the listing pipeline takes from one run of dsw: the clients of each scope, the scopes
 * (several regions or profiles), the clock, the dry run, how --mine, --owner, --gpu-type and
 * --workspace narrow a request, and the terminal. cli/ implements it (Services); a test can too.
 */
public interface Session extends Fleet.Clients {
  Clock clock();

  /** The scopes read: PROFILE@REGION pairs, or regions; empty for the one usual region. */
  List<String> scopes();

  /** Whether the listing reads several regions or profiles. */
  boolean multiScope();

  /** The profiles named by --profile a,b or --all-profiles; empty for the usual one. */
  List<String> profiles();

  /** With --dry-run: prints the first request instead of sending it, and says true. */
  boolean dryRun(ListInstancesQuery first);

  /** Whether each profile's account is looked up: only for output that shows it. */
  void lookUpAccounts(boolean wanted);

  /** What narrows this request besides --where, decided once when the listing starts. */
  Narrowing narrow(Request r);

  Terminal terminal();
}
