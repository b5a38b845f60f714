package social.starling.model.federation;

import social.starling.model.Account;
import social.starling.model.Status;

/** A local account's reblog ({@code status}) of {@code original}, by {@code originalAuthor}. */
public record LocalReblog(Status status, Account actor, Status original, Account originalAuthor)
        implements LocalPost {
}
