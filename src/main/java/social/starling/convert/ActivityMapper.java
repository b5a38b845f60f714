package social.starling.convert;

import java.time.Instant;
import java.util.List;
import social.starling.federation.vocab.Activity;
import social.starling.federation.vocab.Actor;
import social.starling.federation.vocab.As2;
import social.starling.federation.vocab.PollVote;
import social.starling.federation.vocab.Tombstone;
import social.starling.model.Account;
import social.starling.model.LocalUris;
import social.starling.model.Visibility;
import social.starling.model.federation.LocalNote;
import social.starling.model.federation.LocalPost;
import social.starling.model.federation.LocalReblog;

/**
 * Local actions → the activities that tell other servers, in the shapes of Mastodon's serializers
 * (app/serializers/activitypub/*): a status → {@code Create} at {@code <status>/activity} with the note embedded; a
 * reblog → {@code Announce} (its id is the reblog's own URI) of the original's id, addressed as the reblog's
 * visibility says plus the original's author; and for delivery {@code Update}, {@code Delete}, {@code Like},
 * {@code Follow}, {@code Accept}, {@code Reject}, {@code Block}, {@code Undo} of each, and poll votes.
 */
public final class ActivityMapper {
    private static final List<String> PUBLIC = List.of(As2.PUBLIC);

    private final LocalUris uris;
    private final NoteMapper notes;

    public ActivityMapper(LocalUris uris, NoteMapper notes) {
        this.uris = uris;
        this.notes = notes;
    }

    public Activity toActivity(LocalPost post) {
        return switch (post) {
            case LocalNote n -> create(n);
            case LocalReblog r -> announce(r.actor(), r.status().uri(), r.status().visibility(),
                    r.status().createdAt(), r.originalAuthor(), r.original().uri());
        };
    }

    private Activity create(LocalNote n) {
        var note = notes.toNote(n);
        return new Activity(As2.NOTE_CONTEXT, n.status().uri() + "/activity", "Create",
                uris.actor(n.author().username()), note.published(), note.to(), note.cc(), note.embedded());
    }

    /** A reblog ({@code id}: its URI) of {@code originalUri}; also the object of its Undo, once the reblog is gone. */
    public Activity announce(Account actor, String id, Visibility visibility, Instant published,
                             Account originalAuthor, String originalUri) {
        NoteMapper.Audience audience = notes.audience(visibility, actor, List.of(), originalAuthor);
        return new Activity(As2.CONTEXT, id, "Announce", uris.actor(actor.username()), As2Times.iso(published),
                audience.to(), audience.cc(), originalUri);
    }

    /** Mastodon's UndoAnnounceSerializer: {@code <actor>#announces/<reblog id>/undo}, addressed as the Announce. */
    public Activity undoAnnounce(Account actor, long reblogId, Activity announce) {
        return new Activity(As2.CONTEXT, uris.actor(actor.username()) + "#announces/" + reblogId + "/undo", "Undo",
                announce.actor(), null, announce.to(), announce.cc(), announce.embedded());
    }

    /** An edited note (UpdateSerializer): {@code <note>#updates/<edit time in seconds>}, published at the edit. */
    public Activity update(LocalNote n) {
        var note = notes.toNote(n);
        Instant edited = n.status().editedAt() != null ? n.status().editedAt() : n.status().createdAt();
        return new Activity(As2.NOTE_CONTEXT, n.status().uri() + "#updates/" + edited.getEpochSecond(), "Update",
                uris.actor(n.author().username()), As2Times.iso(edited), note.to(), note.cc(), note.embedded());
    }

    /** A deleted status (DeleteSerializer): {@code <status>#delete}, to the public, a Tombstone of its id. */
    public Activity delete(Account author, String statusUri) {
        return new Activity(As2.CONTEXT, statusUri + "#delete", "Delete", uris.actor(author.username()), null,
                PUBLIC, null, Tombstone.of(statusUri));
    }

    /**
     * A favourite (LikeSerializer). Mastodon names it after the favourite's row; Starling after the status, so the
     * Undo can name it once the row is gone (receivers match an Undo(Like) by actor and object).
     */
    public Activity like(Account actor, String statusUri, long statusId) {
        return new Activity(As2.CONTEXT, uris.actor(actor.username()) + "#likes/" + statusId, "Like",
                uris.actor(actor.username()), null, null, null, statusUri);
    }

    public Activity undoLike(Account actor, String statusUri, long statusId) {
        Activity like = like(actor, statusUri, statusId);
        return undo(like.id() + "/undo", like);
    }

    /** A follow (request) of a remote account; {@code followUri} is the request's id, {@link LocalUris#follow}. */
    public Activity follow(Account follower, String followUri, Account target) {
        return new Activity(As2.CONTEXT, followUri, "Follow", uris.actor(follower.username()), null, null, null,
                target.uri());
    }

    public Activity undoFollow(Account follower, long followId, String followUri, Account target) {
        return undo(uris.actor(follower.username()) + "#follows/" + followId + "/undo",
                follow(follower, followUri, target));
    }

    /** The answer to a remote actor's Follow ({@code followUri}, its id) of a local member: Accept or Reject. */
    public Activity acceptFollow(Account target, long followId, String followUri, Account follower) {
        return answer("Accept", "#accepts/follows/", target, followId, followUri, follower);
    }

    public Activity rejectFollow(Account target, long followId, String followUri, Account follower) {
        return answer("Reject", "#rejects/follows/", target, followId, followUri, follower);
    }

    private Activity answer(String type, String path, Account target, long followId, String followUri,
                            Account follower) {
        String actor = uris.actor(target.username());
        Activity follow = new Activity(null, followUri, "Follow", follower.uri(), null, null, null, actor);
        return new Activity(As2.CONTEXT, actor + path + followId, type, actor, null, null, null, follow);
    }

    public Activity block(Account blocker, long blockId, Account target) {
        return new Activity(As2.CONTEXT, uris.block(blockId), "Block", uris.actor(blocker.username()), null, null,
                null, target.uri());
    }

    public Activity undoBlock(Account blocker, long blockId, Account target) {
        return undo(uris.actor(blocker.username()) + "#blocks/" + blockId + "/undo", block(blocker, blockId, target));
    }

    /** A profile change (UpdateSerializer of the actor): {@code <actor>#updates/<time in seconds>}, to the public. */
    public Activity updateActor(Account account, Actor actor, Instant updatedAt) {
        return new Activity(As2.ACTOR_CONTEXT, uris.actor(account.username()) + "#updates/"
                + updatedAt.getEpochSecond(), "Update", actor.id(), null, PUBLIC, null, actor.embedded());
    }

    /**
     * The Delete of a local actor (Mastodon's DeleteActorSerializer): {@code <actor>#delete}, to the public, the
     * actor's id as object. Sent when moderators suspend the account.
     */
    public Activity deleteActor(Account account) {
        String actor = uris.actor(account.username());
        return new Activity(As2.CONTEXT, actor + "#delete", "Delete", actor, null, PUBLIC, null, actor);
    }

    /** One choice in a remote poll (VoteSerializer): a Create of a Note named after the option, to the poll's author. */
    public Activity vote(Account voter, long voteId, String option, Account pollAuthor, String pollUri) {
        String actor = uris.actor(voter.username());
        String id = actor + "#votes/" + voteId;
        return new Activity(As2.CONTEXT, id + "/activity", "Create", actor, null, List.of(pollAuthor.uri()), null,
                PollVote.of(id, option, actor, pollAuthor.uri(), pollUri));
    }

    private static Activity undo(String id, Activity object) {
        return new Activity(As2.CONTEXT, id, "Undo", object.actor(), null, null, null, object.embedded());
    }
}
