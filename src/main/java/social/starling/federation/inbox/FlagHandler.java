package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import social.starling.model.Account;
import social.starling.model.Status;
import social.starling.service.moderation.ReceiveReportService;

/**
 * {@code Flag}: another server reports members of this one (Mastodon's flag.rb). The object lists accounts and
 * statuses; each member named gets a report holding the listed statuses that are theirs, with the Flag's
 * {@code content} as comment, from the sender (usually the other server's instance actor). Statuses of members not
 * named themselves are left out, as on Mastodon.
 */
public final class FlagHandler implements ActivityHandler {
    private final InboxLookup lookup;
    private final ReceiveReportService reports;

    public FlagHandler(InboxLookup lookup, ReceiveReportService reports) {
        this.lookup = lookup;
        this.reports = reports;
    }

    @Override
    public void handle(Inbound a) {
        Rules.idOnActorOrigin(a);
        List<String> named = Activities.ids(a.object());
        Set<Account> members = new LinkedHashSet<>();
        List<Status> statuses = new ArrayList<>();
        for (String uri : named.subList(0, Math.min(named.size(), 100))) {
            lookup.localAccount(uri).ifPresentOrElse(members::add,
                    () -> lookup.localStatus(uri).ifPresent(statuses::add));
        }
        if (members.isEmpty()) {
            throw a.refuse("names no member of this server");
        }
        JsonNode content = a.json().get("content");
        String comment = content != null && content.isTextual() ? content.asText() : "";
        if (comment.length() > 5_000) {
            comment = comment.substring(0, 5_000);
        }
        for (Account member : members) {
            List<Long> theirs = statuses.stream().filter(s -> s.accountId() == member.id()).map(Status::id).toList();
            reports.receive(a.actor().id(), member.id(), theirs, comment, a.id().orElse(null));
        }
    }
}
