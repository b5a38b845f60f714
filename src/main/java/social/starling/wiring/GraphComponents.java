package social.starling.wiring;

import social.starling.service.discovery.DiscoveryService;
import social.starling.service.follow.BlockService;
import social.starling.service.follow.AccountDomainBlockService;
import social.starling.service.follow.FollowService;
import social.starling.service.follow.GraphQueryService;
import social.starling.service.follow.MuteService;
import social.starling.service.follow.RelationshipService;
import social.starling.service.list.ListMembersService;
import social.starling.service.list.ListService;
import social.starling.service.tag.TagService;
import social.starling.service.timeline.ListTimelineService;
import social.starling.service.timeline.TagTimelineService;

/** The social graph: follows, blocks, mutes, domain blocks, lists, followed hashtags, discovery. */
public record GraphComponents(FollowService follows, RelationshipService relationships, GraphQueryService queries,
                              BlockService blocks, MuteService mutes, AccountDomainBlockService domainBlocks,
                              ListService lists, ListMembersService listMembers, TagService tags,
                              ListTimelineService listTimeline, TagTimelineService tagTimeline,
                              DiscoveryService discovery) {

    public static GraphComponents build(Core core, Repositories repos, AccountComponents accounts,
                                        StatusComponents statuses) {
        var db = core.db();
        var clock = core.clock();
        var ids = core.ids();
        var follows = new FollowService(db, repos.accounts(), repos.relationships(), statuses.homeFeed(),
                statuses.outbox(), accounts.changes(), ids, core.uris(), clock);
        return new GraphComponents(follows,
                new RelationshipService(db, repos.relationships(), repos.accounts(), clock),
                new GraphQueryService(db, repos.accounts(), repos.relationships(), repos.graphPages(), clock),
                new BlockService(db, repos.accounts(), repos.relationships(), repos.notifications(), follows,
                        statuses.homeFeed(), statuses.outbox(), accounts.changes(), ids, clock),
                new MuteService(db, repos.accounts(), repos.relationships(), repos.graphPages(), statuses.homeFeed(),
                        statuses.relations(), ids, clock),
                new AccountDomainBlockService(db, repos.graphPages(), follows, accounts.changes(), ids, clock),
                new ListService(db, repos.lists(), repos.accounts(), ids, clock),
                new ListMembersService(db, repos.lists(), repos.accounts(), repos.relationships(), clock),
                new TagService(db, repos.tags(), repos.tagFollows(), repos.tagFeed(),
                        new social.starling.db.FeaturedTagRepository(), ids, clock),
                new ListTimelineService(db, repos.lists(), repos.listFeeds(), statuses.views(),
                        core.config().feeds().maxItems(), clock),
                new TagTimelineService(db, repos.tags(), repos.tagFeed(), statuses.views(), clock),
                new DiscoveryService(db, repos.discovery(), repos.accounts(), repos.relationships(),
                        statuses.relations()));
    }
}
