package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import social.starling.model.Status;
import social.starling.service.status.QuoteExchangeService;

/**
 * {@code QuoteRequest} (FEP-044f; Mastodon's activitypub/activity/quote_request.rb): the sender asks that their note
 * ({@code instrument}) may quote a local status ({@code object}). The note is taken from what is stored, else from
 * the embedded instrument, else fetched; then the quoted status's policy decides, and the outbox answers Accept
 * (with a QuoteAuthorization) or Reject.
 */
public final class QuoteRequestHandler implements ActivityHandler {
    private final InboxLookup lookup;
    private final NoteIngest notes;
    private final QuoteExchangeService quotes;

    public QuoteRequestHandler(InboxLookup lookup, NoteIngest notes, QuoteExchangeService quotes) {
        this.lookup = lookup;
        this.notes = notes;
        this.quotes = quotes;
    }

    @Override
    public void handle(Inbound a) {
        Rules.idOnActorOrigin(a);
        String requestId = a.id().orElseThrow(() -> a.refuse("a QuoteRequest without an id cannot be answered"));
        Status quoted = lookup.localStatus(Rules.objectId(a))
                .orElseThrow(() -> a.refuse("the quoted status is not one of this server's"));
        JsonNode instrument = a.json().get("instrument");
        String quotingUri = Activities.idOf(instrument).orElseThrow(() -> a.refuse("no instrument"));
        Rules.onActorOrigin(a, quotingUri);
        Optional<Status> quoting = lookup.status(quotingUri);
        if (quoting.isEmpty() && instrument.isObject()) {
            quoting = notes.create(a.actor(), instrument);
        }
        if (quoting.isEmpty()) {
            quoting = notes.resolve(quotingUri);
        }
        Status note = quoting.orElseThrow(() -> a.refuse("the quoting note " + quotingUri + " cannot be had"));
        if (note.accountId() != a.actor().id()) {
            throw a.refuse("the quoting note is not the sender's");
        }
        quotes.answerRequest(a.actor().id(), requestId, note.id(), quoted.id());
    }
}
