package social.starling.wiring;

import social.starling.db.DeliveryRepository;
import social.starling.db.ReportRepository;
import social.starling.federation.outbox.FederatingOutbox;
import social.starling.service.moderation.StaffNotifier;
import social.starling.service.notification.NotificationPolicyRules;
import social.starling.service.notification.NotifyService;
import social.starling.service.outbox.LocalOutbox;
import social.starling.service.outbox.Outbox;

/**
 * The outbox every writer records its effects in, and the notifier behind it. Built before the domain components
 * because accounts (profile updates), statuses, the graph and interactions all write through it. {@code staff}
 * tells moderators of new reports and sign-ups through the same notifier.
 */
public record OutboxComponents(NotifyService notifier, Outbox outbox, StaffNotifier staff) {

    public static OutboxComponents build(Core core, Repositories repos) {
        var policy = new NotificationPolicyRules(repos.notificationPolicies(), repos.notificationRequests(),
                repos.relationships(), repos.statuses(), repos.users());
        var notify = new NotifyService(repos.notifications(), repos.notificationRequests(), policy,
                repos.relationships(), repos.accounts(), repos.users(), core.ids(), core.clock(), core.events());
        // Every event goes to the local outbox; those others must learn of also queue a delivery (federate job).
        Outbox outbox = new FederatingOutbox(new LocalOutbox(core.jobs(), notify), core.jobs(), repos.accounts(),
                repos.statuses(), new DeliveryRepository(), core.uris());
        return new OutboxComponents(notify, outbox,
                new StaffNotifier(notify, repos.users(), new ReportRepository(core.json())));
    }
}
