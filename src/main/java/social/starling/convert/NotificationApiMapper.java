package social.starling.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import social.starling.convert.entity.AccountEntity;
import social.starling.convert.entity.AccountWarningEntity;
import social.starling.convert.entity.GroupedNotificationsResultsEntity;
import social.starling.convert.entity.NotificationEntity;
import social.starling.convert.entity.NotificationGroupEntity;
import social.starling.convert.entity.PartialAccountWithAvatarEntity;
import social.starling.convert.entity.StatusEntity;
import social.starling.model.Account;
import social.starling.model.AccountWarning;
import social.starling.model.Notification;
import social.starling.model.view.GroupedNotifications;
import social.starling.model.view.NotificationGroup;
import social.starling.model.view.NotificationView;
import social.starling.model.view.WarningView;

/** Notifications → Mastodon's Notification, and grouped notifications → GroupedNotificationsResults. */
public final class NotificationApiMapper {
    private final AccountApiMapper accounts;
    private final StatusApiMapper statuses;
    private final ReportApiMapper reports;

    public NotificationApiMapper(AccountApiMapper accounts, StatusApiMapper statuses) {
        this.accounts = accounts;
        this.statuses = statuses;
        this.reports = new ReportApiMapper(accounts);
    }

    public List<NotificationEntity> toApi(List<NotificationView> views) {
        return views.stream().map(this::toApi).toList();
    }

    public NotificationEntity toApi(NotificationView v) {
        Notification n = v.notification();
        return new NotificationEntity(Long.toString(n.id()), n.type().wireName(), n.groupKey(), n.createdAt(),
                accounts.toApi(v.from()), v.status() == null ? null : statuses.toApi(v.status()),
                v.report() == null ? null : reports.toApi(v.report().report(), v.report().target()), null,
                warning(v.warning(), v.from()), n.filtered() ? Boolean.TRUE : null);
    }

    /** Mastodon's AccountWarning; its target is the recipient, who is also the notification's account. */
    public AccountWarningEntity warning(WarningView v, Account target) {
        if (v == null) {
            return null;
        }
        AccountWarning w = v.warning();
        return new AccountWarningEntity(Long.toString(w.id()), w.action(), w.text(),
                w.statusIds().stream().map(String::valueOf).toList(), accounts.toApi(target),
                v.appeal() == null ? null : new AccountWarningEntity.Appeal(v.appeal().text(), v.appeal().state()),
                w.createdAt());
    }

    /**
     * As Mastodon's GroupedNotificationsPresenter: {@code accounts} holds every sample account, or with
     * {@code partial_avatars} only each group's newest one, the others going to {@code partial_accounts};
     * {@code statuses} holds each group's status once.
     */
    public GroupedNotificationsResultsEntity toApi(GroupedNotifications r, boolean partialAvatars) {
        Set<Long> full = new LinkedHashSet<>();
        Set<Long> partial = new LinkedHashSet<>();
        Map<String, StatusEntity> shown = new LinkedHashMap<>();
        List<NotificationGroupEntity> groups = new ArrayList<>();
        for (NotificationGroup g : r.groups()) {
            List<Long> samples = g.sampleAccountIds().stream().filter(r.accounts()::containsKey).toList();
            if (partialAvatars) {
                if (!samples.isEmpty()) {
                    full.add(samples.getFirst());
                    partial.addAll(samples.subList(1, samples.size()));
                }
            } else {
                full.addAll(samples);
            }
            if (g.status() != null) {
                shown.computeIfAbsent(Long.toString(g.status().status().id()), id -> statuses.toApi(g.status()));
            }
            groups.add(group(g, samples, r, reports));
        }
        partial.removeAll(full);
        List<AccountEntity> fullAccounts = full.stream().map(id -> accounts.toApi(r.accounts().get(id))).toList();
        List<PartialAccountWithAvatarEntity> partialAccounts = !partialAvatars ? null
                : partial.stream().map(id -> partial(r.accounts().get(id))).toList();
        return new GroupedNotificationsResultsEntity(fullAccounts, partialAccounts, List.copyOf(shown.values()),
                groups);
    }

    private NotificationGroupEntity group(NotificationGroup g, List<Long> samples, GroupedNotifications r,
                                          ReportApiMapper reports) {
        var page = g.page();
        return new NotificationGroupEntity(g.groupKey(), g.count(), g.type().wireName(),
                Long.toString(g.mostRecentId()),
                page == null ? null : Long.toString(page.minId()),
                page == null ? null : Long.toString(page.maxId()),
                page == null ? null : page.latestAt(),
                samples.stream().map(String::valueOf).toList(),
                g.status() == null ? null : Long.toString(g.status().status().id()),
                g.report() == null ? null : reports.toApi(g.report().report(), g.report().target()), null,
                g.warning() == null ? null
                        : warning(g.warning(), r.accounts().get(g.warning().warning().targetAccountId())));
    }

    /** Mastodon's PartialAccountWithAvatar; Starling keeps no avatar descriptions, so that one is empty. */
    public PartialAccountWithAvatarEntity partial(Account a) {
        String avatar = accounts.avatarUrl(a);
        return new PartialAccountWithAvatarEntity(Long.toString(a.id()), a.acct(), a.url() != null ? a.url() : a.uri(),
                avatar, avatar, "", a.locked(), a.bot());
    }
}
