package social.starling.wiring;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import social.starling.App;
import social.starling.api.mastodon.v1.accounts.AccountListsHandler;
import social.starling.api.mastodon.v1.accounts.BlockMuteHandler;
import social.starling.api.mastodon.v1.accounts.FollowCollectionsHandler;
import social.starling.api.mastodon.v1.blocks.BlocksHandler;
import social.starling.api.mastodon.v1.domain_blocks.DomainBlocksHandler;
import social.starling.api.mastodon.v1.follow_requests.FollowRequestsHandler;
import social.starling.api.mastodon.v1.lists.ListAccountsHandler;
import social.starling.api.mastodon.v1.lists.ListsHandler;
import social.starling.api.mastodon.v1.mutes.MutesHandler;
import social.starling.api.mastodon.v1.tags.FollowedTagsHandler;
import social.starling.api.mastodon.v1.tags.TagsHandler;
import social.starling.api.mastodon.v1.timelines.ListTimelineHandler;
import social.starling.api.mastodon.v1.timelines.TagTimelineHandler;
import social.starling.convert.ListApiMapper;
import social.starling.convert.RelationshipApiMapper;
import social.starling.convert.TagApiMapper;
import social.starling.db.GraphPagesRepository;
import social.starling.db.ListRepository;
import social.starling.db.TagFeedRepository;
import social.starling.db.TagFollowRepository;
import social.starling.service.follow.BlockService;
import social.starling.service.follow.DomainBlockService;
import social.starling.service.follow.GraphQueryService;
import social.starling.service.follow.MuteService;
import social.starling.service.list.ListMembersService;
import social.starling.service.list.ListService;
import social.starling.service.tag.TagService;
import social.starling.service.timeline.ListTimelineService;
import social.starling.service.timeline.TagTimelineService;

/**
 * The social graph beyond following: follow requests, blocks, mutes, domain blocks, followers/following pages,
 * lists and the list timeline, hashtags (show, follow, followed tags) and the hashtag timeline. The fan-out of
 * public statuses to hashtag followers lives in the core (DistributeStatusService → FeedRepository).
 */
public final class GraphModule implements Module {
    @Override
    public void install(App app, Wiring wiring) {
        var pages = new GraphPagesRepository();
        var listRepository = new ListRepository();
        var tagFeed = new TagFeedRepository();
        var auth = app.apiAuth;
        var relationshipApi = new RelationshipApiMapper();
        var listApi = new ListApiMapper();
        var tagApi = new TagApiMapper(app.formatter::hashtagUrl);

        var graph = new GraphQueryService(app.db, app.accounts, app.relationships, pages, app.clock);
        var blocks = new BlockService(app.db, app.accounts, app.relationships, app.notifications, app.follows,
                app.homeFeed, app.accountChanges, app.ids, app.clock);
        var mutes = new MuteService(app.db, app.accounts, app.relationships, pages, app.homeFeed, app.relationsCache,
                app.ids, app.clock);
        var domainBlocks = new DomainBlockService(app.db, pages, app.follows, app.accountChanges, app.ids, app.clock);
        var lists = new ListService(app.db, listRepository, app.accounts, app.ids, app.clock);
        var members = new ListMembersService(app.db, listRepository, app.accounts, app.relationships, app.clock);
        var tags = new TagService(app.db, app.tags, new TagFollowRepository(), tagFeed, app.ids, app.clock);
        var listTimeline = new ListTimelineService(app.db, listRepository, app.statusViews, app.clock);
        var tagTimeline = new TagTimelineService(app.db, app.tags, tagFeed, app.statusViews, app.clock);

        var blockMute = new BlockMuteHandler(auth, blocks, mutes, app.relationshipService, relationshipApi, app.json);
        var collections = new FollowCollectionsHandler(auth, graph, app.accountApi, app.baseUrl);
        var accountLists = new AccountListsHandler(auth, lists, listApi);
        var requests = new FollowRequestsHandler(auth, graph, app.follows, app.relationshipService, app.accountApi,
                relationshipApi, app.baseUrl);
        var blocksIndex = new BlocksHandler(auth, graph, app.accountApi, app.baseUrl);
        var mutesIndex = new MutesHandler(auth, graph, app.accountApi, app.baseUrl);
        var domains = new DomainBlocksHandler(auth, domainBlocks, app.json, app.baseUrl);
        var listsApi = new ListsHandler(auth, lists, listApi, app.json);
        var listAccounts = new ListAccountsHandler(auth, members, app.accountApi, app.json, app.baseUrl);
        var tagsApi = new TagsHandler(auth, tags, tagApi);
        var followedTags = new FollowedTagsHandler(auth, tags, tagApi, app.baseUrl);
        var listTimelineApi = new ListTimelineHandler(auth, listTimeline, app.statusApi, app.baseUrl);
        var tagTimelineApi = new TagTimelineHandler(auth, tagTimeline, app.statusApi, app.json, app.baseUrl);

        wiring.routes((JavalinDefaultRoutingApi r) -> {
            r.post("/api/v1/accounts/{id}/block", blockMute::block);
            r.post("/api/v1/accounts/{id}/unblock", blockMute::unblock);
            r.post("/api/v1/accounts/{id}/mute", blockMute::mute);
            r.post("/api/v1/accounts/{id}/unmute", blockMute::unmute);
            r.get("/api/v1/accounts/{id}/followers", collections::followers);
            r.get("/api/v1/accounts/{id}/following", collections::following);
            r.get("/api/v1/accounts/{id}/lists", accountLists::handle);
            r.get("/api/v1/follow_requests", requests::index);
            r.post("/api/v1/follow_requests/{id}/authorize", requests::authorize);
            r.post("/api/v1/follow_requests/{id}/reject", requests::reject);
            r.get("/api/v1/blocks", blocksIndex::index);
            r.get("/api/v1/mutes", mutesIndex::index);
            r.get("/api/v1/domain_blocks", domains::index);
            r.post("/api/v1/domain_blocks", domains::create);
            r.delete("/api/v1/domain_blocks", domains::destroy);
            r.get("/api/v1/lists", listsApi::index);
            r.post("/api/v1/lists", listsApi::create);
            r.get("/api/v1/lists/{id}", listsApi::show);
            r.put("/api/v1/lists/{id}", listsApi::update);
            r.delete("/api/v1/lists/{id}", listsApi::destroy);
            r.get("/api/v1/lists/{id}/accounts", listAccounts::index);
            r.post("/api/v1/lists/{id}/accounts", listAccounts::add);
            r.delete("/api/v1/lists/{id}/accounts", listAccounts::remove);
            r.get("/api/v1/timelines/list/{id}", listTimelineApi::handle);
            r.get("/api/v1/tags/{name}", tagsApi::show);
            r.post("/api/v1/tags/{name}/follow", tagsApi::follow);
            r.post("/api/v1/tags/{name}/unfollow", tagsApi::unfollow);
            r.get("/api/v1/followed_tags", followedTags::index);
            r.get("/api/v1/timelines/tag/{hashtag}", tagTimelineApi::handle);
        });
        wiring.jobs().every("mutes.expire", Duration.ofMinutes(5), mutes::deleteExpired);
    }
}
