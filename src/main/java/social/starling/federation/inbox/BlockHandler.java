package social.starling.federation.inbox;

import social.starling.model.Account;
import social.starling.service.follow.BlockService;

/**
 * {@code Block} of a member by a remote account (Mastodon's block.rb): the follows end both ways and pending
 * requests are withdrawn, each side's statuses leave the other's home feed (BlockService, as for a local block).
 * The member is not told, as on Mastodon.
 */
public final class BlockHandler implements ActivityHandler {
    private final InboxLookup lookup;
    private final BlockService blocks;

    public BlockHandler(InboxLookup lookup, BlockService blocks) {
        this.lookup = lookup;
        this.blocks = blocks;
    }

    @Override
    public void handle(Inbound a) {
        Rules.idOnActorOrigin(a);
        Account member = lookup.requireLocalAccount(a, Rules.objectId(a));
        blocks.block(a.actor().id(), member.id());
    }
}
