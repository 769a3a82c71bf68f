package dev.newswire.pipeline.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The hops of one fetch. We follow redirects ourselves (not {@code HttpClient.Redirect}) so that every hop goes through
 * the {@link AddressGuard}, and so loops and downgrades get a message an admin can act on.
 */
final class RedirectTrail {

  static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);

  private final int maxRedirects;
  private final List<URI> hops = new ArrayList<>();

  RedirectTrail(URI start, int maxRedirects) {
    this.maxRedirects = maxRedirects;
    hops.add(start);
  }

  static boolean isRedirect(int status) {
    return REDIRECT_STATUSES.contains(status);
  }

  URI current() {
    return hops.get(hops.size() - 1);
  }

  /** The hop that redirected to {@link #current()}, or null on the first request. */
  URI previous() {
    return hops.size() < 2 ? null : hops.get(hops.size() - 2);
  }

  /** Moves to the Location of a redirect response, or explains why not. */
  URI follow(int status, String location) throws FetchFailure {
    URI from = current();
    if (location == null || location.isBlank()) {
      throw new FetchFailure(from, FailureMessages.redirectWithoutLocation(from, status));
    }
    URI to = resolve(from, location.trim());
    if ("https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(to.getScheme())) {
      throw new FetchFailure(from, FailureMessages.redirectDowngrade(from, to));
    }
    if (hops.contains(to)) {
      throw new FetchFailure(from, FailureMessages.redirectLoop(hops, to));
    }
    if (hops.size() > maxRedirects) {
      throw new FetchFailure(from, FailureMessages.tooManyRedirects(withNext(to), maxRedirects));
    }
    hops.add(to);
    return to;
  }

  private List<URI> withNext(URI to) {
    List<URI> all = new ArrayList<>(hops);
    all.add(to);
    return all;
  }

  private static URI resolve(URI from, String location) throws FetchFailure {
    try {
      URI to = from.resolve(new URI(location)).normalize();
      if (to.getScheme() == null || to.getHost() == null) {
        throw new URISyntaxException(location, "not an absolute http(s) URL");
      }
      // The fragment never reaches the server; dropping it makes "/a#x" and "/a" the same hop for loop detection.
      String raw = to.toString();
      int hash = raw.indexOf('#');
      return hash < 0 ? to : new URI(raw.substring(0, hash));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchFailure(from, FailureMessages.badRedirectLocation(from, location));
    }
  }
}
