package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import social.starling.model.Account;
import social.starling.service.follow.BlockService;

/** {@code Undo} of the sender's own embedded {@code Block} of a member: the block is lifted. */
public final class UndoBlockHandler implements ActivityHandler {
    private final InboxLookup lookup;
    private final BlockService blocks;

    public UndoBlockHandler(InboxLookup lookup, BlockService blocks) {
        this.lookup = lookup;
        this.blocks = blocks;
    }

    @Override
    public void handle(Inbound a) {
        JsonNode block = a.object();
        Rules.ownActivity(a, block);
        Account member = lookup.requireLocalAccount(a, Activities.idOf(block.get("object")).orElse(null));
        blocks.unblock(a.actor().id(), member.id());
    }
}
