package social.starling.wiring;

import java.time.Duration;
import social.starling.api.RouteTable;
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
import social.starling.jobs.JobRunner;

/**
 * The social graph beyond following: follow requests, blocks, mutes, domain blocks, followers/following pages,
 * lists and the list timeline, hashtags (show, follow, followed tags) and the hashtag timeline. The fan-out of
 * public statuses to hashtag followers lives in the core (DistributeStatusService → FeedRepository).
 */
public final class GraphModule implements Module {
    private final GraphComponents graph;
    private final BlockMuteHandler blockMute;
    private final FollowCollectionsHandler collections;
    private final AccountListsHandler accountLists;
    private final FollowRequestsHandler requests;
    private final BlocksHandler blocksIndex;
    private final MutesHandler mutesIndex;
    private final DomainBlocksHandler domains;
    private final ListsHandler listsApi;
    private final ListAccountsHandler listAccounts;
    private final TagsHandler tagsApi;
    private final FollowedTagsHandler followedTags;
    private final ListTimelineHandler listTimelineApi;
    private final TagTimelineHandler tagTimelineApi;

    public GraphModule(Core core, GraphComponents graph, Edges edges) {
        this.graph = graph;
        var auth = edges.auth();
        var json = edges.json();
        var baseUrl = edges.baseUrl();
        var accountApi = edges.accountApi();
        var relationshipApi = new RelationshipApiMapper();
        var listApi = new ListApiMapper();
        var tagApi = new TagApiMapper(core.formatter()::hashtagUrl);
        this.blockMute = new BlockMuteHandler(auth, graph.blocks(), graph.mutes(), graph.relationships(),
                relationshipApi, json);
        this.collections = new FollowCollectionsHandler(auth, graph.queries(), accountApi, baseUrl);
        this.accountLists = new AccountListsHandler(auth, graph.lists(), listApi);
        this.requests = new FollowRequestsHandler(auth, graph.queries(), graph.follows(), graph.relationships(),
                accountApi, relationshipApi, baseUrl);
        this.blocksIndex = new BlocksHandler(auth, graph.queries(), accountApi, baseUrl);
        this.mutesIndex = new MutesHandler(auth, graph.queries(), accountApi, baseUrl);
        this.domains = new DomainBlocksHandler(auth, graph.domainBlocks(), json, baseUrl);
        this.listsApi = new ListsHandler(auth, graph.lists(), listApi, json);
        this.listAccounts = new ListAccountsHandler(auth, graph.listMembers(), accountApi, json, baseUrl);
        this.tagsApi = new TagsHandler(auth, graph.tags(), tagApi);
        this.followedTags = new FollowedTagsHandler(auth, graph.tags(), tagApi, baseUrl);
        this.listTimelineApi = new ListTimelineHandler(auth, graph.listTimeline(), edges.statusApi(), baseUrl);
        this.tagTimelineApi = new TagTimelineHandler(auth, graph.tagTimeline(), edges.statusApi(), json, baseUrl);
    }

    @Override
    public void routes(RouteTable routes) {
        routes.mastodonApi()
                .post("/api/v1/accounts/{id}/block", blockMute::block)
                .post("/api/v1/accounts/{id}/unblock", blockMute::unblock)
                .post("/api/v1/accounts/{id}/mute", blockMute::mute)
                .post("/api/v1/accounts/{id}/unmute", blockMute::unmute)
                .get("/api/v1/accounts/{id}/followers", collections::followers)
                .get("/api/v1/accounts/{id}/following", collections::following)
                .get("/api/v1/accounts/{id}/lists", accountLists::handle)
                .get("/api/v1/follow_requests", requests::index)
                .post("/api/v1/follow_requests/{id}/authorize", requests::authorize)
                .post("/api/v1/follow_requests/{id}/reject", requests::reject)
                .get("/api/v1/blocks", blocksIndex::index)
                .get("/api/v1/mutes", mutesIndex::index)
                .get("/api/v1/domain_blocks", domains::index)
                .post("/api/v1/domain_blocks", domains::create)
                .delete("/api/v1/domain_blocks", domains::destroy)
                .get("/api/v1/lists", listsApi::index)
                .post("/api/v1/lists", listsApi::create)
                .get("/api/v1/lists/{id}", listsApi::show)
                .update("/api/v1/lists/{id}", listsApi::update)
                .delete("/api/v1/lists/{id}", listsApi::destroy)
                .get("/api/v1/lists/{id}/accounts", listAccounts::index)
                .post("/api/v1/lists/{id}/accounts", listAccounts::add)
                .delete("/api/v1/lists/{id}/accounts", listAccounts::remove)
                .get("/api/v1/timelines/list/{id}", listTimelineApi::handle)
                .get("/api/v1/tags/{name}", tagsApi::show)
                .post("/api/v1/tags/{name}/follow", tagsApi::follow)
                .post("/api/v1/tags/{name}/unfollow", tagsApi::unfollow)
                .get("/api/v1/followed_tags", followedTags::index)
                .get("/api/v1/timelines/tag/{hashtag}", tagTimelineApi::handle);
    }

    @Override
    public void jobs(JobRunner jobs) {
        jobs.every("mutes.expire", Duration.ofMinutes(5), graph.mutes()::deleteExpired);
        jobs.every("lists.trim", Duration.ofMinutes(10), graph.listTimeline()::trim);
    }
}
