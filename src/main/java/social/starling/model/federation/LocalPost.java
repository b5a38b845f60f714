package social.starling.model.federation;

import social.starling.model.Status;

/** What a local account's outbox holds: its own statuses ({@link LocalNote}) and its reblogs ({@link LocalReblog}). */
public sealed interface LocalPost permits LocalNote, LocalReblog {
    Status status();
}
