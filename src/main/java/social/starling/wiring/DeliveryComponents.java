package social.starling.wiring;

import social.starling.convert.ActivityMapper;
import social.starling.convert.ActorMapper;
import social.starling.convert.NoteMapper;
import social.starling.db.DeliveryRepository;
import social.starling.db.FederationRepository;
import social.starling.db.RemoteHostRepository;
import social.starling.federation.delivery.DeliveryHandler;
import social.starling.federation.delivery.HostHealth;
import social.starling.federation.delivery.HostSlots;
import social.starling.federation.delivery.SigningKeys;
import social.starling.federation.outbox.AudienceResolver;
import social.starling.federation.outbox.FederateHandler;
import social.starling.federation.outbox.OutgoingActivities;
import social.starling.federation.signature.HttpSigner;
import social.starling.service.federation.LocalPostLoader;

/**
 * Outbound delivery: the {@code federate} job (an outbox event → the activity, rendered once, and a delivery per
 * inbox) and the {@code deliver} job (signed POST, retries, host health). The outbox side, which queues
 * {@code federate} jobs, is {@link social.starling.federation.outbox.FederatingOutbox}, built in
 * {@link OutboxComponents}. {@link #hostHealth()}'s {@code contacted(domain)} is for the inbox to call.
 */
public record DeliveryComponents(HostHealth hostHealth, FederateHandler federate, DeliveryHandler deliver) {

    public static DeliveryComponents build(Core core, Repositories repos, AccountComponents accounts,
                                           RemoteAccountComponents remote) {
        var db = core.db();
        var uris = core.uris();
        var deliveries = new DeliveryRepository();
        var hosts = new RemoteHostRepository();
        var health = new HostHealth(db, hosts, core.clock());
        var noteMapper = new NoteMapper(uris, core.media()::url);
        var posts = new LocalPostLoader(repos.statuses(), repos.accounts(), repos.tags(), repos.polls(),
                new FederationRepository(), repos.quotes(), repos.media(), core.domain(), core.clock());
        var activities = new OutgoingActivities(repos.accounts(), repos.statuses(), repos.polls(), deliveries, posts,
                new ActivityMapper(uris, noteMapper), new ActorMapper(uris, core.domain()),
                new AudienceResolver(deliveries, hosts), repos.quotes(),
                new social.starling.convert.QuoteActivityMapper(uris),
                new social.starling.db.ReportRepository(core.json()));
        var federate = new FederateHandler(db, activities, deliveries, core.jobs(), core.ids(), core.clock());
        var keys = new SigningKeys(db, repos.accounts(), accounts.generateKeys(), uris);
        var deliver = new DeliveryHandler(db, deliveries, health, new HostSlots(HostSlots.DEFAULT_PER_HOST), keys,
                new HttpSigner(core.clock()), remote.fetcher(), core.clock());
        return new DeliveryComponents(health, federate, deliver);
    }
}
