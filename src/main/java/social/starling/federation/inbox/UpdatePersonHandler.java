package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Optional;
import social.starling.db.Database;
import social.starling.federation.ActorReader;
import social.starling.model.Account;
import social.starling.service.account.AccountWriter;
import social.starling.service.account.RemoteActors;

/**
 * {@code Update} of the sender itself (an actor type whose id is the sender's; Mastodon's update.rb
 * {@code update_account}): the embedded document, vouched for by the signature, is read with {@link ActorReader}
 * and stored through {@link AccountWriter#upsertRemote} (the row keeps its id, domain, counters and moderation
 * state). An Update naming the actor only by id makes Starling fetch the actor again.
 */
public final class UpdatePersonHandler implements ActivityHandler {
    private final Database db;
    private final AccountWriter writer;
    private final RemoteActors actors;
    private final Clock clock;

    public UpdatePersonHandler(Database db, AccountWriter writer, RemoteActors actors, Clock clock) {
        this.db = db;
        this.writer = writer;
        this.actors = actors;
        this.clock = clock;
    }

    @Override
    public void handle(Inbound a) {
        Rules.idOnActorOrigin(a);
        JsonNode object = a.object();
        Optional<Account> seen;
        if (object.isObject()) {
            try {
                seen = Optional.of(ActorReader.read(object, clock.instant()));
            } catch (ActorReader.InvalidActorException e) {
                throw a.refuse("the actor document is refused: " + e.getMessage());
            }
        } else {
            seen = actors.fetch(a.actor().uri(), false);
        }
        Account account = seen.filter(s -> s.uri().equals(a.actor().uri()))
                .orElseThrow(() -> a.refuse("the actor cannot be read"));
        db.inTransaction(tx -> writer.upsertRemote(tx, account, clock.instant()));
    }
}
