package social.starling.federation.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import social.starling.db.DeliveryRepository;
import social.starling.db.RemoteHostRepository;
import social.starling.db.Tx;
import social.starling.federation.delivery.HostHealth;

/**
 * Who must receive an activity, as inbox URLs: remote followers (by their shared inbox when they have one, so a
 * server with many followers gets one copy), remote accounts addressed directly, never a local account, a
 * suspended one or a host marked unavailable; each inbox once. Built per activity with {@link #builder}.
 */
public final class AudienceResolver {
    private final DeliveryRepository deliveries;
    private final RemoteHostRepository hosts;

    public AudienceResolver(DeliveryRepository deliveries, RemoteHostRepository hosts) {
        this.deliveries = deliveries;
        this.hosts = hosts;
    }

    public Builder builder(Tx tx) {
        return new Builder(tx);
    }

    public final class Builder {
        private final Tx tx;
        private final Set<String> inboxes = new LinkedHashSet<>();

        private Builder(Tx tx) {
            this.tx = tx;
        }

        /** The remote followers of {@code accountId}. */
        public Builder followersOf(long accountId) {
            inboxes.addAll(deliveries.followerInboxes(tx, accountId));
            return this;
        }

        /** Accounts reached as part of a wider audience (mentions, the replied-to author): shared inboxes. */
        public Builder accounts(Collection<Long> accountIds) {
            inboxes.addAll(deliveries.inboxesOf(tx, accountIds, true));
            return this;
        }

        /** The one actor an activity is for (Follow, Like, Block, a vote): its own inbox, as Mastodon sends them. */
        public Builder actor(long accountId) {
            inboxes.addAll(deliveries.inboxesOf(tx, List.of(accountId), false));
            return this;
        }

        public List<String> inboxes() {
            Set<String> domains = new LinkedHashSet<>();
            List<String> valid = new ArrayList<>();
            for (String inbox : inboxes) {
                HostHealth.hostOf(inbox).ifPresent(host -> {
                    domains.add(host);
                    valid.add(inbox);
                });
            }
            Set<String> unavailable = hosts.unavailableAmong(tx, domains);
            if (unavailable.isEmpty()) {
                return valid;
            }
            return valid.stream().filter(i -> !unavailable.contains(HostHealth.hostOf(i).orElse(""))).toList();
        }
    }
}
