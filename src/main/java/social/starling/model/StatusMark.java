package social.starling.model;

/**
 * One account's mark on one status (a favourite, a bookmark, a pin or a reblog), with the mark's own id: lists
 * of marks page by that id, as Mastodon's do.
 */
public record StatusMark(long id, long accountId, long statusId) {
}
