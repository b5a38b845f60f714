package social.starling.service.event;

/**
 * An {@code accounts} row was written (profile, counters, keys, deletion): cached copies of the row are forgotten.
 * Published for every write in {@link social.starling.db.AccountRepository}, so it is frequent (each status posted
 * bumps its author's count) and its listeners must be cheap; the broader {@link AccountChanged} is for changes that
 * touch logins and relations.
 */
public record AccountRowChanged(long accountId) implements Event {
}
